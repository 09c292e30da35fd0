using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Directives.Server.Api;

/// <summary>
/// Lets service code just throw: domain and storage exceptions leaving a handler become API errors
/// (<see cref="ApiExceptionMapper"/>). <see cref="RpcException"/>s pass through untouched; any other
/// exception is logged and left to the transport, which ends the call UNKNOWN without its text.
/// Register it first, <c>services.AddGrpc(o => o.Interceptors.Add&lt;ApiErrorInterceptor&gt;())</c>,
/// so that it also sees what later interceptors throw.
/// </summary>
internal sealed partial class ApiErrorInterceptor(IOptions<ApiErrorOptions> options, ILogger<ApiErrorInterceptor> logger) : Interceptor
{
    private readonly ApiErrorOptions _options = options.Value;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (Map(exception, context, request) is { } error)
        {
            throw error;
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream,
        ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception exception) when (Map(exception, context, request: null) is { } error)
        {
            throw error;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception exception) when (Map(exception, context, request) is { } error)
        {
            throw error;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception exception) when (Map(exception, context, request: null) is { } error)
        {
            throw error;
        }
    }

    // Runs as an exception filter: an exception it does not map is never caught, so it reaches the
    // transport with its stack trace intact.
    private RpcException? Map(Exception exception, ServerCallContext context, object? request)
    {
        if (exception is RpcException)
        {
            return null;
        }

        if (exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            LogCanceled(logger, context.Method);
            return null;
        }

        var error = ApiExceptionMapper.Map(exception, new ApiErrorContext(context.Method, request as IMessage), _options);
        if (error is null)
        {
            LogUnmapped(logger, exception.GetType().Name, context.Method, exception);
            return null;
        }

        LogMapped(logger, exception.GetType().Name, context.Method, error.StatusCode, exception);
        return error;
    }

    [LoggerMessage(1, LogLevel.Debug, "{ExceptionType} from {Method} answered as {StatusCode}.", EventName = "ExceptionMapped")]
    private static partial void LogMapped(ILogger logger, string exceptionType, string method, StatusCode statusCode, Exception exception);

    [LoggerMessage(2, LogLevel.Error, "Unhandled {ExceptionType} in {Method}: the call ends UNKNOWN.", EventName = "ExceptionUnmapped")]
    private static partial void LogUnmapped(ILogger logger, string exceptionType, string method, Exception exception);

    [LoggerMessage(3, LogLevel.Debug, "{Method} was canceled.", EventName = "CallCanceled")]
    private static partial void LogCanceled(ILogger logger, string method);
}

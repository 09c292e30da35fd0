using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Hosting;

namespace Directives.Transport.GracefulShutdown.Internal;

/// <summary>
/// Runs first around every call. Once the host is stopping (ApplicationStopping), a new call is refused
/// with UNAVAILABLE; a call already running is counted until it ends, so shutdown can wait for it; a
/// streaming call's CancellationToken fires, and the cancellation it causes ends the call with UNAVAILABLE
/// rather than as an error, telling the client to retry on another instance.
/// The health service is left alone: it must answer NOT_SERVING while draining, and ends its own watches.
/// </summary>
internal sealed class GrpcDrainInterceptor : Interceptor
{
    private const string HealthServicePrefix = "/grpc.health.v1.Health/";

    private static readonly Status ShuttingDown = new(StatusCode.Unavailable, "The server is shutting down.");

    private readonly InFlightCalls _calls;
    private readonly CancellationToken _stopping;

    public GrpcDrainInterceptor(InFlightCalls calls, IHostApplicationLifetime lifetime)
    {
        _calls = calls;
        _stopping = lifetime.ApplicationStopping;
    }

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        IsExempt(context) ? continuation(request, context) : TrackUnaryAsync(request, context, continuation);

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (IsExempt(context))
        {
            return await continuation(requestStream, context);
        }

        TResponse? response = null;
        await TrackStreamAsync(context, async drainable => response = await continuation(requestStream, drainable));
        return response!;
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        IsExempt(context) ? continuation(request, responseStream, context) : TrackStreamAsync(context, drainable => continuation(request, responseStream, drainable));

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        IsExempt(context) ? continuation(requestStream, responseStream, context) : TrackStreamAsync(context, drainable => continuation(requestStream, responseStream, drainable));

    private static bool IsExempt(ServerCallContext context) => context.Method.StartsWith(HealthServicePrefix, StringComparison.Ordinal);

    private async Task<TResponse> TrackUnaryAsync<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        where TRequest : class
        where TResponse : class
    {
        Enter();
        try
        {
            // A unary call is not interrupted: it finishes within the shutdown timeout, or Kestrel aborts it.
            return await continuation(request, context);
        }
        finally
        {
            _calls.Exit();
        }
    }

    private async Task TrackStreamAsync(ServerCallContext context, Func<ServerCallContext, Task> continuation)
    {
        Enter();
        try
        {
            using var drainOrCallEnd = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, _stopping);
            try
            {
                await continuation(new DrainingServerCallContext(context, drainOrCallEnd.Token));
            }
            catch (Exception exception) when (exception is not RpcException && _stopping.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
            {
                // The handler stopped because the drain cancelled it (OperationCanceledException, or whatever
                // the cancelled I/O threw): the call ends UNAVAILABLE, not as a handler failure.
                throw new RpcException(ShuttingDown);
            }
        }
        finally
        {
            _calls.Exit();
        }
    }

    private void Enter()
    {
        // Counted before the check: shutdown starts waiting only after ApplicationStopping, so a call that
        // passes the check is always seen by the wait.
        _calls.Enter();
        if (_stopping.IsCancellationRequested)
        {
            _calls.Exit();
            throw new RpcException(ShuttingDown);
        }
    }
}

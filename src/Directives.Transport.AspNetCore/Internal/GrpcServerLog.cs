using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>The server's log events. Never message contents: only methods, statuses and sizes.</summary>
internal static partial class GrpcServerLog
{
    public const string CallHandlerCategory = "Grpc.AspNetCore.Server.ServerCallHandler";

    [LoggerMessage(1, LogLevel.Information, "Request content-type of '{ContentType}' is not supported.", EventName = "UnsupportedRequestContentType")]
    public static partial void UnsupportedRequestContentType(ILogger logger, string? contentType);

    [LoggerMessage(2, LogLevel.Information, "Request protocol of '{Protocol}' is not supported.", EventName = "UnsupportedRequestProtocol")]
    public static partial void UnsupportedRequestProtocol(ILogger logger, string protocol);

    [LoggerMessage(3, LogLevel.Debug, "Deadline exceeded for service method '{Method}'.", EventName = "DeadlineExceeded")]
    public static partial void DeadlineExceeded(ILogger logger, string method);

    [LoggerMessage(4, LogLevel.Debug, "Invalid grpc-timeout header value '{Timeout}' has been ignored.", EventName = "InvalidTimeoutIgnored")]
    public static partial void InvalidTimeoutIgnored(ILogger logger, string timeout);

    [LoggerMessage(5, LogLevel.Error, "Error when executing service method '{Method}'.", EventName = "ErrorExecutingServiceMethod")]
    public static partial void ErrorExecutingServiceMethod(ILogger logger, string method, Exception exception);

    [LoggerMessage(6, LogLevel.Information, "Service method '{Method}' ended with status code {StatusCode}.", EventName = "RpcConnectionError")]
    public static partial void RpcError(ILogger logger, string method, StatusCode statusCode);

    [LoggerMessage(7, LogLevel.Debug, "Service method '{Method}' was canceled by the client.", EventName = "ServiceMethodCanceled")]
    public static partial void ServiceMethodCanceled(ILogger logger, string method);

    [LoggerMessage(8, LogLevel.Warning, "Error ending service method '{Method}' at its deadline.", EventName = "ErrorEndingCallAtDeadline")]
    public static partial void ErrorEndingCallAtDeadline(ILogger logger, string method, Exception exception);

    [LoggerMessage(9, LogLevel.Debug, "Message of {Length} bytes exceeds the limit of {Limit} bytes.", EventName = "MessageExceedsLimit")]
    public static partial void MessageExceedsLimit(ILogger logger, long length, int limit);

    [LoggerMessage(10, LogLevel.Information, "Service '{ServiceName}' is unimplemented.", EventName = "ServiceUnimplemented")]
    public static partial void ServiceUnimplemented(ILogger logger, string serviceName);

    [LoggerMessage(11, LogLevel.Information, "Method '{MethodName}' of service '{ServiceName}' is unimplemented.", EventName = "MethodUnimplemented")]
    public static partial void MethodUnimplemented(ILogger logger, string serviceName, string methodName);

    [LoggerMessage(12, LogLevel.Information, "Request grpc-encoding '{Encoding}' is not supported.", EventName = "UnsupportedRequestEncoding")]
    public static partial void UnsupportedRequestEncoding(ILogger logger, string encoding);

    [LoggerMessage(13, LogLevel.Warning, "The request body size limit could not be lifted for a gRPC call.", EventName = "UnableToDisableMaxRequestBodySize")]
    public static partial void UnableToDisableMaxRequestBodySize(ILogger logger);
}

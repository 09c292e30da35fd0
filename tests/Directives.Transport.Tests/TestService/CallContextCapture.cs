using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Directives.Transport.Tests.TestService;

/// <summary>What a handler saw of its <see cref="ServerCallContext"/>, captured by <see cref="CapturingInterceptor"/>.</summary>
public sealed record CapturedCall(
    string Method,
    string Host,
    string Peer,
    DateTime Deadline,
    bool TokenCanBeCanceled,
    IReadOnlyList<Metadata.Entry> RequestHeaders,
    string HttpContextPath,
    string? SecondHeadersWriteError);

/// <summary>Captured calls by their <c>x-capture-id</c> header.</summary>
public sealed class CallContextCapture
{
    public ConcurrentDictionary<string, CapturedCall> Calls { get; } = new();

    /// <summary>The contexts themselves, to look at after their calls ended.</summary>
    public ConcurrentDictionary<string, ServerCallContext> Contexts { get; } = new();
}

/// <summary>
/// A server interceptor for tests. It adds its name to the <c>x-interceptor-order</c> trailer. With <c>x-capture-id</c> it records the call context; with
/// <c>x-set-status</c> it sets <see cref="ServerCallContext.Status"/> after the handler; with
/// <c>x-no-compress</c> it sets <see cref="WriteFlags.NoCompress"/>; with <c>x-headers-twice</c> it sends the
/// response headers and then tries again (which must fail).
/// </summary>
public sealed class CapturingInterceptor(CallContextCapture capture, string name = CapturingInterceptor.ActingName) : Interceptor
{
    /// <summary>Only the interceptor of this name acts on the headers; others just mark the trailers.</summary>
    public const string ActingName = "global";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        context.ResponseTrailers.Add("x-interceptor-order", name);
        if (name != ActingName)
        {
            return await continuation(request, context);
        }

        if (context.RequestHeaders.GetValue("x-no-compress") is not null)
        {
            context.WriteOptions = new WriteOptions(WriteFlags.NoCompress);
        }

        string? secondWriteError = null;
        if (context.RequestHeaders.GetValue("x-headers-twice") is not null)
        {
            await context.WriteResponseHeadersAsync(new Metadata { { "x-first-headers", "1" } });
            try
            {
                await context.WriteResponseHeadersAsync(new Metadata { { "x-second-headers", "1" } });
            }
            catch (InvalidOperationException exception)
            {
                secondWriteError = exception.Message;
            }
        }

        if (context.RequestHeaders.GetValue("x-capture-id") is { } id)
        {
            capture.Contexts[id] = context;
            capture.Calls[id] = new CapturedCall(
                context.Method,
                context.Host,
                context.Peer,
                context.Deadline,
                context.CancellationToken.CanBeCanceled,
                [.. context.RequestHeaders],
                context.GetHttpContext().Request.Path,
                secondWriteError);
        }

        var response = await continuation(request, context);
        if (context.RequestHeaders.GetValue("x-set-status") is { } status)
        {
            context.Status = new Status((StatusCode)int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), "set by interceptor");
        }

        return response;
    }
}

using System.Collections.Concurrent;

namespace Directives.Transport.Tests.Client;

/// <summary>
/// Records the <c>grpc-encoding</c> of every response the channel receives: metadata never shows it, so
/// this is how a test tells that a server really compressed its responses.
/// </summary>
public sealed class ResponseEncodingRecorder() : DelegatingHandler(new SocketsHttpHandler())
{
    public ConcurrentQueue<string> Encodings { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        Encodings.Enqueue(response.Headers.TryGetValues("grpc-encoding", out var values) ? string.Join(",", values) : "(none)");
        return response;
    }
}

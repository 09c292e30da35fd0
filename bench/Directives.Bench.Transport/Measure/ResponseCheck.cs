using System.Net;
using System.Net.Http.Headers;
using Directives.Bench.Transport.Protos;
using Grpc.Net.Client;

namespace Directives.Bench.Transport.Measure;

/// <summary>
/// Before measuring: both endpoints answer the echo frame with the same status, headers (but the date), body
/// bytes and trailers, and our client gets the echoed message and OK from both.
/// </summary>
internal static class ResponseCheck
{
    public static async Task<string> VerifyAsync(ServerProcess server, byte[] requestFrame)
    {
        using var http = new HttpMessageInvoker(new SocketsHttpHandler());
        var grpc = await DescribeAsync(http, server.GrpcPort, requestFrame);
        foreach (var target in new[] { Target.Raw, Target.RoutedRaw })
        {
            var raw = await DescribeAsync(http, server.Port(target), requestFrame);
            if (grpc != raw)
            {
                throw new InvalidOperationException("The " + target + " endpoint does not answer as the gRPC one does.\ngRPC:\n" + grpc + "\n" + target + ":\n" + raw);
            }
        }

        foreach (var port in new[] { server.GrpcPort, server.RawPort, server.RoutedRawPort })
        {
            using var channel = GrpcChannel.ForAddress("http://127.0.0.1:" + port);
            var reply = await new BenchService.BenchServiceClient(channel).EchoAsync(Payloads.EchoRequest);
            if (!reply.Response.Equals(Payloads.EchoRequest.Request))
            {
                throw new InvalidOperationException("The echo on port " + port + " returned a different message.");
            }
        }

        return grpc;
    }

    private static async Task<string> DescribeAsync(HttpMessageInvoker http, int port, byte[] frame)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:" + port + Payloads.EchoPath)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(frame),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        using var response = await http.SendAsync(request, CancellationToken.None);
        var body = await response.Content.ReadAsByteArrayAsync();
        return "status " + (int)response.StatusCode + "\n"
            + Headers(response.Headers) + Headers(response.Content.Headers)
            + "body " + Convert.ToHexString(body) + "\n"
            + "trailers\n" + Headers(response.TrailingHeaders);
    }

    private static string Headers(HttpHeaders headers) => string.Concat(headers.NonValidated
        .Where(header => !header.Key.Equals("date", StringComparison.OrdinalIgnoreCase))
        .OrderBy(header => header.Key, StringComparer.OrdinalIgnoreCase)
        .Select(header => header.Key.ToLowerInvariant() + ": " + string.Join(",", header.Value) + "\n"));
}

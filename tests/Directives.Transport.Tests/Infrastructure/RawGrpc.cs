using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace Directives.Transport.Tests.Infrastructure;

/// <summary>
/// gRPC by hand over <see cref="HttpClient"/>: length-prefixed frames built byte by byte and responses taken
/// apart, so the server is tested without our own client channel.
/// </summary>
public static class RawGrpc
{
    public const string ServicePath = "/directives.testing.v1.ConformanceService/";

    /// <summary>A length-prefixed message: the flag byte, the big-endian length, the payload.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> payload, byte flag = 0)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame.AsSpan(5));
        return frame;
    }

    public static byte[] Frame(IMessage message) => Frame(message.ToByteArray());

    /// <summary>A message gzip-compressed, with the compressed flag set.</summary>
    public static byte[] GzipFrame(IMessage message) => Frame(Gzip(message.ToByteArray()), flag: 1);

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    public static byte[] Gunzip(byte[] data)
    {
        using var input = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    public static byte[] Concat(params byte[][] parts)
    {
        var result = new byte[parts.Sum(p => p.Length)];
        var offset = 0;
        foreach (var part in parts)
        {
            part.CopyTo(result, offset);
            offset += part.Length;
        }

        return result;
    }

    /// <summary>A gRPC POST to a method of the conformance service (or any path starting with '/').</summary>
    public static HttpRequestMessage Request(string method, HttpContent content, string contentType = "application/grpc")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, method.StartsWith('/') ? method : ServicePath + method)
        {
            Content = content,
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("te", "trailers");
        return request;
    }

    public static HttpRequestMessage Request(string method, byte[] body, string contentType = "application/grpc") =>
        Request(method, new ByteArrayContent(body), contentType);

    /// <summary>Sends a request and reads the whole response: headers, messages and trailers.</summary>
    public static async Task<RawResponse> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return await RawResponse.ReadAsync(response, cancellationToken);
    }

    public static Task<RawResponse> UnaryAsync(HttpClient client, string method, IMessage message) =>
        SendAsync(client, Request(method, Frame(message)));
}

/// <summary>A response taken apart: HTTP status, headers, decoded messages and the gRPC status wherever it was sent.</summary>
public sealed class RawResponse
{
    public required HttpStatusCode HttpStatus { get; init; }

    public required HttpResponseHeaders Headers { get; init; }

    public required HttpResponseHeaders Trailers { get; init; }

    public string? ContentType { get; init; }

    public required byte[] Body { get; init; }

    /// <summary>Each message's flag and payload (still compressed when the flag says so).</summary>
    public required List<(byte Flag, byte[] Payload)> Frames { get; init; }

    /// <summary>True when the status came in the only HEADERS frame (Trailers-Only).</summary>
    public bool IsTrailersOnly => Header("grpc-status") is not null && Body.Length == 0 && !Trailers.Any();

    /// <summary>grpc-status from the trailers, or from the headers of a Trailers-Only response.</summary>
    public int? StatusCode => int.TryParse(Trailer("grpc-status") ?? Header("grpc-status"), out var code) ? code : null;

    /// <summary>The raw (still percent-encoded) grpc-message.</summary>
    public string? RawMessage => Trailer("grpc-message") ?? Header("grpc-message");

    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    public string? Trailer(string name) => Trailers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    public T Message<T>(MessageParser<T> parser, int index = 0)
        where T : IMessage<T>
    {
        var (flag, payload) = Frames[index];
        return parser.ParseFrom(flag == 1 ? RawGrpc.Gunzip(payload) : payload);
    }

    public static async Task<RawResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var frames = new List<(byte, byte[])>();
        var offset = 0;
        while (body.Length - offset >= 5)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(offset + 1));
            if (body.Length - offset - 5 < length)
            {
                break;
            }

            frames.Add((body[offset], body.AsSpan(offset + 5, length).ToArray()));
            offset += 5 + length;
        }

        return new RawResponse
        {
            HttpStatus = response.StatusCode,
            Headers = response.Headers,
            Trailers = response.TrailingHeaders,
            ContentType = response.Content.Headers.ContentType?.ToString(),
            Body = body,
            Frames = frames,
        };
    }
}

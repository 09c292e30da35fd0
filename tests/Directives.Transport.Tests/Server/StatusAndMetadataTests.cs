using System.Text;
using Directives.Testing.V1;
using Directives.Transport.Tests.Infrastructure;
using Directives.Transport.Tests.TestService;
using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace Directives.Transport.Tests.Server;

/// <summary>grpc-status, grpc-message, grpc-status-details-bin, Trailers-Only, metadata both ways, handler errors.</summary>
public class StatusAndMetadataTests(H2cServerFixture fixture) : IClassFixture<H2cServerFixture>
{
    [Fact]
    public async Task AnRpcExceptionBeforeAnyMessageIsSentTrailersOnly()
    {
        using var client = fixture.Server.CreateHttpClient();

        var response = await RawGrpc.UnaryAsync(client, "Unary", new EchoRequest { RaiseStatus = new StatusSpec { Code = 5, Message = "not here" } });

        Assert.True(response.IsTrailersOnly);
        Assert.Equal("5", response.Header("grpc-status"));
        Assert.Equal("not here", response.Header("grpc-message"));
        Assert.Equal("application/grpc", response.ContentType);
    }

    [Fact]
    public async Task AStatusAfterMessagesGoesInTrailers()
    {
        using var client = fixture.Server.CreateHttpClient();

        var response = await RawGrpc.UnaryAsync(client, "ServerStream", new EchoRequest { ResponseCount = 2, RaiseStatus = new StatusSpec { Code = 9, Message = "after two" } });

        Assert.False(response.IsTrailersOnly);
        Assert.Equal(2, response.Frames.Count);
        Assert.Equal("9", response.Trailer("grpc-status"));
        Assert.Equal("after two", response.Trailer("grpc-message"));
        Assert.Null(response.Header("grpc-status"));
    }

    [Fact]
    public async Task TheStatusMessageIsPercentEncodedUtf8()
    {
        using var client = fixture.Server.CreateHttpClient();
        const string message = "Lỗi: 100% thất bại ✓\r\nline two";

        var response = await RawGrpc.UnaryAsync(client, "Unary", new EchoRequest { RaiseStatus = new StatusSpec { Code = 3, Message = message } });

        var raw = response.RawMessage!;
        Assert.All(raw, c => Assert.InRange(c, ' ', '~'));
        Assert.Contains("100%25", raw, StringComparison.Ordinal);
        Assert.StartsWith("L%E1%BB%97i: ", raw, StringComparison.Ordinal);
        Assert.Equal(message, Uri.UnescapeDataString(raw));
    }

    [Fact]
    public async Task StatusDetailsAndRpcExceptionTrailersPassThrough()
    {
        using var client = fixture.Server.CreateHttpClient();
        var details = new byte[] { 0x08, 0x05, 0x12, 0x03, 0x61, 0x62, 0x63, 0xFF, 0x00 };

        var response = await RawGrpc.UnaryAsync(client, "Unary", new EchoRequest { RaiseStatus = new StatusSpec { Code = 5, Message = "m", Details = ByteString.CopyFrom(details) } });

        Assert.Equal(5, response.StatusCode);
        var encoded = response.Header("grpc-status-details-bin")!;
        Assert.Equal(details, Base64(encoded));
    }

    [Fact]
    public async Task AsciiAndBinaryMetadataAreEchoedInHeadersAndTrailers()
    {
        using var client = fixture.Server.CreateHttpClient();
        var unpadded = new byte[] { 0, 1, 2, 250, 251 };
        var padded = new byte[] { 9, 8, 7, 6 };
        var request = RawGrpc.Request("Unary", RawGrpc.Frame(new EchoRequest { EchoMetadata = true }));
        request.Headers.Add("x-echo-name", "tỉnh".Normalize() == "tỉnh" ? "hung-yen" : "x");
        request.Headers.Add("x-echo-data-bin", Convert.ToBase64String(unpadded).TrimEnd('='));
        request.Headers.Add("x-echo-padded-bin", Convert.ToBase64String(padded));
        request.Headers.Add("x-other", "not echoed");

        var response = await RawGrpc.SendAsync(client, request);

        Assert.Equal(0, response.StatusCode);
        Assert.Equal("hung-yen", response.Header("x-echo-name"));
        Assert.Equal(unpadded, Base64(response.Header("x-echo-data-bin")!));
        Assert.Equal(padded, Base64(response.Header("x-echo-padded-bin")!));
        Assert.Null(response.Header("x-other"));
        Assert.Equal("hung-yen", response.Trailer("x-trailer-name"));
        Assert.Equal(unpadded, Base64(response.Trailer("x-trailer-data-bin")!));
        Assert.Equal(padded, Base64(response.Trailer("x-trailer-padded-bin")!));
        Assert.DoesNotContain('=', response.Trailer("x-trailer-data-bin")!);
    }

    [Fact]
    public async Task RepeatedMetadataKeysKeepEveryValue()
    {
        using var client = fixture.Server.CreateHttpClient();
        var request = RawGrpc.Request("Unary", RawGrpc.Frame(new EchoRequest { EchoMetadata = true }));
        request.Headers.Add("x-echo-many", ["one", "two"]);

        var response = await RawGrpc.SendAsync(client, request);

        Assert.Equal(["one", "two"], response.Headers.GetValues("x-echo-many").SelectMany(v => v.Split(',')).Select(v => v.Trim()));
    }

    [Fact]
    public async Task AHeaderValueThatIsNotValidMetadataIsSkipped()
    {
        using var client = fixture.Server.CreateHttpClient();
        var request = RawGrpc.Request("Unary", RawGrpc.Frame(new EchoRequest { EchoMetadata = true }));
        request.Headers.Add("x-echo-fine", "yes");
        request.Headers.TryAddWithoutValidation("x-echo-tab", "a\tb");
        request.Headers.TryAddWithoutValidation("x-echo-broken-bin", "!!!not base64!!!");

        var response = await RawGrpc.SendAsync(client, request);

        Assert.Equal(0, response.StatusCode);
        Assert.Equal("yes", response.Header("x-echo-fine"));
        Assert.Null(response.Header("x-echo-tab"));
        Assert.Null(response.Header("x-echo-broken-bin"));
    }

    [Fact]
    public async Task AHandlerExceptionIsUnknownWithoutItsText()
    {
        using var client = fixture.Server.CreateHttpClient();

        var response = await RawGrpc.UnaryAsync(client, "Unary", new EchoRequest { ThrowException = true });

        Assert.Equal(2, response.StatusCode);
        Assert.Equal("Exception was thrown by handler.", response.RawMessage);
        Assert.DoesNotContain(ConformanceTestService.SecretExceptionText, response.RawMessage, StringComparison.Ordinal);
        Assert.Contains(fixture.Server.Logs.Entries, entry => entry.EventId.Name == "ErrorExecutingServiceMethod" && entry.Level == LogLevel.Error && entry.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task DetailedErrorsAddTheExceptionTypeAndMessage()
    {
        await using var server = await GrpcTestServer.StartAsync(new GrpcTestServerOptions { ConfigureGrpc = options => options.EnableDetailedErrors = true });
        using var client = server.CreateHttpClient();

        var response = await RawGrpc.UnaryAsync(client, "Unary", new EchoRequest { ThrowException = true });

        Assert.Equal(2, response.StatusCode);
        Assert.Equal("Exception was thrown by handler. InvalidOperationException: " + ConformanceTestService.SecretExceptionText, Uri.UnescapeDataString(response.RawMessage!));
    }

    [Fact]
    public async Task LogsNeverCarryMessageContents()
    {
        using var client = fixture.Server.CreateHttpClient();
        const string secret = "message-content-7f3a";

        await RawGrpc.UnaryAsync(client, "Unary", new EchoRequest { Message = secret, RaiseStatus = new StatusSpec { Code = 3, Message = "bad" } });
        await RawGrpc.UnaryAsync(client, "Unary", new EchoRequest { Message = secret });

        Assert.DoesNotContain(fixture.Server.Logs.Entries, entry => entry.Message.Contains(secret, StringComparison.Ordinal));
    }

    private static byte[] Base64(string value)
    {
        var trimmed = value.Trim();
        return Convert.FromBase64String(trimmed.PadRight(trimmed.Length + ((4 - (trimmed.Length % 4)) % 4), '='));
    }

    private static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}

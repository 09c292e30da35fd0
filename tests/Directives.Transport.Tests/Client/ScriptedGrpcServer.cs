using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Directives.Testing.V1;
using Google.Protobuf;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Directives.Transport.Tests.Client;

/// <summary>
/// A bare Kestrel HTTP/2 endpoint (no gRPC server) whose handler each test writes by hand: it answers with
/// exactly the bytes, headers and trailers the test scripts, including responses no real server would send.
/// </summary>
public sealed class ScriptedGrpcServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedGrpcServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ScriptedGrpcServer> StartAsync(RequestDelegate handler, X509Certificate2? certificate = null, Action<KestrelServerOptions>? configureKestrel = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                // HTTP/2 only: over cleartext that is prior knowledge (h2c), over TLS ALPN h2.
                listen.Protocols = HttpProtocols.Http2;
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
            configureKestrel?.Invoke(kestrel);
        });
        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ScriptedGrpcServer(app, new Uri(address));
    }

    /// <summary>A channel to this server and a typed client on it.</summary>
    public (GrpcChannel Channel, ConformanceService.ConformanceServiceClient Client) CreateClient(GrpcChannelOptions? options = null)
    {
        var channel = GrpcChannel.ForAddress(Address, options ?? new GrpcChannelOptions());
        return (channel, new ConformanceService.ConformanceServiceClient(channel));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>A length-prefixed message.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> payload, byte flag = 0)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame.AsSpan(5));
        return frame;
    }

    public static byte[] Frame(IMessage message) => Frame(message.ToByteArray());

    public static byte[] Gzip(ReadOnlySpan<byte> data)
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

    /// <summary>Starts a gRPC response: 200, content-type application/grpc, headers flushed.</summary>
    public static async Task StartGrpcResponseAsync(HttpContext context, string contentType = "application/grpc")
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = contentType;
        await context.Response.StartAsync();
        await context.Response.Body.FlushAsync();
    }

    /// <summary>A complete response: headers, the bytes, then trailers with the status.</summary>
    public static async Task RespondAsync(HttpContext context, byte[] body, int status = 0, string? message = null)
    {
        await StartGrpcResponseAsync(context);
        await context.Response.Body.WriteAsync(body);
        context.Response.AppendTrailer("grpc-status", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (message is not null)
        {
            context.Response.AppendTrailer("grpc-message", message);
        }
    }

    /// <summary>The whole request body.</summary>
    public static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        return body.ToArray();
    }
}

using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>
/// Makes Kestrel endpoints HTTP/2 only unless the application says otherwise. Kestrel cannot tell
/// HTTP/1.1 from h2c on a cleartext endpoint that allows both (it serves HTTP/1.1 there), so without this
/// an <c>http://</c> URL from <c>--urls</c> or <c>ASPNETCORE_URLS</c> would not speak gRPC at all. Over TLS
/// the endpoint then offers only h2 by ALPN.
/// </summary>
/// <remarks>
/// What overrides it: <c>Kestrel:EndpointDefaults:Protocols</c> in configuration (then this does nothing),
/// <c>Protocols</c> of an endpoint in configuration or in <c>Listen(…, o =&gt; o.Protocols = …)</c>, or a
/// <c>ConfigureEndpointDefaults</c> call registered after <c>AddGrpc</c> (the last one wins).
/// </remarks>
internal sealed class KestrelHttp2Defaults(IServiceProvider services) : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions options)
    {
        var configuration = services.GetService<IConfiguration>();
        if (configuration?["Kestrel:EndpointDefaults:Protocols"] is not null)
        {
            return;
        }

        options.ConfigureEndpointDefaults(static listenOptions => listenOptions.Protocols = HttpProtocols.Http2);
    }
}

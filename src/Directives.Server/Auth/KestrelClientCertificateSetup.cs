using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Options;

namespace Directives.Server.Auth;

/// <summary>
/// Asks TLS clients for a certificate when <c>Auth:ClientCertificates:Mode</c> says so, and accepts only
/// mapped ones: the thumbprint list is the trust anchor, not a chain to a root. Set through Kestrel's
/// HTTPS defaults, which endpoints from the <c>Kestrel</c> configuration section take at start; an
/// endpoint configured in code takes them when <c>UseHttps</c> runs, so it must be configured after
/// AddDirectivesTenancy, and code that calls ConfigureHttpsDefaults itself replaces these settings.
/// </summary>
internal sealed class KestrelClientCertificateSetup(IOptions<AuthOptions> options, ClientCertificateIdentities identities)
    : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions kestrel)
    {
        var mode = options.Value.ClientCertificates.Mode;
        if (mode == ClientCertificateMode.NoCertificate)
        {
            return;
        }

        kestrel.ConfigureHttpsDefaults(https =>
        {
            https.ClientCertificateMode = mode;
            https.ClientCertificateValidation = (certificate, _, _) => identities.Find(certificate) is not null;
        });
    }
}

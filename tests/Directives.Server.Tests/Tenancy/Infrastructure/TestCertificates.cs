using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Directives.Server.Tests.Tenancy.Infrastructure;

/// <summary>Self-signed certificates for TLS tests: a server's, and clients' for mutual TLS.</summary>
internal static class TestCertificates
{
    public static X509Certificate2 Server() => Create("CN=localhost", new Oid("1.3.6.1.5.5.7.3.1"));

    public static X509Certificate2 Client(string name) => Create("CN=" + name, new Oid("1.3.6.1.5.5.7.3.2"));

    private static X509Certificate2 Create(string subject, Oid usage)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([usage], critical: false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));

        // A PFX round trip gives the private key a form both SslStream sides accept on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), password: null);
    }
}

using System.Security.Cryptography;
using Directives.Contracts.V1;
using Directives.Server.Tenancy;
using Directives.Server.Tests.Tenancy.Infrastructure;
using Grpc.Core;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Tests.Tenancy;

/// <summary>Optional mutual TLS: a mapped client certificate stands for a caller, as a token does.</summary>
public sealed class ClientCertificateTests : IAsyncLifetime
{
    private readonly X509Certificate2Holder _certificates = new();
    private TenancyTestServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await TenancyTestServer.StartAsync(
            new Dictionary<string, string?>
            {
                ["Auth:ClientCertificates:Mode"] = "AllowCertificate",
                ["Auth:ClientCertificates:Mappings:0:Thumbprint"] = _certificates.Mapped.GetCertHashString(HashAlgorithmName.SHA256),
                ["Auth:ClientCertificates:Mappings:0:Subject"] = "svc-cong-an-hung-yen",
                ["Auth:ClientCertificates:Mappings:0:Province"] = "hung-yen",
                ["Auth:ClientCertificates:Mappings:0:Agency"] = "cong-an-tinh",
                ["Auth:ClientCertificates:Mappings:0:Roles:0"] = "officer",
            },
            serverCertificate: _certificates.Server);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _certificates.Dispose();
    }

    [Fact]
    public async Task AMappedCertificateStandsForItsCaller()
    {
        using var channel = _server.CreateChannel(clientCertificate: _certificates.Mapped);
        var directive = await new DirectiveService.DirectiveServiceClient(channel).GetDirectiveAsync(new GetDirectiveRequest { Name = "provinces/hung-yen/directives/x" });

        Assert.Equal("provinces/hung-yen/directives/echo", directive.Name);
        Assert.Equal(new ServiceCall("GetDirective", TenantScope.Province, "hung-yen", "svc-cong-an-hung-yen"), Assert.Single(_server.Calls.Calls));
    }

    [Fact]
    public async Task AMappedCertificateIsHeldToItsProvince()
    {
        using var channel = _server.CreateChannel(clientCertificate: _certificates.Mapped);
        await RpcAssert.FailsAsync(
            () => new DirectiveService.DirectiveServiceClient(channel).GetDirectiveAsync(new GetDirectiveRequest { Name = "provinces/dong-thap/directives/x" }),
            StatusCode.PermissionDenied,
            "PROVINCE_MISMATCH");
    }

    [Fact]
    public async Task AnUnmappedCertificateIsRefusedAtTheHandshake()
    {
        using var channel = _server.CreateChannel(clientCertificate: _certificates.Unmapped);
        var exception = await Assert.ThrowsAsync<RpcException>(async () => await new DirectiveService.DirectiveServiceClient(channel).GetDirectiveAsync(new GetDirectiveRequest { Name = "provinces/hung-yen/directives/x" }));
        Assert.Equal(StatusCode.Unavailable, exception.StatusCode);
        Assert.Empty(_server.Calls.Calls);
    }

    [Fact]
    public async Task WithoutACertificateOrATokenTheCallIsUnauthenticated()
    {
        using var channel = _server.CreateChannel();
        await RpcAssert.FailsAsync(
            () => new DirectiveService.DirectiveServiceClient(channel).GetDirectiveAsync(new GetDirectiveRequest { Name = "provinces/hung-yen/directives/x" }),
            StatusCode.Unauthenticated,
            "TOKEN_MISSING");
    }

    private sealed class X509Certificate2Holder : IDisposable
    {
        public System.Security.Cryptography.X509Certificates.X509Certificate2 Server { get; } = TestCertificates.Server();

        public System.Security.Cryptography.X509Certificates.X509Certificate2 Mapped { get; } = TestCertificates.Client("svc-cong-an-hung-yen");

        public System.Security.Cryptography.X509Certificates.X509Certificate2 Unmapped { get; } = TestCertificates.Client("stranger");

        public void Dispose()
        {
            Server.Dispose();
            Mapped.Dispose();
            Unmapped.Dispose();
        }
    }
}

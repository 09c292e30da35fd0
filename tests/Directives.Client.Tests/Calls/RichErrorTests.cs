using Directives.Client.Errors;
using Directives.Client.Tests.Infrastructure;
using Directives.Contracts.V1;
using Directives.Server.Auth;
using Grpc.Core;
using Task = System.Threading.Tasks.Task;

namespace Directives.Client.Tests.Calls;

/// <summary>The server's refusals arrive as typed exceptions with their details: reason, Vietnamese message, field violations.</summary>
public sealed class RichErrorTests : IAsyncLifetime
{
    private ServerProcess _server = null!;

    public async Task InitializeAsync() => _server = await ServerProcess.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task AnInvalidCreateListsItsFieldViolationsWithAVietnameseMessage()
    {
        using var client = _server.Client(RoleNames.Secretariat, "hung-yen");

        var error = await Assert.ThrowsAsync<InvalidArgumentException>(async () => await client.Directives.CreateDirectiveAsync(new CreateDirectiveRequest
        {
            Parent = "provinces/hung-yen",
            Directive = new Directive { DocumentType = DocumentType.Directive },
        }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("INVALID_FIELD", error.Reason);
        Assert.Equal("directives.gov.vn", error.Domain);
        Assert.Equal(["directive.issuing_body", "directive.subject"], error.FieldViolations.Select(v => v.Field).Order());
        Assert.False(string.IsNullOrWhiteSpace(error.LocalizedMessage));
        Assert.NotEqual(error.Status.Detail, error.LocalizedMessage);
        Assert.Contains("trường", error.LocalizedMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACrossProvinceReadIsPermissionDenied()
    {
        using var client = _server.Client(RoleNames.Viewer, "hung-yen");

        var error = await Assert.ThrowsAsync<PermissionDeniedException>(async () => await client.Directives.ListDirectivesAsync(new ListDirectivesRequest { Parent = "provinces/tien-giang" }));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("PROVINCE_MISMATCH", error.Reason);
        Assert.Contains("tien-giang", error.LocalizedMessage, StringComparison.Ordinal);
        Assert.IsAssignableFrom<RpcException>(error);
    }

    [Fact]
    public async Task AMissingDirectiveIsNotFound()
    {
        using var client = _server.Client(RoleNames.Viewer, "hung-yen");

        var error = await Assert.ThrowsAsync<NotFoundException>(async () => await client.Directives.GetDirectiveAsync(new GetDirectiveRequest { Name = "provinces/hung-yen/directives/khong-co" }));

        Assert.Equal("provinces/hung-yen/directives/khong-co", error.ResourceName);
    }
}

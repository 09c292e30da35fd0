using Directives.Contracts.V1;
using Directives.Server.Auth;
using Directives.Server.Tenancy;
using Directives.Server.Tests.Tenancy.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Tests.Tenancy;

/// <summary>The registry at runtime through ProvinceAdminService and ProvinceService, without restarts.</summary>
public sealed class ProvinceRegistryTests : IAsyncLifetime
{
    private static readonly Metadata Admin = TestTokens.Bearer(TestTokens.PlatformAdmin());

    private TenancyTestServer _server = null!;
    private ProvinceAdminService.ProvinceAdminServiceClient _admin = null!;
    private ProvinceService.ProvinceServiceClient _provinces = null!;

    public async Task InitializeAsync()
    {
        _server = await TenancyTestServer.StartAsync();
        _admin = new ProvinceAdminService.ProvinceAdminServiceClient(_server.CreateChannel());
        _provinces = new ProvinceService.ProvinceServiceClient(_server.CreateChannel());
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ACreatedProvinceIsProvisionedListedAndServedAtOnce()
    {
        var created = await _admin.CreateProvinceAsync(
            new CreateProvinceRequest { ProvinceId = "lao-cai", Province = new Province { DisplayName = "Lào Cai", StorageLocation = "pg-north-1" } },
            Admin);

        Assert.Equal("provinces/lao-cai", created.Name);
        Assert.Equal(Province.Types.State.Active, created.State);
        Assert.Equal("Asia/Ho_Chi_Minh", created.TimeZone);
        Assert.Equal("pg-north-1", created.StorageLocation);
        Assert.Equal(["lao-cai"], _server.Provisioner.Provisioned);

        var listed = await _provinces.ListProvincesAsync(new ListProvincesRequest(), Viewer("hung-yen"));
        var province = Assert.Single(listed.Provinces, p => p.Name == "provinces/lao-cai");
        Assert.Equal("", province.StorageLocation);
        var adminListed = await _admin.ListProvincesAsync(new ListProvincesRequest { Filter = "display_name:\"lao cai\"" }, Admin);
        Assert.Equal("pg-north-1", Assert.Single(adminListed.Provinces).StorageLocation);

        var directive = await new DirectiveService.DirectiveServiceClient(_server.CreateChannel())
            .GetDirectiveAsync(new GetDirectiveRequest { Name = "provinces/lao-cai/directives/x" }, Viewer("lao-cai"));
        Assert.Equal("provinces/lao-cai/directives/echo", directive.Name);
    }

    [Fact]
    public async Task TheRegistryFileKeepsChangesAcrossRestarts()
    {
        await _admin.CreateProvinceAsync(new CreateProvinceRequest { ProvinceId = "lao-cai", Province = new Province { DisplayName = "Lào Cai" } }, Admin);

        using var reloaded = new JsonProvinceRegistry(
            Options.Create(new ProvinceRegistryOptions { RegistryFile = _server.RegistryFile, SeedFile = "/nonexistent" }),
            TimeProvider.System,
            NullLogger<JsonProvinceRegistry>.Instance);
        var province = await reloaded.FindAsync("lao-cai", CancellationToken.None);

        Assert.Equal("Lào Cai", province?.DisplayName);
        Assert.Contains("\"Lào Cai\"", await File.ReadAllTextAsync(_server.RegistryFile), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_server.Folder, "*.tmp"));
    }

    [Fact]
    public async Task ARetryWithTheSameRequestIdReturnsTheFirstResult()
    {
        var request = new CreateProvinceRequest { ProvinceId = "lao-cai", RequestId = Guid.NewGuid().ToString(), Province = new Province { DisplayName = "Lào Cai" } };

        var first = await _admin.CreateProvinceAsync(request, Admin);
        var retry = await _admin.CreateProvinceAsync(request, Admin);

        Assert.Equal(first, retry);
        Assert.Single(_server.Provisioner.Provisioned);
        request.Province.DisplayName = "Lào Cai mới";
        await RpcAssert.FailsAsync(() => _admin.CreateProvinceAsync(request, Admin), StatusCode.AlreadyExists, "REQUEST_ID_REUSED");
    }

    [Fact]
    public async Task ATakenIdIsAlreadyExists()
    {
        await RpcAssert.FailsAsync(
            () => _admin.CreateProvinceAsync(new CreateProvinceRequest { ProvinceId = "hung-yen", Province = new Province { DisplayName = "Hưng Yên" } }, Admin),
            StatusCode.AlreadyExists,
            "RESOURCE_ALREADY_EXISTS");
    }

    [Fact]
    public async Task UnreachableStorageRegistersNothing()
    {
        _server.Provisioner.UnreachableLocations.Add("pg-down");

        await RpcAssert.FailsAsync(
            () => _admin.CreateProvinceAsync(new CreateProvinceRequest { ProvinceId = "lao-cai", Province = new Province { DisplayName = "Lào Cai", StorageLocation = "pg-down" } }, Admin),
            StatusCode.Unavailable,
            "STORAGE_UNAVAILABLE");
        await RpcAssert.FailsAsync(
            () => _provinces.GetProvinceAsync(new GetProvinceRequest { Name = "provinces/lao-cai" }, Admin),
            StatusCode.NotFound,
            "PROVINCE_NOT_FOUND");
    }

    [Fact]
    public async Task ValidateOnlyRegistersNothing()
    {
        var preview = await _admin.CreateProvinceAsync(new CreateProvinceRequest { ProvinceId = "lao-cai", ValidateOnly = true, Province = new Province { DisplayName = "Lào Cai" } }, Admin);

        Assert.Equal("provinces/lao-cai", preview.Name);
        Assert.Empty(_server.Provisioner.Provisioned);
        await RpcAssert.FailsAsync(() => _provinces.GetProvinceAsync(new GetProvinceRequest { Name = "provinces/lao-cai" }, Admin), StatusCode.NotFound, "PROVINCE_NOT_FOUND");
    }

    [Fact]
    public async Task InvalidFieldsAreListed()
    {
        var exception = await Assert.ThrowsAsync<RpcException>(async () => await _admin.CreateProvinceAsync(
            new CreateProvinceRequest { ProvinceId = "Lao Cai", RequestId = "nope", Province = new Province { DisplayName = " ", TimeZone = "Mars/Olympus", StorageLocation = "pg north" } },
            Admin));

        Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
        var badRequest = Grpc.StatusProto.RpcStatusExtensions.GetDetail<Google.Rpc.BadRequest>(Grpc.StatusProto.RpcExceptionExtensions.GetRpcStatus(exception)!);
        Assert.Equal(
            ["province_id", "province.display_name", "province.time_zone", "province.storage_location", "request_id"],
            badRequest!.FieldViolations.Select(v => v.Field));
    }

    [Theory]
    [InlineData(RoleNames.Ministry, null)]
    [InlineData(RoleNames.ProvinceAdmin, "hung-yen")]
    public async Task OnlyThePlatformAdministratorManagesTheRegistry(string role, string? province)
    {
        await RpcAssert.FailsAsync(
            () => _admin.CreateProvinceAsync(new CreateProvinceRequest { ProvinceId = "lao-cai", Province = new Province { DisplayName = "Lào Cai" } }, TestTokens.Bearer(TestTokens.For(province, role))),
            StatusCode.PermissionDenied,
            "ROLE_REQUIRED");
        Assert.Empty(_server.Provisioner.Provisioned);
    }

    [Fact]
    public async Task AStateChangeTakesEffectOnTheNextCall()
    {
        var directives = new DirectiveService.DirectiveServiceClient(_server.CreateChannel());
        await directives.GetDirectiveAsync(new GetDirectiveRequest { Name = "provinces/ninh-binh/directives/x" }, Viewer("ninh-binh"));

        var province = await _provinces.GetProvinceAsync(new GetProvinceRequest { Name = "provinces/ninh-binh" }, Admin);
        var disabled = await _admin.UpdateProvinceStateAsync(new UpdateProvinceStateRequest { Name = province.Name, State = Province.Types.State.Disabled, Etag = province.Etag }, Admin);

        Assert.Equal(Province.Types.State.Disabled, disabled.State);
        Assert.NotEqual(province.Etag, disabled.Etag);
        await RpcAssert.FailsAsync(
            () => directives.GetDirectiveAsync(new GetDirectiveRequest { Name = "provinces/ninh-binh/directives/x" }, Viewer("ninh-binh")),
            StatusCode.FailedPrecondition,
            "PROVINCE_DISABLED");
        await RpcAssert.FailsAsync(
            () => _admin.UpdateProvinceStateAsync(new UpdateProvinceStateRequest { Name = province.Name, State = Province.Types.State.Active, Etag = province.Etag }, Admin),
            StatusCode.Aborted,
            "ETAG_MISMATCH");

        var again = await _admin.UpdateProvinceStateAsync(new UpdateProvinceStateRequest { Name = province.Name, State = Province.Types.State.Disabled }, Admin);
        Assert.Equal(disabled.Etag, again.Etag);
    }

    [Fact]
    public async Task LinkingAPredecessorLinksBothWays()
    {
        var linked = await _admin.LinkPredecessorAsync(
            new LinkPredecessorRequest { Name = "provinces/ninh-binh", Predecessor = "provinces/nam-dinh", SuccessionDate = new Date { Year = 2025, Month = 7, Day = 1 } },
            Admin);

        Assert.Equal(["provinces/nam-dinh"], linked.Predecessors);
        var predecessor = await _provinces.GetProvinceAsync(new GetProvinceRequest { Name = "provinces/nam-dinh" }, Admin);
        Assert.Equal("provinces/ninh-binh", predecessor.Successor);
        Assert.Equal(new Date { Year = 2025, Month = 7, Day = 1 }, predecessor.SuccessionDate);
        Assert.Equal(Province.Types.State.Active, predecessor.State);

        var again = await _admin.LinkPredecessorAsync(
            new LinkPredecessorRequest { Name = "provinces/ninh-binh", Predecessor = "provinces/nam-dinh", SuccessionDate = new Date { Year = 2025, Month = 7, Day = 1 } },
            Admin);
        Assert.Equal(linked.Etag, again.Etag);

        var filtered = await _provinces.ListProvincesAsync(new ListProvincesRequest { Filter = "predecessors:\"provinces/nam-dinh\"" }, Admin);
        Assert.Equal("provinces/ninh-binh", Assert.Single(filtered.Provinces).Name);
    }

    [Fact]
    public async Task APredecessorHasOneSuccessorAndLinksMakeNoCycle()
    {
        var date = new Date { Year = 2025, Month = 7, Day = 1 };
        await RpcAssert.FailsAsync(
            () => _admin.LinkPredecessorAsync(new LinkPredecessorRequest { Name = "provinces/ninh-binh", Predecessor = "provinces/thai-binh", SuccessionDate = date }, Admin),
            StatusCode.FailedPrecondition,
            "INVALID_STATE_TRANSITION");
        await RpcAssert.FailsAsync(
            () => _admin.LinkPredecessorAsync(new LinkPredecessorRequest { Name = "provinces/thai-binh", Predecessor = "provinces/hung-yen", SuccessionDate = date }, Admin),
            StatusCode.FailedPrecondition,
            "INVALID_STATE_TRANSITION");
        await RpcAssert.FailsAsync(
            () => _admin.LinkPredecessorAsync(new LinkPredecessorRequest { Name = "provinces/hung-yen", Predecessor = "provinces/hung-yen", SuccessionDate = date }, Admin),
            StatusCode.InvalidArgument,
            "INVALID_FIELD");
    }

    [Fact]
    public async Task ListingPagesNeitherSkipNorRepeatWhenProvincesAreAdded()
    {
        var first = await _provinces.ListProvincesAsync(new ListProvincesRequest { PageSize = 3, OrderBy = "display_name desc" }, Admin);
        await _admin.CreateProvinceAsync(new CreateProvinceRequest { ProvinceId = "an-giang", Province = new Province { DisplayName = "An Giang" } }, Admin);
        var second = await _provinces.ListProvincesAsync(new ListProvincesRequest { PageSize = 3, OrderBy = "display_name desc", PageToken = first.NextPageToken }, Admin);
        var third = await _provinces.ListProvincesAsync(new ListProvincesRequest { PageSize = 3, OrderBy = "display_name desc", PageToken = second.NextPageToken }, Admin);

        var names = first.Provinces.Concat(second.Provinces).Concat(third.Provinces).Select(p => p.DisplayName).ToList();
        Assert.Equal(["Tiền Giang", "Thái Bình", "Ninh Bình", "Nam Định", "Hưng Yên", "Hà Giang", "Đồng Tháp", "An Giang"], names);
        Assert.Equal("", third.NextPageToken);
        await RpcAssert.FailsAsync(
            () => _provinces.ListProvincesAsync(new ListProvincesRequest { PageSize = 3, PageToken = first.NextPageToken }, Admin),
            StatusCode.InvalidArgument,
            "INVALID_PAGE_TOKEN");
    }

    [Fact]
    public async Task TheShippedSeedHoldsTheThirtyFourProvincesAndTheMergedOnes()
    {
        await using var server = await TenancyTestServer.StartAsync(seedJson: null);
        var registry = server.Services.GetRequiredService<IProvinceRegistry>();
        var provinces = await registry.ListAsync(CancellationToken.None);

        Assert.Equal(34, provinces.Count(p => p.State == ProvinceState.Active));
        var merged = provinces.Where(p => p.State == ProvinceState.ReadOnly).ToDictionary(p => p.Id, p => p.Successor);
        Assert.Equal(
            new Dictionary<string, string?> { ["hai-duong"] = "hai-phong", ["nam-dinh"] = "ninh-binh", ["thai-binh"] = "hung-yen", ["tien-giang"] = "dong-thap" },
            merged);
        Assert.Equal(["thai-binh"], (await registry.FindAsync("hung-yen", CancellationToken.None))!.Predecessors.ToArray());
        Assert.Equal("Thành phố Hồ Chí Minh", (await registry.FindAsync("ho-chi-minh", CancellationToken.None))!.DisplayName);
        Assert.All(provinces, p => Assert.Equal("Asia/Ho_Chi_Minh", p.TimeZone));
    }

    private static Metadata Viewer(string province) => TestTokens.Bearer(TestTokens.For(province, RoleNames.Viewer));
}

using Directives.Contracts.V1;
using Directives.Server.Auth;
using Directives.Server.Tenancy;
using Directives.Server.Tests.Tenancy.Infrastructure;
using Grpc.Core;
using Grpc.Health.V1;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Tests.Tenancy;

/// <summary>
/// Tenant resolution over real gRPC calls through Kestrel: every refusal carries the exact status and
/// ErrorInfo reason, and the service never runs (no data can leave).
/// </summary>
public sealed class TenantResolutionTests : IAsyncLifetime
{
    private const string HungYenDirective = "provinces/hung-yen/directives/2024-38-ct-tu";
    private const string TienGiangDirective = "provinces/tien-giang/directives/2022-15-ct-ubnd";

    private TenancyTestServer _server = null!;

    public async Task InitializeAsync() => _server = await TenancyTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ProvincialCallerIsServedForTheTokensProvince()
    {
        var client = DirectivesClient();
        var directive = await client.GetDirectiveAsync(new GetDirectiveRequest { Name = HungYenDirective }, Viewer("hung-yen"));

        Assert.Equal("provinces/hung-yen/directives/echo", directive.Name);
        var call = Assert.Single(_server.Calls.Calls);
        Assert.Equal(new ServiceCall("GetDirective", TenantScope.Province, "hung-yen", "test-user"), call);
    }

    [Fact]
    public async Task NoTokenIsUnauthenticated()
    {
        await RpcAssert.FailsAsync(
            () => DirectivesClient().GetDirectiveAsync(new GetDirectiveRequest { Name = HungYenDirective }),
            StatusCode.Unauthenticated,
            "TOKEN_MISSING");
        AssertNoServiceCall();
    }

    [Theory]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task AMalformedAuthorizationIsUnauthenticated(string authorization)
    {
        await RpcAssert.FailsAsync(
            () => DirectivesClient().GetDirectiveAsync(new GetDirectiveRequest { Name = HungYenDirective }, new Metadata { { "authorization", authorization } }),
            StatusCode.Unauthenticated,
            "TOKEN_INVALID");
        AssertNoServiceCall();
    }

    [Fact]
    public async Task AnExpiredTokenIsUnauthenticated()
    {
        var issuer = new DevelopmentTokenIssuer(DevelopmentTokenIssuer.DefaultKey, DevelopmentTokenIssuer.DefaultIssuer, DevelopmentTokenIssuer.DefaultAudience, new FixedTimeProvider(DateTimeOffset.UtcNow.AddHours(-3)));
        var token = issuer.Issue(new DevelopmentTokenRequest("lan", [RoleNames.Viewer]) { Province = "hung-yen", Lifetime = TimeSpan.FromHours(1) });

        await RpcAssert.FailsAsync(
            () => DirectivesClient().GetDirectiveAsync(new GetDirectiveRequest { Name = HungYenDirective }, TestTokens.Bearer(token)),
            StatusCode.Unauthenticated,
            "TOKEN_INVALID");
        AssertNoServiceCall();
    }

    [Fact]
    public async Task AWronglySignedTokenIsUnauthenticated()
    {
        var forger = new DevelopmentTokenIssuer(Convert.ToBase64String(new byte[32]), DevelopmentTokenIssuer.DefaultIssuer, DevelopmentTokenIssuer.DefaultAudience);
        var token = forger.Issue(new DevelopmentTokenRequest("mallory", [RoleNames.Secretariat]) { Province = "hung-yen" });

        await RpcAssert.FailsAsync(
            () => DirectivesClient().GetDirectiveAsync(new GetDirectiveRequest { Name = HungYenDirective }, TestTokens.Bearer(token)),
            StatusCode.Unauthenticated,
            "TOKEN_INVALID");
        AssertNoServiceCall();
    }

    [Fact]
    public async Task AProvincialRoleWithoutAProvinceIsUnauthenticated()
    {
        await RpcAssert.FailsAsync(
            () => DirectivesClient().GetDirectiveAsync(new GetDirectiveRequest { Name = HungYenDirective }, TestTokens.Bearer(TestTokens.For(null, RoleNames.Viewer))),
            StatusCode.Unauthenticated,
            "TOKEN_MISSING");
        AssertNoServiceCall();
    }

    [Fact]
    public async Task ForgedProvinceMetadataIsPermissionDenied()
    {
        var info = await RpcAssert.FailsAsync(
            () => DirectivesClient().GetDirectiveAsync(new GetDirectiveRequest { Name = HungYenDirective }, Viewer("hung-yen", ("x-province", "tien-giang"))),
            StatusCode.PermissionDenied,
            "PROVINCE_MISMATCH");
        Assert.Equal("tien-giang", info.Metadata["province"]);
        AssertNoServiceCall();
    }

    [Theory]
    [InlineData("hung-yen")]
    [InlineData("provinces/hung-yen")]
    public async Task MatchingProvinceMetadataIsServed(string value)
    {
        var directive = await DirectivesClient().GetDirectiveAsync(new GetDirectiveRequest { Name = HungYenDirective }, Viewer("hung-yen", ("x-province", value)));
        Assert.Equal("provinces/hung-yen/directives/echo", directive.Name);
    }

    [Fact]
    public async Task ASecondProvinceMetadataEntryCannotHideBehindAMatchingOne()
    {
        await RpcAssert.FailsAsync(
            () => DirectivesClient().GetDirectiveAsync(new GetDirectiveRequest { Name = HungYenDirective }, Viewer("hung-yen", ("x-province", "hung-yen"), ("x-province", "dong-thap"))),
            StatusCode.PermissionDenied,
            "PROVINCE_MISMATCH");
        AssertNoServiceCall();
    }

    [Fact]
    public async Task AMismatchedHostPrefixIsPermissionDenied()
    {
        using var channel = _server.CreateChannel(host: "tien-giang.directives.test");
        var client = new DirectiveService.DirectiveServiceClient(channel);

        var info = await RpcAssert.FailsAsync(
            () => client.GetDirectiveAsync(new GetDirectiveRequest { Name = HungYenDirective }, Viewer("hung-yen")),
            StatusCode.PermissionDenied,
            "PROVINCE_MISMATCH");
        Assert.Equal("tien-giang", info.Metadata["province"]);
        AssertNoServiceCall();
    }

    [Theory]
    [InlineData("hung-yen.directives.test")]
    [InlineData("api.directives.test")]
    [InlineData("localhost")]
    public async Task AMatchingOrNonProvinceHostIsServed(string host)
    {
        using var channel = _server.CreateChannel(host);
        var directive = await new DirectiveService.DirectiveServiceClient(channel).GetDirectiveAsync(new GetDirectiveRequest { Name = HungYenDirective }, Viewer("hung-yen"));
        Assert.Equal("provinces/hung-yen/directives/echo", directive.Name);
    }

    [Fact]
    public async Task ATokenOfADisabledProvinceIsRefused()
    {
        var info = await RpcAssert.FailsAsync(
            () => DirectivesClient().GetDirectiveAsync(new GetDirectiveRequest { Name = "provinces/ha-giang/directives/x" }, Viewer("ha-giang")),
            StatusCode.FailedPrecondition,
            "PROVINCE_DISABLED");
        Assert.Equal("ha-giang", info.Metadata["province"]);
        AssertNoServiceCall();
    }

    [Fact]
    public async Task ATokenOfAnUnknownProvinceIsNotFound()
    {
        var info = await RpcAssert.FailsAsync(
            () => DirectivesClient().GetDirectiveAsync(new GetDirectiveRequest { Name = "provinces/atlantis/directives/x" }, Viewer("atlantis")),
            StatusCode.NotFound,
            "PROVINCE_NOT_FOUND");
        Assert.Equal("atlantis", info.Metadata["province"]);
        AssertNoServiceCall();
    }

    [Fact]
    public async Task AMutationOfAReadOnlyProvinceIsAFailedPrecondition()
    {
        var info = await RpcAssert.FailsAsync(
            () => DirectivesClient().CreateDirectiveAsync(
                new CreateDirectiveRequest { Parent = "provinces/tien-giang", DirectiveId = "new", Directive = new Directive() },
                TestTokens.Bearer(TestTokens.For("tien-giang", RoleNames.Secretariat))),
            StatusCode.FailedPrecondition,
            "PROVINCE_READ_ONLY");
        Assert.Equal("tien-giang", info.Metadata["province"]);
        Assert.Equal("provinces/dong-thap", info.Metadata["successor"]);
        AssertNoServiceCall();
    }

    [Fact]
    public async Task AReadOfAReadOnlyProvinceIsServed()
    {
        var directive = await DirectivesClient().GetDirectiveAsync(new GetDirectiveRequest { Name = TienGiangDirective }, Viewer("tien-giang"));
        Assert.Equal("provinces/tien-giang/directives/echo", directive.Name);
    }

    [Fact]
    public async Task ANameOfAnotherProvinceIsPermissionDenied()
    {
        var info = await RpcAssert.FailsAsync(
            () => DirectivesClient().GetDirectiveAsync(new GetDirectiveRequest { Name = TienGiangDirective }, Viewer("hung-yen")),
            StatusCode.PermissionDenied,
            "PROVINCE_MISMATCH");
        Assert.Equal("tien-giang", info.Metadata["province"]);
        AssertNoServiceCall();
    }

    [Fact]
    public async Task ANestedReferenceToAnotherProvinceIsPermissionDenied()
    {
        var task = new Contracts.V1.Task { LeadAgency = "provinces/hung-yen/agencies/cong-an-tinh" };
        task.CooperatingAgencies.Add("provinces/hung-yen/agencies/so-y-te");
        task.CooperatingAgencies.Add("provinces/dong-thap/agencies/cong-an-tinh");
        var request = new CreateTaskRequest { Parent = HungYenDirective, Task = task };

        var info = await RpcAssert.FailsAsync(
            () => new TaskService.TaskServiceClient(_server.CreateChannel()).CreateTaskAsync(request, TestTokens.Bearer(TestTokens.For("hung-yen", RoleNames.Secretariat))),
            StatusCode.PermissionDenied,
            "PROVINCE_MISMATCH");
        Assert.Equal("dong-thap", info.Metadata["province"]);
        AssertNoServiceCall();
    }

    [Fact]
    public async Task AMalformedProvinceSegmentIsInvalid()
    {
        await RpcAssert.FailsAsync(
            () => DirectivesClient().GetDirectiveAsync(new GetDirectiveRequest { Name = "Provinces/Hung_Yen/directives/x" }, Viewer("hung-yen")),
            StatusCode.InvalidArgument,
            "INVALID_RESOURCE_NAME");
        AssertNoServiceCall();
    }

    [Fact]
    public async Task AllProvincesFromANonMinistryCallerIsPermissionDenied()
    {
        await RpcAssert.FailsAsync(
            () => DirectivesClient().ListDirectivesAsync(new ListDirectivesRequest { Parent = "provinces/-" }, TestTokens.Bearer(TestTokens.For("hung-yen", RoleNames.Secretariat, RoleNames.ProvinceAdmin))),
            StatusCode.PermissionDenied,
            "CROSS_PROVINCE_DENIED");
        AssertNoServiceCall();
    }

    [Fact]
    public async Task AllProvincesFromTheMinistryIsServedAcrossProvinces()
    {
        var response = await DirectivesClient().ListDirectivesAsync(new ListDirectivesRequest { Parent = "provinces/-" }, TestTokens.Bearer(TestTokens.Ministry()));

        Assert.Equal("provinces/-/directives/echo", Assert.Single(response.Directives).Name);
        Assert.Equal(TenantScope.AllProvinces, Assert.Single(_server.Calls.Calls).Scope);
    }

    [Fact]
    public async Task AllProvincesWhereTheMethodDoesNotAcceptItIsInvalidEvenForTheMinistry()
    {
        await RpcAssert.FailsAsync(
            () => DirectivesClient().GetDirectiveAsync(new GetDirectiveRequest { Name = "provinces/-/directives/x" }, TestTokens.Bearer(TestTokens.Ministry())),
            StatusCode.InvalidArgument,
            "INVALID_RESOURCE_NAME");
        AssertNoServiceCall();
    }

    [Fact]
    public async Task TheMinistryReadsOneProvinceByName()
    {
        var directive = await DirectivesClient().GetDirectiveAsync(new GetDirectiveRequest { Name = TienGiangDirective }, TestTokens.Bearer(TestTokens.Ministry()));
        Assert.Equal("provinces/tien-giang/directives/echo", directive.Name);
    }

    [Fact]
    public async Task TheMinistryNamingAnUnknownProvinceIsNotFound()
    {
        await RpcAssert.FailsAsync(
            () => DirectivesClient().GetDirectiveAsync(new GetDirectiveRequest { Name = "provinces/atlantis/directives/x" }, TestTokens.Bearer(TestTokens.Ministry())),
            StatusCode.NotFound,
            "PROVINCE_NOT_FOUND");
        AssertNoServiceCall();
    }

    [Fact]
    public async Task TheMinistryNamingADisabledProvinceIsAFailedPrecondition()
    {
        await RpcAssert.FailsAsync(
            () => DirectivesClient().GetDirectiveAsync(new GetDirectiveRequest { Name = "provinces/ha-giang/directives/x" }, TestTokens.Bearer(TestTokens.Ministry())),
            StatusCode.FailedPrecondition,
            "PROVINCE_DISABLED");
        AssertNoServiceCall();
    }

    [Fact]
    public async Task TheMinistryWritesNothing()
    {
        var info = await RpcAssert.FailsAsync(
            () => DirectivesClient().CreateDirectiveAsync(new CreateDirectiveRequest { Parent = "provinces/hung-yen", Directive = new Directive() }, TestTokens.Bearer(TestTokens.Ministry())),
            StatusCode.PermissionDenied,
            "ROLE_REQUIRED");
        Assert.Equal("directives.v1.DirectiveService/CreateDirective", info.Metadata["method"]);
        Assert.Equal("secretariat", info.Metadata["required_roles"]);
        AssertNoServiceCall();
    }

    [Fact]
    public async Task AViewerWritesNothing()
    {
        await RpcAssert.FailsAsync(
            () => DirectivesClient().CreateDirectiveAsync(new CreateDirectiveRequest { Parent = "provinces/hung-yen", Directive = new Directive() }, Viewer("hung-yen")),
            StatusCode.PermissionDenied,
            "ROLE_REQUIRED");
        AssertNoServiceCall();
    }

    [Fact]
    public async Task APlatformAdministratorReadsNoProvinceData()
    {
        await RpcAssert.FailsAsync(
            () => DirectivesClient().GetDirectiveAsync(new GetDirectiveRequest { Name = HungYenDirective }, TestTokens.Bearer(TestTokens.PlatformAdmin())),
            StatusCode.PermissionDenied,
            "ROLE_REQUIRED");
        AssertNoServiceCall();
    }

    [Fact]
    public async Task AnOfficerMayCompleteTasksButNotCreateThem()
    {
        var client = new TaskService.TaskServiceClient(_server.CreateChannel());
        var officer = TestTokens.Bearer(TestTokens.Officer("hung-yen", "cong-an-tinh"));

        var task = await client.CompleteTaskAsync(new CompleteTaskRequest { Name = HungYenDirective + "/tasks/1" }, officer);
        Assert.Equal(HungYenDirective + "/tasks/1", task.Name);
        await RpcAssert.FailsAsync(
            () => client.CreateTaskAsync(new CreateTaskRequest { Parent = HungYenDirective, Task = new Contracts.V1.Task() }, officer),
            StatusCode.PermissionDenied,
            "ROLE_REQUIRED");
    }

    [Fact]
    public async Task MinistrySummariesAreForTheMinistryOnly()
    {
        var client = new MinistryService.MinistryServiceClient(_server.CreateChannel());

        await client.SummarizeTasksAsync(new SummarizeTasksRequest { Parent = "provinces/-" }, TestTokens.Bearer(TestTokens.Ministry()));
        await RpcAssert.FailsAsync(
            () => client.SummarizeTasksAsync(new SummarizeTasksRequest { Parent = "provinces/hung-yen" }, Viewer("hung-yen")),
            StatusCode.PermissionDenied,
            "ROLE_REQUIRED");
        Assert.Single(_server.Calls.Calls);
    }

    [Fact]
    public async Task AServerStreamingCallIsResolvedBeforeItsFirstMessage()
    {
        var client = new ChangeFeedService.ChangeFeedServiceClient(_server.CreateChannel());

        using (var ministry = client.WatchTasks(new WatchTasksRequest { Parent = "provinces/-/directives/-" }, TestTokens.Bearer(TestTokens.Ministry())))
        {
            Assert.True(await ministry.ResponseStream.MoveNext(CancellationToken.None));
            Assert.Equal(nameof(TenantScope.AllProvinces), ministry.ResponseStream.Current.Heartbeat.ResumeToken);
        }

        using var provincial = client.WatchTasks(new WatchTasksRequest { Parent = "provinces/-/directives/-" }, Viewer("hung-yen"));
        await RpcAssert.FailsAsync(
            async () => await provincial.ResponseStream.MoveNext(CancellationToken.None),
            StatusCode.PermissionDenied,
            "CROSS_PROVINCE_DENIED");
        Assert.Single(_server.Calls.Calls);
    }

    [Fact]
    public async Task HealthStaysOutsideTenantResolution()
    {
        var health = new Health.HealthClient(_server.CreateChannel());
        var response = await health.CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    private static Metadata Viewer(string province, params (string Key, string Value)[] entries) =>
        TestTokens.Bearer(TestTokens.For(province, RoleNames.Viewer), entries);

    private DirectiveService.DirectiveServiceClient DirectivesClient() => new(_server.CreateChannel());

    private void AssertNoServiceCall() => Assert.Empty(_server.Calls.Calls);
}

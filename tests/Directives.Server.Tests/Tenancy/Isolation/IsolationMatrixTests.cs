using System.Text;
using Directives.Contracts.V1;
using Directives.Server.Auth;
using Directives.Server.Tests.Infrastructure;
using Directives.Server.Tests.Tenancy.Infrastructure;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.StatusProto;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Tests.Tenancy.Isolation;

/// <summary>
/// Issue 5's matrix, against the real server and its real services: every RPC of the contract, as
/// every role of province A, aimed at province B's resources, and every way of forging the province
/// (metadata, host, disabled, expired or wrongly signed tokens, <c>provinces/-</c>), is refused before
/// the service runs: the expected status, an ErrorInfo reason, no message returned, nothing of B in the
/// error, and B's change log (which records every mutation) left where it was.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class IsolationMatrixTests(SqliteServer server) : IClassFixture<SqliteServer>, IAsyncLifetime
{
    private static readonly string[] ProvincialRoles = [RoleNames.Viewer, RoleNames.Officer, RoleNames.Secretariat, RoleNames.ProvinceAdmin];

    /// <summary>Services the contract declares and the server does not serve yet: UNIMPLEMENTED, and nothing else, is acceptable for them.</summary>
    private static readonly IReadOnlySet<string> NotYetServed = new HashSet<string> { "directives.v1.MinistryService" };

    private ProvinceResources _a = null!;
    private ProvinceResources _b = null!;
    private long _bHead;

    public async Task InitializeAsync()
    {
        _a = await IsolationScenario.CreateAsync(server, "Tỉnh A bí mật");
        _b = await IsolationScenario.CreateAsync(server, "Tỉnh B bí mật");
        _bHead = await ChangeHeadAsync(_b.ProvinceId);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> Roles => new(ProvincialRoles.Append(RoleNames.Ministry).Append(RoleNames.PlatformAdmin));

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EveryMethodAimedAtAnotherProvinceIsRefused(string role)
    {
        var token = TokenOf(role, _a);
        var calls = 0;
        foreach (var method in ContractMethods.ProvinceData)
        {
            // The ministry reads every province by name: only its mutations must be refused.
            if (role == RoleNames.Ministry && !ContractMethods.IsMutation(method))
            {
                continue;
            }

            var expected = role == RoleNames.PlatformAdmin || role == RoleNames.Ministry ? "ROLE_REQUIRED" : null;
            await AssertRefusedAsync(method, TargetedRequests.For(method, _b), Bearer(token), StatusCode.PermissionDenied, expected);
            calls++;
        }

        Assert.True(calls >= 25, $"Only {calls} methods were called.");
        await AssertBUnchangedAsync();
    }

    [Theory]
    [MemberData(nameof(ProvincialRoleData))]
    public async Task ForgedProvinceMetadataIsRefusedOnEveryMethod(string role)
    {
        var metadata = Bearer(TokenOf(role, _a));
        metadata.Add("x-province", _b.ProvinceId);
        foreach (var method in ContractMethods.ProvinceData)
        {
            await AssertRefusedAsync(method, TargetedRequests.For(method, _a), metadata, StatusCode.PermissionDenied);
        }

        await AssertBUnchangedAsync();
    }

    [Theory]
    [MemberData(nameof(ProvincialRoleData))]
    public async Task AHostOfAnotherProvinceIsRefusedOnEveryMethod(string role)
    {
        using var channel = server.CreateChannel($"{_b.ProvinceId}.localhost");
        var metadata = Bearer(TokenOf(role, _a));
        foreach (var method in ContractMethods.ProvinceData)
        {
            await AssertRefusedAsync(method, TargetedRequests.For(method, _a), metadata, StatusCode.PermissionDenied, invoker: channel.CreateCallInvoker());
        }

        await AssertBUnchangedAsync();
    }

    [Theory]
    [MemberData(nameof(ProvincialRoleData))]
    public async Task AllProvincesFromANonMinistryCallerIsRefused(string role)
    {
        var metadata = Bearer(TokenOf(role, _a));
        var asked = 0;
        foreach (var method in ContractMethods.ProvinceData.Where(TargetedRequests.HasParent))
        {
            // provinces/- where the method takes it is CROSS_PROVINCE_DENIED; elsewhere the name itself is refused.
            var request = TargetedRequests.For(method, _a, parentOverride: "provinces/-");
            await AssertRefusedAsync(method, request, metadata, StatusCode.PermissionDenied, alternative: StatusCode.InvalidArgument);
            asked++;
        }

        Assert.True(asked >= 15, $"Only {asked} methods take a parent.");
    }

    [Fact]
    public async Task ATokenOfADisabledProvinceIsRefusedOnEveryMethod()
    {
        var disabled = await IsolationScenario.CreateAsync(server, "Tỉnh C đã tắt");
        await server.Client<ProvinceAdminService.ProvinceAdminServiceClient>(RoleNames.PlatformAdmin, province: null)
            .UpdateProvinceStateAsync(new UpdateProvinceStateRequest { Name = disabled.Province, State = Province.Types.State.Disabled, Reason = "Kiểm thử" });

        foreach (var role in ProvincialRoles)
        {
            var metadata = Bearer(TokenOf(role, disabled));
            foreach (var method in ContractMethods.ProvinceData)
            {
                // The role is checked first: a viewer's Create is ROLE_REQUIRED whatever the province's state.
                await AssertRefusedAsync(method, TargetedRequests.For(method, disabled), metadata, StatusCode.FailedPrecondition, "PROVINCE_DISABLED", alternative: StatusCode.PermissionDenied);
            }
        }
    }

    [Fact]
    public async Task ExpiredAndWronglySignedTokensAreUnauthenticatedOnEveryMethod()
    {
        var expired = new DevelopmentTokenIssuer(
            DevelopmentTokenIssuer.DefaultKey, DevelopmentTokenIssuer.DefaultIssuer, DevelopmentTokenIssuer.DefaultAudience, new FixedTimeProvider(DateTimeOffset.UtcNow.AddDays(-3)));
        var foreignKey = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 7 + 1)).ToArray());
        var forged = new DevelopmentTokenIssuer(foreignKey, DevelopmentTokenIssuer.DefaultIssuer, DevelopmentTokenIssuer.DefaultAudience);
        foreach (var issuer in new[] { expired, forged })
        {
            var metadata = Bearer(issuer.Issue(new DevelopmentTokenRequest("test-user", [RoleNames.Secretariat, RoleNames.ProvinceAdmin]) { Province = _b.ProvinceId }));
            foreach (var method in ContractMethods.ProvinceData.Concat(ContractMethods.All.Where(m => m.Service.Name == "ProvinceAdminService")))
            {
                await AssertRefusedAsync(method, TargetedRequests.For(method, _b), metadata, StatusCode.Unauthenticated);
            }
        }

        await AssertBUnchangedAsync();
    }

    [Theory]
    [MemberData(nameof(ProvincialRoleData))]
    public async Task TheRegistryIsAdministeredByThePlatformAdministratorOnly(string role)
    {
        foreach (var method in ContractMethods.All.Where(m => m.Service.Name == "ProvinceAdminService"))
        {
            await AssertRefusedAsync(method, TargetedRequests.For(method, _b), Bearer(TokenOf(role, _a)), StatusCode.PermissionDenied, "ROLE_REQUIRED");
        }
    }

    /// <summary>The other side of the matrix: A's own callers are served, so the refusals above are about B.</summary>
    [Fact]
    public async Task TheSameRequestsAimedAtTheirOwnProvinceAreServed()
    {
        var directives = server.Client<DirectiveService.DirectiveServiceClient>(RoleNames.Viewer, _a.ProvinceId);
        var tasks = server.Client<TaskService.TaskServiceClient>(RoleNames.Officer, _a.ProvinceId, _a.Agency);

        Assert.Equal(_a.Directive, (await directives.GetDirectiveAsync(new GetDirectiveRequest { Name = _a.Directive })).Name);
        Assert.Equal(_a.Task, (await tasks.GetTaskAsync(new GetTaskRequest { Name = _a.Task })).Name);
        Assert.Equal(_b.Directive, (await server.Client<DirectiveService.DirectiveServiceClient>(RoleNames.Ministry, province: null)
            .GetDirectiveAsync(new GetDirectiveRequest { Name = _b.Directive })).Name);
    }

    public static TheoryData<string> ProvincialRoleData => new(ProvincialRoles);

    private async Task AssertRefusedAsync(
        MethodDescriptor method,
        Google.Protobuf.IMessage request,
        Metadata metadata,
        StatusCode expected,
        string? reason = null,
        StatusCode? alternative = null,
        CallInvoker? invoker = null)
    {
        invoker ??= server.Channel.CreateCallInvoker();
        var raw = ContractMethods.Raw(method);
        var options = new CallOptions(metadata, DateTime.UtcNow.AddSeconds(30));
        var bytes = ContractMethods.Serialize(request);
        var received = 0;
        RpcException? refusal = null;
        try
        {
            if (raw.Type == MethodType.Unary)
            {
                await invoker.AsyncUnaryCall(raw, null, options, bytes);
                received++;
            }
            else
            {
                using var call = invoker.AsyncServerStreamingCall(raw, null, options, bytes);
                while (await call.ResponseStream.MoveNext(CancellationToken.None))
                {
                    received++;
                }
            }
        }
        catch (RpcException exception)
        {
            refusal = exception;
        }

        var what = $"{method.FullName} with {metadata.Get("x-province")?.Value ?? "no x-province"}";
        Assert.True(received == 0, $"{what} returned {received} message(s).");
        Assert.True(refusal is not null, $"{what} was served.");
        if (NotYetServed.Contains(method.Service.FullName) && refusal.StatusCode == StatusCode.Unimplemented)
        {
            return;
        }

        Assert.True(
            refusal.StatusCode == expected || refusal.StatusCode == alternative,
            $"{what}: expected {expected}{(reason is null ? "" : " " + reason)}, got {refusal.StatusCode}: {refusal.Status.Detail}");
        var info = refusal.GetRpcStatus()?.GetDetail<ErrorInfo>();
        Assert.True(info is not null && info.Type.Length > 0, $"{what}: {refusal.StatusCode} without an ErrorInfo reason.");
        if (reason is not null && refusal.StatusCode == expected)
        {
            Assert.True(reason == info.Type, $"{what}: expected reason {reason}, got {info.Type}.");
        }

        // Nothing of B travels back in the refusal: not its directive's subject, nor its report.
        var everything = refusal.Status.Detail + Encoding.UTF8.GetString(refusal.Trailers.GetValueBytes("grpc-status-details-bin") ?? []);
        Assert.DoesNotContain("Tỉnh B bí mật", everything, StringComparison.Ordinal);
    }

    private async Task AssertBUnchangedAsync() => Assert.Equal(_bHead, await ChangeHeadAsync(_b.ProvinceId));

    private async Task<long> ChangeHeadAsync(string province)
    {
        await using var db = await server.OpenDatabaseAsync(province);
        return await db.ChangeLog.HeadAsync(CancellationToken.None);
    }

    private string TokenOf(string role, ProvinceResources province) => role switch
    {
        RoleNames.Ministry or RoleNames.PlatformAdmin => server.MintToken(role),
        RoleNames.Officer => server.MintToken(role, province.ProvinceId, province.Agency),
        _ => server.MintToken(role, province.ProvinceId),
    };

    private static Metadata Bearer(string token) => new() { { "authorization", "Bearer " + token } };
}

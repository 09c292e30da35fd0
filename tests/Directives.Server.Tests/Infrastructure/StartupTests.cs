using Directives.Contracts.V1;
using Directives.Server.Auth;
using Directives.Server.DemoData;
using Directives.Server.Hosting;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Tests.Infrastructure;

/// <summary>
/// What the host does when it starts, on each storage provider: every province's database migrated, the
/// four first provinces seeded with the demo data through the Data layer (recorded as system/demo-seed),
/// health and reflection answering without a token.
/// </summary>
public abstract class StartupTests(DirectivesServerFixture server)
{
    [Theory]
    [InlineData("hung-yen")]
    [InlineData("nam-dinh")]
    [InlineData("tien-giang")]
    [InlineData("hai-duong")]
    public async Task TheFourFirstProvincesHaveTheirDemoData(string province)
    {
        var expected = DemoDataSet.For(province, server.Clock);
        var directives = server.Client<DirectiveService.DirectiveServiceClient>(RoleNames.Viewer, province);
        var agencies = server.Client<AgencyService.AgencyServiceClient>(RoleNames.Viewer, province);

        var listed = await directives.ListDirectivesAsync(new ListDirectivesRequest { Parent = $"provinces/{province}", PageSize = 1000 });
        var catalogue = await agencies.ListAgenciesAsync(new ListAgenciesRequest { Parent = $"provinces/{province}", PageSize = 1000 });

        Assert.Equal(expected.Directives.Select(d => d.Name).Order(StringComparer.Ordinal), listed.Directives.Select(d => d.Name).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Agencies.Count, catalogue.TotalSize);
        await using var db = await server.OpenDatabaseAsync(province);
        Assert.Equal(expected.Tasks.Count, await db.Tasks.CountAsync());
        Assert.Equal(expected.Committees.Count, await db.Committees.CountAsync());
        var feed = await db.ChangeLog.ListAfterAsync(0, 10_000, resourceTypes: null, CancellationToken.None);
        Assert.Equal(expected.Agencies.Count + expected.Directives.Count + expected.Tasks.Count + expected.Committees.Count, feed.Count);
        Assert.All(feed, entry => Assert.Equal(DemoDataSeeder.Subject, entry.ActorSubject));
    }

    [Fact]
    public async Task TienGiangsDirectiveIsAsPrinted()
    {
        var client = server.Client<DirectiveService.DirectiveServiceClient>(RoleNames.Viewer, "tien-giang");

        var listed = await client.ListDirectivesAsync(new ListDirectivesRequest { Parent = "provinces/tien-giang", Filter = "number_and_symbol = \"15/CT-UBND\"" });

        var directive = Assert.Single(listed.Directives);
        Assert.Equal(new Date { Year = 2022, Month = 12, Day = 19 }, directive.IssueDate);
        Assert.Equal("Nguyễn Văn Vinh", directive.Signer.FullName);
        Assert.Equal(Directive.Types.State.Issued, directive.State);
        Assert.Equal("provinces/tien-giang/agencies/cong-an-tinh", directive.MonitoringAgency);
        var history = await client.ListDirectiveHistoryAsync(new ListDirectiveHistoryRequest { Name = directive.Name });
        var seeded = Assert.Single(history.Entries);
        Assert.Equal(DemoDataSeeder.Subject, seeded.Actor.Subject);
        Assert.Equal(directive, seeded.After);
    }

    [Fact]
    public async Task SeedingAgainChangesNothing()
    {
        var seeder = server.Services.GetRequiredService<DemoDataSeeder>();
        await using var before = await server.OpenDatabaseAsync("hung-yen");
        var head = await before.ChangeLog.HeadAsync(CancellationToken.None);

        Assert.False(await seeder.SeedIfEmptyAsync("hung-yen", CancellationToken.None));

        await using var after = await server.OpenDatabaseAsync("hung-yen");
        Assert.Equal(head, await after.ChangeLog.HeadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task EveryRegisteredProvinceIsMigrated()
    {
        foreach (var province in new[] { "thai-binh", "ninh-binh", "dong-thap", "hai-phong" })
        {
            await using var db = await server.OpenDatabaseAsync(province);
            Assert.Equal(0, await db.Directives.CountAsync());
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
    }

    [Fact]
    public async Task HealthAnswersWithoutAToken()
    {
        var health = new Health.HealthClient(server.Channel);

        var response = await health.CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Theory]
    [InlineData(LivenessHealth.ServiceName)]
    [InlineData("")]
    public async Task TheProbesOfTheHelmChartAreServed(string service)
    {
        var health = new Health.HealthClient(server.Channel);

        var response = await health.CheckAsync(new HealthCheckRequest { Service = service });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task ARefusalOfTenancyIsARichStatus()
    {
        var client = new DirectiveService.DirectiveServiceClient(server.Channel);

        await ApiAssert.FailsAsync(() => client.GetDirectiveAsync(new GetDirectiveRequest { Name = "provinces/hung-yen/directives/x" }), StatusCode.Unauthenticated, "TOKEN_MISSING");
        await ApiAssert.FailsAsync(
            () => server.Client<DirectiveService.DirectiveServiceClient>(RoleNames.Viewer, "hung-yen").GetDirectiveAsync(new GetDirectiveRequest { Name = "provinces/tien-giang/directives/x" }),
            StatusCode.PermissionDenied,
            "PROVINCE_MISMATCH");
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class StartupTestsOnSqlite(SeededSqliteServer server) : StartupTests(server), IClassFixture<SeededSqliteServer>;

[Collection(IntegrationCollection.Name)]
public sealed class StartupTestsOnPostgreSql(SeededPostgreSqlServer server) : StartupTests(server), IClassFixture<SeededPostgreSqlServer>;

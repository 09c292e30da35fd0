using Directives.Contracts.V1;
using Directives.Data.Storage;
using Directives.Server.Auth;
using Directives.Server.Tests.Committees;
using Directives.Server.Tests.Infrastructure;
using Kind = Directives.Contracts.V1.ChangeEvent.Types.Kind;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Tests.Changes;

/// <summary>
/// A change token survives the server: a reader that took a token from one server process resumes
/// with it on the next, over the same data, and gets exactly what was committed after it, whichever
/// process committed it.
/// </summary>
public abstract class ChangeFeedRestartTests(StorageProvider provider)
{
    private static readonly string[] People = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"];

    [Fact]
    public async Task AReaderResumesAcrossARestartWithNothingMissedOrRepeated()
    {
        await using var server = await RestartableServer.StartAsync(provider);
        var province = await server.CreateProvinceAsync();
        await CommitteeScenario.SeedAgenciesAsync(server.Services, province);
        var scenario = new CommitteeScenario(role => server.Client<CommitteeService.CommitteeServiceClient>(role, province), province);
        var committee = await scenario.CreateCommitteeAsync();
        var (before, token) = await ChangeFeedReader.CatchUpAsync(Feed(server, province), province, "");

        // Written by the first process after the reader went offline, then by the second.
        var first = await scenario.Admin().ReconstituteCommitteeAsync(scenario.Reconstitution(committee.Name, "1102/QĐ-UBND", CommitteeScenario.Day(2021, 3, 1), People));
        await server.RestartAsync();
        var district = await scenario.CreateCommitteeAsync("bcd-huyen", AdministrativeLevel.District);
        var (after, _) = await ChangeFeedReader.CatchUpAsync(Feed(server, province), province, token, pageSize: 3);

        Assert.Equal(5, before.Count); // four agencies, then the committee
        Assert.Equal(committee.Name, before[^1].Resource);
        Assert.Equal(
            [committee.Name, first.Name, .. first.Members.Select(m => m.Name), district.Name],
            after.Select(e => e.Resource));
        Assert.Equal((Kind.Created, district.Name), (after[^1].Kind, after[^1].Resource));
        var (again, _) = await ChangeFeedReader.CatchUpAsync(Feed(server, province), province, "");
        Assert.Equal(before.Concat(after).Select(e => e.ChangeToken), again.Select(e => e.ChangeToken));
    }

    private static ChangeFeedService.ChangeFeedServiceClient Feed(RestartableServer server, string province)
        => server.Client<ChangeFeedService.ChangeFeedServiceClient>(RoleNames.Viewer, province);
}

[Collection(IntegrationCollection.Name)]
public sealed class ChangeFeedRestartTestsOnSqlite() : ChangeFeedRestartTests(StorageProvider.Sqlite);

[Collection(IntegrationCollection.Name)]
public sealed class ChangeFeedRestartTestsOnPostgreSql() : ChangeFeedRestartTests(StorageProvider.PostgreSql);

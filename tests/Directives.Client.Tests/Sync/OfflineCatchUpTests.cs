using Directives.Client.Sync;
using Directives.Client.Tests.Infrastructure;
using Directives.Contracts.V1;
using Directives.Server.Auth;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Data.Sqlite;
using Kind = Directives.Contracts.V1.ChangeEvent.Types.Kind;
using Task = System.Threading.Tasks.Task;

namespace Directives.Client.Tests.Sync;

/// <summary>
/// A thick client that was offline while others wrote catches up exactly: its cache applies every change
/// committed meanwhile once, in commit order, also when the server restarted in between, and ends up
/// holding what the server holds.
/// </summary>
public sealed class OfflineCatchUpTests : IAsyncLifetime
{
    private const string DirectiveType = "directives.gov.vn/Directive";
    private readonly string _cacheFile = Path.Combine(Path.GetTempPath(), "directives-cache-" + Guid.NewGuid().ToString("N") + ".db");
    private ServerProcess _server = null!;

    public async Task InitializeAsync() => _server = await ServerProcess.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _cacheFile, _cacheFile + "-wal", _cacheFile + "-shm" })
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task AnOfflineClientCatchesUpExactlyAcrossAServerRestart()
    {
        var province = await _server.CreateProvinceAsync();
        await using var cache = await OfflineCache.OpenAsync(_cacheFile);

        // Online: the first directives, synced.
        var first = await CreateDirectivesAsync(province, 3, "A");
        var initial = await SyncAsync(cache, province, pageSize: 1000);
        Assert.Equal(3, initial.Applied);

        // Offline: others create, update and delete; the server restarts; they go on writing.
        var more = await CreateDirectivesAsync(province, 4, "B");
        await UpdateSubjectAsync(first[0], "Về an ninh, trật tự (sửa đổi)");
        await DeleteAsync(first[1]);
        await _server.RestartAsync();
        var after = await CreateDirectivesAsync(province, 2, "C");
        await UpdateSubjectAsync(more[0], "Về phòng, chống tội phạm (sửa đổi)");
        await DeleteAsync(after[0]);

        // Back online, with small pages so that catching up takes several round trips.
        var caughtUp = await SyncAsync(cache, province, pageSize: 3);
        Assert.Equal(4 + 1 + 1 + 2 + 1 + 1, caughtUp.Applied);
        Assert.True(caughtUp.Pages >= 4, $"{caughtUp.Pages} pages");

        // Exactly the feed, once each, in commit order.
        var feed = await ReadWholeFeedAsync(province);
        Assert.Equal(feed.Select(e => (e.ChangeToken, e.Resource, e.Kind)), (await cache.ListAppliedChangesAsync(province)).Select(c => (c.ChangeToken, c.Resource, c.Kind)));
        Assert.Equal(feed.Count, feed.Select(e => e.ChangeToken).Distinct().Count());

        // Holding what the server holds.
        using var reader = _server.Client(RoleNames.Viewer, province);
        var live = await reader.Directives.ListDirectivesAsync(new ListDirectivesRequest { Parent = "provinces/" + province, PageSize = 100 });
        var cached = await cache.ListAsync(province, DirectiveType);
        Assert.Equal(live.Directives.Select(d => (d.Name, d.Etag)).OrderBy(p => p.Name), cached.Select(c => (c.Name, c.Etag)));
        Assert.Equal(live.Directives.OrderBy(d => d.Name).Select(d => d.Subject), cached.Select(c => c.As<Directive>()!.Subject));
        Assert.Contains("(sửa đổi)", (await cache.GetAsync(first[0].Name))!.As<Directive>()!.Subject, StringComparison.Ordinal);
        var deleted = (await cache.ListAsync(province, DirectiveType, includeDeleted: true)).Where(c => c.Deleted).Select(c => c.Name);
        Assert.Equal(new[] { first[1].Name, after[0].Name }.Order(), deleted.Order());
        Assert.NotNull((await cache.GetAsync(after[0].Name))!.As<Directive>()!.DeleteTime);

        // Nothing new: nothing applied.
        var again = await SyncAsync(cache, province, pageSize: 3);
        Assert.Equal((0, caughtUp.ChangeToken), (again.Applied, again.ChangeToken));
    }

    [Fact]
    public async Task AFreshCacheOfASeededProvinceHoldsEveryResourceTheFeedHasCreated()
    {
        await using var seeded = await ServerProcess.StartAsync(seedDemoData: true);
        await using var cache = await OfflineCache.OpenAsync(_cacheFile);
        using var client = seeded.Client(RoleNames.Viewer, "tien-giang");

        var result = await new ChangeSynchronizer(client, cache, "tien-giang").SyncAsync();

        var directives = await cache.ListAsync("tien-giang", DirectiveType);
        Assert.Contains(directives, d => d.As<Directive>()!.NumberAndSymbol == "15/CT-UBND");
        var tasks = await client.Tasks.ListTasksAsync(new ListTasksRequest { Parent = "provinces/tien-giang/directives/-", PageSize = 1000 });
        Assert.Equal(tasks.Tasks.Select(t => t.Name).Order(), (await cache.ListAsync("tien-giang", "directives.gov.vn/Task")).Select(c => c.Name));
        Assert.Equal(result.Applied, (await cache.ListAppliedChangesAsync("tien-giang")).Count);
    }

    [Fact]
    public async Task APageIsAppliedWithItsTokenOrNotAtAll()
    {
        var province = await _server.CreateProvinceAsync();
        await CreateDirectivesAsync(province, 2, "A");
        await using var cache = await OfflineCache.OpenAsync(_cacheFile);
        await SyncAsync(cache, province, pageSize: 1000);
        var token = await cache.GetChangeTokenAsync(province);
        var applied = await cache.ListAppliedChangesAsync(province);
        var created = await CreateDirectivesAsync(province, 1, "B");
        using var client = _server.Client(RoleNames.Viewer, province);
        var page = await client.Changes.ListChangesAsync(new ListChangesRequest { Parent = "provinces/" + province, SinceToken = token, IncludeSnapshots = true });
        var old = await client.Changes.ListChangesAsync(new ListChangesRequest { Parent = "provinces/" + province, IncludeSnapshots = true, PageSize = 1 });

        // A page whose last change was applied already (a token gone backwards) fails as a whole.
        await Assert.ThrowsAsync<SqliteException>(() => cache.ApplyAsync(province, [.. page.Changes, .. old.Changes], page.NextSinceToken, CancellationToken.None));

        Assert.Equal(token, await cache.GetChangeTokenAsync(province));
        Assert.Equal(applied, await cache.ListAppliedChangesAsync(province));
        Assert.Null(await cache.GetAsync(created[0].Name));
    }

    private async Task<SyncResult> SyncAsync(OfflineCache cache, string province, int pageSize)
    {
        using var client = _server.Client(RoleNames.Viewer, province);
        return await new ChangeSynchronizer(client, cache, province) { PageSize = pageSize }.SyncAsync();
    }

    private async Task<List<Directive>> CreateDirectivesAsync(string province, int count, string batch)
    {
        using var client = _server.Client(RoleNames.Secretariat, province);
        var created = new List<Directive>();
        for (var i = 1; i <= count; i++)
        {
            created.Add(await client.Directives.CreateDirectiveAsync(new CreateDirectiveRequest
            {
                Parent = "provinces/" + province,
                RequestId = Guid.NewGuid().ToString(),
                Directive = new Directive
                {
                    DocumentType = DocumentType.Directive,
                    IssuingBody = "Ủy ban nhân dân tỉnh",
                    Subject = $"Về bảo đảm an ninh, trật tự, đợt {batch}{i}",
                },
            }));
        }

        return created;
    }

    private async Task UpdateSubjectAsync(Directive directive, string subject)
    {
        using var client = _server.Client(RoleNames.Secretariat, Province(directive));
        await client.Directives.UpdateDirectiveAsync(new UpdateDirectiveRequest
        {
            Directive = new Directive { Name = directive.Name, Subject = subject },
            UpdateMask = new FieldMask { Paths = { "subject" } },
        });
    }

    private async Task DeleteAsync(Directive directive)
    {
        using var client = _server.Client(RoleNames.Secretariat, Province(directive));
        await client.Directives.DeleteDirectiveAsync(new DeleteDirectiveRequest { Name = directive.Name });
    }

    private async Task<List<ChangeEvent>> ReadWholeFeedAsync(string province)
    {
        using var client = _server.Client(RoleNames.Viewer, province);
        var events = new List<ChangeEvent>();
        var token = "";
        while (true)
        {
            var page = await client.Changes.ListChangesAsync(new ListChangesRequest { Parent = "provinces/" + province, SinceToken = token, PageSize = 1000 });
            events.AddRange(page.Changes);
            token = page.NextSinceToken;
            if (!page.HasMore)
            {
                return events;
            }
        }
    }

    private static string Province(Directive directive) => directive.Name.Split('/')[1];
}

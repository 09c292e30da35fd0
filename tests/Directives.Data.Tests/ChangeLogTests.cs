using Directives.Data.Changes;
using Directives.Data.Errors;
using Directives.Data.Resources;
using Directives.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Directives.Data.Tests;

/// <summary>The audit trail and change feed: written with the change or not at all; gapless in commit order.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class ChangeLogTests(DatabaseFixture fixture)
{
    [Theory]
    [InlineData(StorageTarget.Sqlite)]
    [InlineData(StorageTarget.PostgreSql)]
    public async Task A_change_and_its_entry_commit_together(StorageTarget target)
    {
        var province = await fixture.CreateProvinceAsync(target);
        await using (var db = await province.OpenAsync())
        {
            var directive = Samples.Directive();
            var stamp = db.AddResource(directive, "2024-38-ct-tu", Samples.Now);
            db.ChangeLog.Record(new ChangeEntry
            {
                ResourceName = ProvinceWrites.DirectiveName(province, "2024-38-ct-tu"),
                ResourceType = "directives.gov.vn/Directive",
                Kind = ChangeKind.Created,
                Method = "/directives.v1.DirectiveService/CreateDirective",
                Actor = Samples.Secretariat,
                RequestId = "2f1c7a4e-8d7b-4c39-9b7e-3f1f0c2d9a11",
                Etag = stamp.Etag,
                After = [0x0a, 0x03, 0x41, 0x42, 0x43],
            });
            await db.SaveChangesAsync();
        }

        await using (var db = await province.OpenAsync())
        {
            var entry = Assert.Single(await db.ChangeLog.ListAfterAsync(0, 10, null, CancellationToken.None));
            Assert.Equal(1, entry.Sequence);
            Assert.Equal(ProvinceWrites.DirectiveName(province, "2024-38-ct-tu"), entry.ResourceName);
            Assert.Equal("directives.gov.vn/Directive", entry.ResourceType);
            Assert.Equal(ChangeKind.Created, entry.Kind);
            Assert.Equal("/directives.v1.DirectiveService/CreateDirective", entry.Method);
            Assert.Equal(Samples.Secretariat.Subject, entry.Actor.Subject);
            Assert.Equal("Nguyễn Thị Lan", entry.Actor.DisplayName);
            Assert.Equal(Samples.Secretariat.Agency, entry.Actor.Agency);
            Assert.Equal(["secretariat"], entry.Actor.Roles);
            Assert.Equal("2f1c7a4e-8d7b-4c39-9b7e-3f1f0c2d9a11", entry.RequestId);
            Assert.Null(entry.Before);
            Assert.Equal(new byte[] { 0x0a, 0x03, 0x41, 0x42, 0x43 }, entry.After);
            var directive = await db.Directives.WithResourceId("2024-38-ct-tu").Stamped().SingleAsync();
            Assert.Equal(directive.Stamp.Etag, entry.Etag);
            Assert.InRange(entry.CommitTime, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
            Assert.Equal(1, await db.ChangeLog.HeadAsync(CancellationToken.None));
        }
    }

    [Theory]
    [InlineData(StorageTarget.Sqlite)]
    [InlineData(StorageTarget.PostgreSql)]
    public async Task A_failure_after_the_writes_leaves_nothing_half_written(StorageTarget target)
    {
        var province = await fixture.CreateProvinceAsync(target);
        await province.AddDirectiveAsync("first", "1-CT/TU");
        var failing = new FailAfterChangeLogWrite("directives");
        await using (var db = await province.With(failing).OpenAsync())
        {
            db.AddResource(Samples.Directive("2-CT/TU"), "second", Samples.Now);
            db.ChangeLog.Record(Samples.Change(ProvinceWrites.DirectiveName(province, "second")));
            db.Idempotency.Remember("request-1", "/directives.v1.DirectiveService/CreateDirective", [1, 2], "second", null, Samples.Now);
            var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.IsType<InvalidOperationException>(error.InnerException);
        }

        Assert.True(failing.Failed);
        await using (var db = await province.OpenAsync())
        {
            Assert.Equal(["first"], await db.Directives.Stamped().Select(d => d.Stamp.ResourceId).ToListAsync());
            Assert.Equal(1, await db.ChangeLog.HeadAsync(CancellationToken.None));
            Assert.Single(await db.ChangeLog.ListAfterAsync(0, 10, null, CancellationToken.None));
            Assert.Null(await db.Idempotency.FindAsync("request-1", Samples.Now, CancellationToken.None));
        }

        // The rolled-back numbers are handed out again: no gap.
        await province.AddDirectiveAsync("third", "3-CT/TU");
        await using (var db = await province.OpenAsync())
        {
            Assert.Equal([1L, 2L], (await db.ChangeLog.ListAfterAsync(0, 10, null, CancellationToken.None)).Select(e => e.Sequence));
        }
    }

    [Theory]
    [InlineData(StorageTarget.Sqlite)]
    [InlineData(StorageTarget.PostgreSql)]
    public async Task A_rolled_back_transaction_takes_its_entries_with_it(StorageTarget target)
    {
        var province = await fixture.CreateProvinceAsync(target);
        await using (var db = await province.OpenAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.AddResource(Samples.Directive(), "d1", Samples.Now);
            db.ChangeLog.Record(Samples.Change(ProvinceWrites.DirectiveName(province, "d1")));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        await using (var db = await province.OpenAsync())
        {
            Assert.Empty(await db.Directives.ToListAsync());
            Assert.Equal(0, await db.ChangeLog.HeadAsync(CancellationToken.None));
        }
    }

    [Theory]
    [InlineData(StorageTarget.Sqlite)]
    [InlineData(StorageTarget.PostgreSql)]
    public async Task A_write_without_a_change_entry_is_refused(StorageTarget target)
    {
        var province = await fixture.CreateProvinceAsync(target);
        await province.AddDirectiveAsync("d1");
        await using var db = await province.OpenAsync();
        var directive = await db.Directives.SingleAsync();
        directive.Issue();

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Theory]
    [InlineData(StorageTarget.Sqlite)]
    [InlineData(StorageTarget.PostgreSql)]
    public async Task History_lists_one_resource_in_pages_and_the_feed_filters_by_type(StorageTarget target)
    {
        var province = await fixture.CreateProvinceAsync(target);
        var police = await province.AddAgencyAsync("cong-an-tinh");
        var directive = await province.AddDirectiveAsync("d1", number: null);
        await province.AddTaskAsync(directive, "d1", "t1", "1", police.Id);
        for (var i = 0; i < 4; i++)
        {
            await using var db = await province.OpenAsync();
            var tracked = await db.Directives.WithResourceId("d1").SingleAsync();
            var stamp = db.Resource(tracked).Touch(Samples.Now.AddMinutes(i));
            db.ChangeLog.Record(Samples.Change(ProvinceWrites.DirectiveName(province, "d1"), ChangeKind.Updated, stamp.Etag));
            await db.SaveChangesAsync();
        }

        await using (var db = await province.OpenAsync())
        {
            var name = ProvinceWrites.DirectiveName(province, "d1");
            var first = await db.ChangeLog.HistoryAsync(name, null, 3, newestFirst: true, CancellationToken.None);
            var second = await db.ChangeLog.HistoryAsync(name, first[^1].Sequence, 3, newestFirst: true, CancellationToken.None);
            Assert.Equal([7L, 6L, 5L, 4L, 2L], first.Concat(second).Select(e => e.Sequence));
            Assert.Equal(ChangeKind.Created, second[^1].Kind);
            Assert.Equal([2L, 4L], (await db.ChangeLog.HistoryAsync(name, null, 2, newestFirst: false, CancellationToken.None)).Select(e => e.Sequence));

            var tasks = await db.ChangeLog.ListAfterAsync(0, 100, ["directives.gov.vn/Task"], CancellationToken.None);
            Assert.Equal([3L], tasks.Select(e => e.Sequence));
            Assert.Equal(7, await db.ChangeLog.HeadAsync(CancellationToken.None));
            Assert.Equal(3, (await db.ChangeLog.FindAsync(3, CancellationToken.None))!.Sequence);
        }
    }

    [Theory]
    [InlineData(StorageTarget.Sqlite)]
    [InlineData(StorageTarget.PostgreSql)]
    public async Task Concurrent_writers_get_a_gapless_sequence_in_commit_order(StorageTarget target)
    {
        const int writers = 8;
        const int writesEach = 50;
        var province = await fixture.CreateProvinceAsync(target);
        using var stop = new CancellationTokenSource();

        // A feed reader polling while the writers commit. Whatever it has seen, the next entry it finds
        // must be the very next number: a smaller number committing later would be missed by a real
        // reader, and would show here as a jump.
        var seen = new List<ChangeRecord>();
        var reader = Task.Run(async () =>
        {
            long last = 0;
            while (true)
            {
                var done = stop.IsCancellationRequested;
                await using var db = await province.OpenAsync();
                var page = await db.ChangeLog.ListAfterAsync(last, 37, null, CancellationToken.None);
                foreach (var entry in page)
                {
                    Assert.Equal(last + 1, entry.Sequence);
                    last = entry.Sequence;
                    seen.Add(entry);
                }

                if (done && page.Count == 0)
                {
                    return;
                }
            }
        });

        var writes = Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < writesEach; i++)
            {
                await using var db = await province.OpenAsync();
                var id = $"w{writer}-{i}";
                var stamp = db.AddResource(Samples.Directive(number: null), id, Samples.Now);
                db.ChangeLog.Record(Samples.Change(ProvinceWrites.DirectiveName(province, id), ChangeKind.Created, stamp.Etag));
                await db.SaveChangesAsync();
            }
        })).ToArray();
        await Task.WhenAll(writes);
        await stop.CancelAsync();
        await reader;

        Assert.Equal(Enumerable.Range(1, writers * writesEach).Select(i => (long)i), seen.Select(e => e.Sequence));
        Assert.Equal(writers * writesEach, seen.Select(e => e.ResourceName).Distinct().Count());
        Assert.True(seen.Zip(seen.Skip(1)).All(pair => pair.First.CommitTicks <= pair.Second.CommitTicks), "commit times never go back along the feed");

        // Read again in pages from the start: every entry exactly once, in order.
        await using var check = await province.OpenAsync();
        var all = new List<ChangeRecord>();
        long after = 0;
        while (await check.ChangeLog.ListAfterAsync(after, 50, null, CancellationToken.None) is { Count: > 0 } page)
        {
            all.AddRange(page);
            after = page[^1].Sequence;
        }

        Assert.Equal(seen.Select(e => (e.Sequence, e.ResourceName)), all.Select(e => (e.Sequence, e.ResourceName)));
        Assert.Equal(writers * writesEach, await check.Directives.CountAsync());
    }

    [Theory]
    [InlineData(StorageTarget.Sqlite)]
    [InlineData(StorageTarget.PostgreSql)]
    public async Task A_unique_violation_rolls_back_the_whole_save(StorageTarget target)
    {
        var province = await fixture.CreateProvinceAsync(target);
        await province.AddDirectiveAsync("d1", "38-CT/TU", new DateOnly(2024, 3, 15));
        await using (var db = await province.OpenAsync())
        {
            db.AddResource(Samples.Directive("1-CT/TU"), "d2", Samples.Now);
            db.AddResource(Samples.Directive("38 - CT/TU", new DateOnly(2024, 9, 1)), "d3", Samples.Now);
            db.ChangeLog.Record(Samples.Change(ProvinceWrites.DirectiveName(province, "d2")));
            db.ChangeLog.Record(Samples.Change(ProvinceWrites.DirectiveName(province, "d3")));
            var error = await Assert.ThrowsAsync<DuplicateKeyException>(() => db.SaveChangesAsync());
            Assert.Equal(UniqueKey.DirectiveNumber, error.Key);
        }

        await using (var db = await province.OpenAsync())
        {
            Assert.Equal(1, await db.Directives.CountAsync());
            Assert.Equal(1, await db.ChangeLog.HeadAsync(CancellationToken.None));
        }
    }
}

using Directives.Data.Changes;
using Directives.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Directives.Data.Tests;

/// <summary>Commit listeners hear of a save's change entries once, after they are visible, and never of a save that failed.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class CommitListenerTests(DatabaseFixture fixture)
{
    [Theory]
    [InlineData(StorageTarget.Sqlite)]
    [InlineData(StorageTarget.PostgreSql)]
    public async Task A_listener_hears_the_committed_entries_after_they_are_visible(StorageTarget target)
    {
        var province = await fixture.CreateProvinceAsync(target);
        await province.AddDirectiveAsync("first", "1-CT/TU");
        var listener = new RecordingListener(province);
        await using (var db = await province.Telling(listener).OpenAsync())
        {
            db.AddResource(Samples.Directive("2-CT/TU"), "second", Samples.Now);
            db.AddResource(Samples.Directive("3-CT/TU"), "third", Samples.Now);
            db.ChangeLog.Record(Samples.Change(ProvinceWrites.DirectiveName(province, "second")));
            db.ChangeLog.Record(Samples.Change(ProvinceWrites.DirectiveName(province, "third")));
            await db.SaveChangesAsync();
        }

        var heard = Assert.Single(listener.Heard);
        Assert.Equal(province.ProvinceId, heard.ProvinceId);
        Assert.Equal([2L, 3L], heard.Sequences);
        Assert.Equal(
            [ProvinceWrites.DirectiveName(province, "second"), ProvinceWrites.DirectiveName(province, "third")],
            heard.Resources);
        Assert.Equal(3, heard.HeadSeenByAnotherConnection);
    }

    [Theory]
    [InlineData(StorageTarget.Sqlite)]
    [InlineData(StorageTarget.PostgreSql)]
    public async Task A_failed_save_is_not_announced(StorageTarget target)
    {
        var province = await fixture.CreateProvinceAsync(target);
        var listener = new RecordingListener(province);
        var failing = new FailAfterChangeLogWrite("directives");
        await using (var db = await province.With(failing).Telling(listener).OpenAsync())
        {
            db.AddResource(Samples.Directive("2-CT/TU"), "second", Samples.Now);
            db.ChangeLog.Record(Samples.Change(ProvinceWrites.DirectiveName(province, "second")));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        Assert.True(failing.Failed);
        Assert.Empty(listener.Heard);
    }

    private sealed record Heard(string ProvinceId, long[] Sequences, string[] Resources, long HeadSeenByAnotherConnection);

    private sealed class RecordingListener(TestProvince province) : IChangeCommitListener
    {
        public List<Heard> Heard { get; } = [];

        public async ValueTask ChangesCommittedAsync(string provinceId, IReadOnlyList<ChangeRecord> records, CancellationToken cancellationToken)
        {
            // Read through another connection: the listener is told only once the commit is visible to every reader.
            await using var other = await province.OpenAsync();
            var head = await other.ChangeLog.HeadAsync(cancellationToken);
            Heard.Add(new(provinceId, [.. records.Select(r => r.Sequence)], [.. records.Select(r => r.ResourceName)], head));
        }
    }
}

using Directives.Data.Changes;
using Directives.Data.Errors;
using Directives.Data.Resources;
using Directives.Data.Tests.Infrastructure;
using Directives.Domain.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Directives.Data.Tests;

/// <summary>Unique numbers and ids, and the etag that stops a stale copy from overwriting a newer one.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class UniquenessAndConcurrencyTests(DatabaseFixture fixture)
{
    [Theory]
    [InlineData(StorageTarget.Sqlite)]
    [InlineData(StorageTarget.PostgreSql)]
    public async Task A_number_is_unique_per_year_among_undeleted_directives(StorageTarget target)
    {
        var province = await fixture.CreateProvinceAsync(target);
        await province.AddDirectiveAsync("a", "38-CT/TU", new DateOnly(2024, 3, 15));

        // The same document typed with stray spaces and another dash is the same number.
        var error = await Assert.ThrowsAsync<DuplicateKeyException>(() => province.AddDirectiveAsync("b", "38 – CT/TU", new DateOnly(2024, 11, 2)));
        Assert.Equal(UniqueKey.DirectiveNumber, error.Key);

        // Another year, and drafts without a number, are fine.
        await province.AddDirectiveAsync("c", "38-CT/TU", new DateOnly(2023, 3, 15));
        await province.AddDirectiveAsync("d", number: null);
        await province.AddDirectiveAsync("e", number: null);

        // A soft-deleted directive frees its number.
        await using (var db = await province.OpenAsync())
        {
            var first = await db.Directives.WithResourceId("a").SingleAsync();
            var stamp = db.Resource(first).SoftDelete(Samples.Now);
            Assert.Equal(Samples.Now.AddDays(30), stamp.PurgeTime);
            db.ChangeLog.Record(Samples.Change(ProvinceWrites.DirectiveName(province, "a"), ChangeKind.Deleted, stamp.Etag));
            await db.SaveChangesAsync();
        }

        await province.AddDirectiveAsync("f", "38-CT/TU", new DateOnly(2024, 5, 1));

        // Undeleting the first now collides with the number taken meanwhile.
        await using (var db = await province.OpenAsync())
        {
            var first = await db.Directives.WithResourceId("a").SingleAsync();
            Assert.True(db.Resource(first).IsDeleted);
            db.Resource(first).Undelete(Samples.Now);
            db.ChangeLog.Record(Samples.Change(ProvinceWrites.DirectiveName(province, "a"), ChangeKind.Updated));
            Assert.Equal(UniqueKey.DirectiveNumber, (await Assert.ThrowsAsync<DuplicateKeyException>(() => db.SaveChangesAsync())).Key);
        }
    }

    [Theory]
    [InlineData(StorageTarget.Sqlite)]
    [InlineData(StorageTarget.PostgreSql)]
    public async Task Resource_ids_and_task_numbers_are_unique(StorageTarget target)
    {
        var province = await fixture.CreateProvinceAsync(target);
        var police = await province.AddAgencyAsync("cong-an-tinh");
        Assert.Equal(UniqueKey.ResourceId, (await Assert.ThrowsAsync<DuplicateKeyException>(() => province.AddAgencyAsync("cong-an-tinh"))).Key);

        var directive = await province.AddDirectiveAsync("d1");
        var other = await province.AddDirectiveAsync("d2", "2-CT/TU");
        await province.AddTaskAsync(directive, "d1", "t1", "3.1", police.Id);
        Assert.Equal(UniqueKey.ResourceId, (await Assert.ThrowsAsync<DuplicateKeyException>(() => province.AddTaskAsync(directive, "d1", "t1", "4", police.Id))).Key);
        Assert.Equal(UniqueKey.TaskNumber, (await Assert.ThrowsAsync<DuplicateKeyException>(() => province.AddTaskAsync(directive, "d1", "t2", "3.1", police.Id))).Key);

        // Task ids and numbers are unique within their directive only.
        await province.AddTaskAsync(other, "d2", "t1", "3.1", police.Id);
    }

    [Theory]
    [InlineData(StorageTarget.Sqlite)]
    [InlineData(StorageTarget.PostgreSql)]
    public async Task A_stale_copy_cannot_overwrite_a_newer_version(StorageTarget target)
    {
        var province = await fixture.CreateProvinceAsync(target);
        await province.AddDirectiveAsync("d1");
        await using var first = await province.OpenAsync();
        await using var second = await province.OpenAsync();
        var mine = await first.Directives.WithResourceId("d1").SingleAsync();
        var theirs = await second.Directives.WithResourceId("d1").SingleAsync();
        var readEtag = first.Resource(mine).Etag;
        Assert.Equal(readEtag, second.Resource(theirs).Etag);

        theirs.Issue();
        var newer = second.Resource(theirs).Touch(Samples.Now);
        second.ChangeLog.Record(Samples.Change(ProvinceWrites.DirectiveName(province, "d1"), ChangeKind.Updated, newer.Etag));
        await second.SaveChangesAsync();
        Assert.NotEqual(readEtag, newer.Etag);

        // The stale copy still says draft, so the domain lets it issue again; only the etag stops it.
        mine.Issue(issueDate: new DateOnly(2024, 3, 20));
        first.Resource(mine).Touch(Samples.Now);
        first.ChangeLog.Record(Samples.Change(ProvinceWrites.DirectiveName(province, "d1"), ChangeKind.Updated));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => first.SaveChangesAsync());

        await using var check = await province.OpenAsync();
        var stored = await check.Directives.WithResourceId("d1").Stamped().SingleAsync();
        Assert.Equal(newer.Etag, stored.Stamp.Etag);
        Assert.Equal(Domain.Directives.DirectiveState.Issued, stored.Resource.State);
        Assert.Equal(2, await check.ChangeLog.HeadAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(StorageTarget.Sqlite)]
    [InlineData(StorageTarget.PostgreSql)]
    public async Task A_report_on_a_stale_task_conflicts_and_every_save_changes_the_etag(StorageTarget target)
    {
        var province = await fixture.CreateProvinceAsync(target);
        var police = await province.AddAgencyAsync("cong-an-tinh");
        var directive = await province.AddDirectiveAsync("d1");
        await province.AddTaskAsync(directive, "d1", "t1", "1", police.Id);
        await using var first = await province.OpenAsync();
        await using var second = await province.OpenAsync();
        var mine = await first.Tasks.WithTaskName("d1", "t1").SingleAsync();
        var theirs = await second.Tasks.WithTaskName("d1", "t1").SingleAsync();

        // Only the reports table changes; the save still stamps the task (no Touch here) and checks its etag.
        var before = second.Resource(theirs).Etag;
        theirs.SubmitReport(Guid.NewGuid(), Report(police.Id), Samples.Now);
        second.ChangeLog.Record(Samples.Change("tasks/t1", ChangeKind.Updated));
        await second.SaveChangesAsync();
        Assert.NotEqual(before, second.Resource(theirs).Etag);

        mine.SubmitReport(Guid.NewGuid(), Report(police.Id), Samples.Now);
        first.ChangeLog.Record(Samples.Change("tasks/t1", ChangeKind.Updated));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => first.SaveChangesAsync());

        await using var check = await province.OpenAsync();
        var stored = await check.Tasks.WithTaskName("d1", "t1").SingleAsync();
        Assert.Single(stored.Reports);
        Assert.Equal(TaskState.InProgress, stored.State);
    }

    private static ReportDetails Report(Guid agency) => new()
    {
        Kind = ReportKind.AdHoc,
        AgencyId = agency,
        Text = Samples.Nfc("Báo cáo đột xuất về tình hình tội phạm"),
        PercentComplete = 10,
        SubmittedBy = Samples.Nfc("Thượng tá Lê Văn Hùng"),
    };
}

using System.Linq.Expressions;
using Directives.Data.Changes;
using Directives.Data.Queries;
using Directives.Data.Resources;
using Directives.Data.Tests.Infrastructure;
using Directives.Domain.Tasks;
using Directives.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace Directives.Data.Tests;

/// <summary>The ListTasks filters, translated to SQL on both providers, against the domain's own answers.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class TaskFilterTests(DatabaseFixture fixture)
{
    private static readonly DateTimeOffset Now = new(2024, 7, 1, 3, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(StorageTarget.Sqlite)]
    [InlineData(StorageTarget.PostgreSql)]
    public async Task Filters_select_what_the_domain_says(StorageTarget target)
    {
        var (province, a, b, c) = await SeedAsync(fixture, target);
        await using var db = await province.OpenAsync();
        var filters = db.TaskFilters;

        Assert.Equal(["d1/t1", "d1/t2", "d2/t1", "d2/t3"], await Names(db, filters.Involving(a)));
        Assert.Equal(["d1/t1", "d2/t1"], await Names(db, filters.LedBy(a)));
        Assert.Equal(["d1/t2", "d2/t3"], await Names(db, filters.CooperatedBy(a)));
        Assert.Equal(["d2/t1", "d2/t2", "d2/t3"], await Names(db, filters.InDirective("d2")));

        // Timeliness is derived in SQL exactly as the domain derives it.
        var all = await db.Tasks.ToListAsync();
        foreach (var timeliness in Enum.GetValues<Timeliness>())
        {
            var expected = all.Where(t => t.TimelinessAt(Now) == timeliness).Select(t => t.Id).Order().ToList();
            var actual = await db.Tasks.Where(filters.HasTimeliness(timeliness, Now)).Select(t => t.Id).ToListAsync();
            Assert.Equal(expected, actual.Order().ToList());
        }

        Assert.Equal(["d1/t1"], await Names(db, filters.HasTimeliness(Timeliness.Overdue, Now)));

        // Deadline ranges are instants; the third quarter in Vietnam starts at 2024-06-30T17:00Z. Standing tasks never match.
        var q3Start = VietnamTime.StartOfDay(new DateOnly(2024, 7, 1));
        var q4Start = VietnamTime.StartOfDay(new DateOnly(2024, 10, 1));
        Assert.Equal(["d1/t2"], await Names(db, filters.Due(Comparison.GreaterOrEqual, q3Start).And(filters.Due(Comparison.Less, q4Start))));
        Assert.Equal(["d1/t2", "d2/t3"], await Names(db, filters.Due(Comparison.GreaterOrEqual, q3Start)));
        Assert.Equal(["d1/t1", "d1/t2", "d2/t1", "d2/t2", "d2/t3"], await Names(db, filters.Due(Comparison.NotEqual, q3Start)));
        Assert.Equal(["d1/t3"], await Names(db, filters.IsStanding(true)));
        Assert.Equal(["d2/t1"], await Names(db, filters.Completed(Comparison.Less, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero))));
        Assert.Equal(["d2/t1", "d2/t2"], await Names(db, filters.Completed(Comparison.LessOrEqual, Now)));
        Assert.Equal(6, (await Names(db, filters.Created(Comparison.Equal, Now))).Count);
        Assert.Empty(await Names(db, filters.Updated(Comparison.Greater, DateTimeOffset.UtcNow.AddHours(1))));

        Assert.Equal(["d1/t2"], await Names(db, filters.ChildrenOf(TaskNumber.Parse("1"))));
        Assert.Equal(["d1/t1", "d1/t3", "d2/t1", "d2/t2", "d2/t3"], await Names(db, filters.ChildrenOf(null)));

        // AIP-160 combinations: NOT, OR, and plain domain properties.
        Assert.Equal(["d1/t3", "d2/t2"], await Names(db, filters.Involving(a).Not()));
        Assert.Equal(["d1/t3", "d2/t3"], await Names(db, filters.LedBy(c).Or(filters.IsStanding(true))));
        Assert.Equal(["d2/t2"], await Names(db, filters.Involving(b).And(t => t.State == TaskState.Completed)));
    }

    [Theory]
    [InlineData(StorageTarget.Sqlite)]
    [InlineData(StorageTarget.PostgreSql)]
    public async Task The_agency_index_follows_updates_and_soft_deletes_hide_tasks(StorageTarget target)
    {
        var (province, a, b, c) = await SeedAsync(fixture, target);
        await using (var db = await province.OpenAsync())
        {
            var task = await db.Tasks.WithTaskName("d1", "t1").SingleAsync();
            task.Update(new TaskDetails
            {
                Number = "1",
                Title = task.Title,
                LeadAgencyId = c,
                CooperatingAgencyIds = [a],
                OriginalDeadline = task.OriginalDeadline,
            });
            db.Resource(task).Touch(Now);
            db.ChangeLog.Record(Samples.Change("d1/t1", ChangeKind.Updated));

            var deleted = await db.Tasks.WithTaskName("d2", "t3").SingleAsync();
            db.Resource(deleted).SoftDelete(Now);
            db.ChangeLog.Record(Samples.Change("d2/t3", ChangeKind.Deleted));
            await db.SaveChangesAsync();
        }

        await using (var db = await province.OpenAsync())
        {
            var filters = db.TaskFilters;
            Assert.Equal(["d1/t1", "d1/t2", "d2/t1", "d2/t3"], await Names(db, filters.Involving(a)));
            Assert.Equal(["d2/t1"], await Names(db, filters.LedBy(a)));
            Assert.Equal(["d1/t1", "d1/t2", "d2/t3"], await Names(db, filters.CooperatedBy(a)));
            Assert.Equal(["d1/t2", "d2/t2"], await Names(db, filters.Involving(b)));
            Assert.Equal(["d1/t1", "d1/t3", "d2/t3"], await Names(db, filters.LedBy(c)));
            Assert.Equal(["d1/t1", "d1/t2", "d2/t1"], await Names(db, filters.Involving(a), showDeleted: false));
            Assert.Single(await db.Tasks.PurgeDue(Now.AddDays(31)).ToListAsync());
        }
    }

    /// <summary>Three agencies, two directives and six tasks in every state and timeliness, as of <see cref="Now"/>.</summary>
    internal static async Task<(TestProvince Province, Guid A, Guid B, Guid C)> SeedAsync(DatabaseFixture fixture, StorageTarget target)
    {
        var province = await fixture.CreateProvinceAsync(target);
        var a = (await province.AddAgencyAsync("a", "Công an tỉnh")).Id;
        var b = (await province.AddAgencyAsync("b", "Sở Giao thông vận tải")).Id;
        var c = (await province.AddAgencyAsync("c", "Sở Y tế")).Id;
        var d1 = await province.AddDirectiveAsync("d1", "1-CT/TU");
        var d2 = await province.AddDirectiveAsync("d2", "2-CT/TU");
        await province.AddTaskAsync(d1, "d1", "t1", "1", a, [b], Deadline.OnDate(new DateOnly(2024, 6, 30)), now: Now);
        await province.AddTaskAsync(d1, "d1", "t2", "1.1", b, [a, c], Deadline.InPeriod(Period.OfQuarter(2024, 3)), now: Now);
        await province.AddTaskAsync(d1, "d1", "t3", "2", c, [], Deadline.Standing, now: Now);
        await province.AddTaskAsync(d2, "d2", "t1", "1", a, [], Deadline.OnDate(new DateOnly(2023, 12, 31)), now: Now);
        await province.AddTaskAsync(d2, "d2", "t2", "2", b, [], Deadline.OnDate(new DateOnly(2024, 3, 31)), now: Now);
        await province.AddTaskAsync(d2, "d2", "t3", "3", c, [a], Deadline.InPeriod(Period.OfQuarter(2024, 4)), now: Now);

        await using var db = await province.OpenAsync();
        (await db.Tasks.WithTaskName("d1", "t2").SingleAsync()).Start();
        (await db.Tasks.WithTaskName("d2", "t1").SingleAsync()).Complete(new DateTimeOffset(2023, 12, 20, 2, 0, 0, TimeSpan.Zero));
        (await db.Tasks.WithTaskName("d2", "t2").SingleAsync()).Complete(new DateTimeOffset(2024, 5, 1, 2, 0, 0, TimeSpan.Zero));
        (await db.Tasks.WithTaskName("d2", "t3").SingleAsync()).Cancel(Samples.Nfc("Không còn phù hợp"));
        db.ChangeLog.Record(Samples.Change("seed", ChangeKind.Updated));
        await db.SaveChangesAsync();
        return (province, a, b, c);
    }

    private static async Task<List<string>> Names(ProvinceDbContext db, Expression<Func<DirectiveTask, bool>> filter, bool showDeleted = true)
    {
        var query = db.Tasks.Where(filter);
        if (!showDeleted)
        {
            query = query.NotDeleted();
        }

        return (await query.Stamped().ToListAsync())
            .Select(t => $"{t.Stamp.DirectiveResourceId}/{t.Stamp.ResourceId}")
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}

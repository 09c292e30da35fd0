using Directives.Data.Changes;
using Directives.Data.Queries;
using Directives.Data.Resources;
using Directives.Data.Tests.Infrastructure;
using Directives.Domain.Directives;
using Directives.Domain.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Directives.Data.Tests;

/// <summary>Keyset pages in every order: complete, in order, and stable under concurrent inserts.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class KeysetPaginationTests(DatabaseFixture fixture)
{
    [Theory]
    [InlineData(StorageTarget.Sqlite)]
    [InlineData(StorageTarget.PostgreSql)]
    public async Task Task_pages_follow_every_order_and_end_with_the_name(StorageTarget target)
    {
        var (province, _, _, _) = await TaskFilterTests.SeedAsync(fixture, target);
        await using var db = await province.OpenAsync();
        var all = await db.Tasks.Stamped().ToListAsync();
        foreach (var order in Enum.GetValues<TaskOrder>())
        {
            foreach (var descending in new[] { false, true })
            {
                var expected = Sort(all, order, descending).Select(Name).ToList();

                var pages = await ReadAllAsync(db.Tasks, order, descending, pageSize: 2);

                Assert.True(expected.SequenceEqual(pages.Select(Name)), $"{order} {(descending ? "desc" : "asc")}: {string.Join(", ", pages.Select(Name))}");
            }
        }
    }

    [Theory]
    [InlineData(StorageTarget.Sqlite, DirectiveOrder.IssueDate)]
    [InlineData(StorageTarget.PostgreSql, DirectiveOrder.IssueDate)]
    [InlineData(StorageTarget.Sqlite, DirectiveOrder.NumberAndSymbol)]
    [InlineData(StorageTarget.PostgreSql, DirectiveOrder.NumberAndSymbol)]
    [InlineData(StorageTarget.Sqlite, DirectiveOrder.Subject)]
    [InlineData(StorageTarget.PostgreSql, DirectiveOrder.Subject)]
    [InlineData(StorageTarget.Sqlite, DirectiveOrder.UpdateTime)]
    [InlineData(StorageTarget.PostgreSql, DirectiveOrder.UpdateTime)]
    public async Task Directive_pages_follow_the_order(StorageTarget target, DirectiveOrder order)
    {
        var province = await fixture.CreateProvinceAsync(target);
        await province.AddDirectiveAsync("a", "38-CT/TU", new DateOnly(2024, 3, 15), "Về an ninh trật tự");
        await province.AddDirectiveAsync("b", "15/CT-UBND", new DateOnly(2022, 12, 19), "Bảo đảm an toàn giao thông");
        await province.AddDirectiveAsync("c", null, null, "Ấn định kế hoạch");
        await province.AddDirectiveAsync("d", "2157-CV/TU", new DateOnly(2019, 5, 2), "Đấu tranh phòng chống ma túy");
        await province.AddDirectiveAsync("e", "16/CT-UBND", new DateOnly(2022, 12, 19), "Bảo đảm an toàn giao thông");

        await using var db = await province.OpenAsync();
        var first = await db.Directives.NotDeleted().ListPageAsync(order, descending: true, null, 2, CancellationToken.None);
        var items = first.Items.ToList();
        var next = first.Next;
        while (next is not null)
        {
            var page = await db.Directives.NotDeleted().ListPageAsync(order, descending: true, next, 2, CancellationToken.None);
            items.AddRange(page.Items);
            next = page.Next;
        }

        Func<Resources.Stamped<Directive>, IComparable> key = order switch
        {
            DirectiveOrder.IssueDate => d => d.Resource.IssuedOn?.DayNumber ?? -1,
            DirectiveOrder.NumberAndSymbol => d => d.Resource.NumberAndSymbol?.Canonical ?? "",
            DirectiveOrder.Subject => d => Domain.Search.VietnameseText.NormalizeForSearch(d.Resource.Subject),
            _ => d => d.Stamp.UpdateTime,
        };
        var all = await db.Directives.Stamped().ToListAsync();
        var expected = all.OrderByDescending(key, Comparer<IComparable>.Create((x, y) => x is string a && y is string b ? string.CompareOrdinal(a, b) : x.CompareTo(y)))
            .ThenByDescending(d => d.Stamp.ResourceId, StringComparer.Ordinal)
            .Select(d => d.Stamp.ResourceId);
        Assert.Equal(expected, items.Select(d => d.Stamp.ResourceId));
        if (order == DirectiveOrder.IssueDate)
        {
            Assert.Equal("c", items[^1].Stamp.ResourceId);
        }
    }

    [Theory]
    [InlineData(StorageTarget.Sqlite, TaskOrder.Number)]
    [InlineData(StorageTarget.PostgreSql, TaskOrder.Number)]
    [InlineData(StorageTarget.Sqlite, TaskOrder.Deadline)]
    [InlineData(StorageTarget.PostgreSql, TaskOrder.Deadline)]
    public async Task Pages_neither_skip_nor_repeat_under_concurrent_inserts(StorageTarget target, TaskOrder order)
    {
        var province = await fixture.CreateProvinceAsync(target);
        var police = await province.AddAgencyAsync("cong-an-tinh");
        var directive = await province.AddDirectiveAsync("d1");
        await using (var db = await province.OpenAsync())
        {
            // Numbers 2, 4, …, 120 with deadlines day by day; the writer adds odd numbers in between.
            for (var i = 1; i <= 60; i++)
            {
                AddTask(db, directive, 2 * i);
            }

            db.ChangeLog.Record(Samples.Change("seed"));
            await db.SaveChangesAsync();
        }

        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 1; !stop.IsCancellationRequested && i <= 60; i++)
            {
                await using var db = await province.OpenAsync();
                AddTask(db, directive, (2 * ((i * 37) % 60)) + 1);
                db.ChangeLog.Record(Samples.Change($"insert-{i}"));
                await db.SaveChangesAsync();
            }
        });

        var seen = new List<Stamped<DirectiveTask>>();
        await using (var db = await province.OpenAsync())
        {
            PageCursor? cursor = null;
            do
            {
                var page = await db.Tasks.NotDeleted().ListPageAsync(order, descending: false, cursor, 7, CancellationToken.None);
                seen.AddRange(page.Items);
                cursor = page.Next;
                await Task.Yield();
            }
            while (cursor is not null);
        }

        await stop.CancelAsync();
        await writer;

        var names = seen.Select(t => t.Stamp.ResourceId).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(Enumerable.Range(1, 60), i => Assert.Contains($"t{2 * i:D3}", names));
        var numbers = seen.Select(t => t.Resource.Number).ToList();
        Assert.True(numbers.Zip(numbers.Skip(1)).All(pair => pair.First < pair.Second), "pages come in strictly increasing order");
    }

    private static void AddTask(ProvinceDbContext db, Directive directive, int number)
    {
        var task = Samples.Task(directive.Id, number.ToString(System.Globalization.CultureInfo.InvariantCulture), Guid.NewGuid(), deadline: Deadline.OnDate(new DateOnly(2024, 1, 1).AddDays(number)));
        db.AddTask(task, "d1", $"t{number:D3}", Samples.Now);
    }

    private static async Task<List<Stamped<DirectiveTask>>> ReadAllAsync(IQueryable<DirectiveTask> source, TaskOrder order, bool descending, int pageSize)
    {
        var items = new List<Stamped<DirectiveTask>>();
        PageCursor? cursor = null;
        do
        {
            var page = await source.ListPageAsync(order, descending, cursor, pageSize, CancellationToken.None);
            Assert.InRange(page.Items.Count, 0, pageSize);
            items.AddRange(page.Items);
            cursor = page.Next;
        }
        while (cursor is not null);
        return items;
    }

    private static IEnumerable<Stamped<DirectiveTask>> Sort(List<Stamped<DirectiveTask>> tasks, TaskOrder order, bool descending)
    {
        // Keys joined by U+0001, below every character of ids and sort keys, so joined strings order as the tuples.
        const char separator = '\u0001';
        IEnumerable<(Stamped<DirectiveTask> Task, string Key)> keyed = tasks.Select(t => (t, order switch
        {
            TaskOrder.Number => $"{t.Stamp.DirectiveResourceId}{separator}{t.Resource.Number.SortKey}{separator}{t.Stamp.ResourceId}",
            TaskOrder.Deadline => $"{t.Resource.DueAt?.UtcTicks ?? long.MaxValue:D20}{separator}{t.Stamp.DirectiveResourceId}{separator}{t.Stamp.ResourceId}",
            TaskOrder.CompleteTime => $"{t.Resource.CompletedAt?.UtcTicks ?? long.MaxValue:D20}{separator}{t.Stamp.DirectiveResourceId}{separator}{t.Stamp.ResourceId}",
            TaskOrder.CreateTime => $"{t.Stamp.CreateTime.UtcTicks:D20}{separator}{t.Stamp.DirectiveResourceId}{separator}{t.Stamp.ResourceId}",
            _ => $"{t.Stamp.UpdateTime.UtcTicks:D20}{separator}{t.Stamp.DirectiveResourceId}{separator}{t.Stamp.ResourceId}",
        }));
        keyed = descending ? keyed.OrderByDescending(k => k.Key, StringComparer.Ordinal) : keyed.OrderBy(k => k.Key, StringComparer.Ordinal);
        return keyed.Select(k => k.Task);
    }

    private static string Name(Stamped<DirectiveTask> task) => $"{task.Stamp.DirectiveResourceId}/{task.Stamp.ResourceId}";
}

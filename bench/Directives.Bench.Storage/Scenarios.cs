using Directives.Data;
using Directives.Data.Queries;
using Directives.Data.Resources;
using Directives.Domain.Tasks;

namespace Directives.Bench.Storage;

/// <summary>ListTasks as the Server will run it: a filter, an order ending with the name, pages of 50 through keyset cursors.</summary>
internal sealed record Scenario(string Name, TaskOrder Order, Func<ProvinceDbContext, Random, IQueryable<DirectiveTask>> Query)
{
    public static readonly DateTimeOffset Now = new(2024, 7, 1, 3, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<Scenario> All(Seeder seeded) =>
    [
        new("province, default order (number)", TaskOrder.Number, (db, _) => db.Tasks.NotDeleted()),
        new("directive = D (its ~200 tasks)", TaskOrder.Number, (db, random) => db.Tasks.NotDeleted().Where(db.TaskFilters.InDirective(Pick(seeded.Directives, random).ResourceId))),
        new("agency = A (lead or cooperating)", TaskOrder.Number, (db, random) => db.Tasks.NotDeleted().Where(db.TaskFilters.Involving(Pick(seeded.Agencies, random)))),
        new("timeliness = OVERDUE AND agency = A", TaskOrder.Deadline, (db, random) => db.Tasks.NotDeleted()
            .Where(db.TaskFilters.HasTimeliness(Timeliness.Overdue, Now).And(db.TaskFilters.Involving(Pick(seeded.Agencies, random))))),
        new("state = IN_PROGRESS, by deadline", TaskOrder.Deadline, (db, _) => db.Tasks.NotDeleted().Where(t => t.State == TaskState.InProgress)),
        new("deadline in Q3 2024, by deadline", TaskOrder.Deadline, (db, _) => db.Tasks.NotDeleted()
            .Where(db.TaskFilters.Due(Comparison.GreaterOrEqual, new DateTimeOffset(2024, 6, 30, 17, 0, 0, TimeSpan.Zero))
                .And(db.TaskFilters.Due(Comparison.Less, new DateTimeOffset(2024, 9, 30, 17, 0, 0, TimeSpan.Zero))))),
        new("lead_agency = A AND state = NOT_STARTED", TaskOrder.Number, (db, random) => db.Tasks.NotDeleted()
            .Where(db.TaskFilters.LedBy(Pick(seeded.Agencies, random)).And(t => t.State == TaskState.NotStarted))),
        new("title:\"ma tuy\" (folded text, scans)", TaskOrder.Number, (db, _) => db.Tasks.NotDeleted().Where(db.TaskFilters.TitleMatches("ma tuy"))),
        new("updated since, by update_time desc", TaskOrder.UpdateTime, (db, _) => db.Tasks.NotDeleted()
            .Where(db.TaskFilters.Updated(Comparison.Greater, new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.Zero)))),
    ];

    private static T Pick<T>(List<T> items, Random random) => items[random.Next(items.Count)];
}

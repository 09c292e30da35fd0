using Directives.Domain.Tasks;
using Directives.Server.Api;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Directives.Server.Tests.Api;

/// <summary>Rows to page through: duplicate sort keys, nulls, an enum, a two-member key.</summary>
public sealed class Row
{
    public int Id { get; set; }

    /// <summary>The resource name: unique, the tie-breaker.</summary>
    public string Name { get; set; } = "";

    public string Directive { get; set; } = "";

    public string NumberKey { get; set; } = "";

    public DateTime? DueAt { get; set; }

    public DateOnly? IssueDate { get; set; }

    public int Percent { get; set; }

    public TaskState State { get; set; }
}

public sealed class RowContext(DbContextOptions<RowContext> options) : DbContext(options)
{
    public DbSet<Row> Rows => Set<Row>();
}

internal static class RowModel
{
    public static SortSchema Schema { get; } = new("ListRows", "number", "number", "deadline_time", "percent", "issue_date", "state");

    public static SortMapping<Row> Mapping { get; } = new SortMapping<Row>(Schema)
        .Map("number", r => r.Directive, r => r.NumberKey)
        .Map("deadline_time", r => r.DueAt)
        .Map("percent", r => r.Percent)
        .Map("issue_date", r => r.IssueDate)
        .Map("state", r => r.State)
        .MapName(r => r.Name)
        .EnsureComplete();

    /// <summary>Twenty rows named r01…r20 (r00 and r99 are left for inserts) with many ties and nulls.</summary>
    public static List<Row> Create()
    {
        var rows = new List<Row>();
        for (var i = 1; i <= 20; i++)
        {
            rows.Add(New(i));
        }

        return rows;
    }

    public static Row New(int i) => new()
    {
        Name = $"r{i:00}",
        Directive = i % 3 == 0 ? "d1" : "d2",
        NumberKey = $"{i % 4:0000}",
        DueAt = i % 5 == 0 ? null : new DateTime(2024, 1 + (i % 4), 1, 0, 0, 0, DateTimeKind.Utc),
        IssueDate = i % 7 == 0 ? null : new DateOnly(2023, 1 + (i % 3), 1),
        Percent = i % 4 * 25,
        State = (TaskState)(1 + (i % 4)),
    };

    public static RowContext OpenDatabase(out SqliteConnection connection, IEnumerable<Row> rows)
    {
        connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        var context = new RowContext(new DbContextOptionsBuilder<RowContext>().UseSqlite(connection).Options);
        context.Database.EnsureCreated();
        context.Rows.AddRange(rows);
        context.SaveChanges();
        context.ChangeTracker.Clear();
        return context;
    }

    /// <summary>The order each test order means, written out independently of <see cref="SortMapping{TEntity}"/>.</summary>
    public static IEnumerable<Row> Expected(IEnumerable<Row> rows, string orderBy) => orderBy switch
    {
        "number" => rows.OrderBy(r => r.Directive, StringComparer.Ordinal).ThenBy(r => r.NumberKey, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal),
        "number desc" => rows.OrderByDescending(r => r.Directive, StringComparer.Ordinal).ThenByDescending(r => r.NumberKey, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal),
        "deadline_time" => rows.OrderBy(r => r.DueAt is null).ThenBy(r => r.DueAt).ThenBy(r => r.Name, StringComparer.Ordinal),
        "deadline_time desc, percent" => rows.OrderBy(r => r.DueAt is null).ThenByDescending(r => r.DueAt).ThenBy(r => r.Percent).ThenBy(r => r.Name, StringComparer.Ordinal),
        "issue_date, state desc" => rows.OrderBy(r => r.IssueDate is null).ThenBy(r => r.IssueDate).ThenByDescending(r => r.State).ThenBy(r => r.Name, StringComparer.Ordinal),
        "percent desc, deadline_time desc" => rows.OrderByDescending(r => r.Percent).ThenBy(r => r.DueAt is null).ThenByDescending(r => r.DueAt).ThenBy(r => r.Name, StringComparer.Ordinal),
        "state, issue_date desc" => rows.OrderBy(r => r.State).ThenBy(r => r.IssueDate is null).ThenByDescending(r => r.IssueDate).ThenBy(r => r.Name, StringComparer.Ordinal),
        _ => throw new ArgumentOutOfRangeException(nameof(orderBy), orderBy, null),
    };
}

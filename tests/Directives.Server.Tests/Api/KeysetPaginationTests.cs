using Directives.Server.Api;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Directives.Server.Tests.Api;

/// <summary>
/// Pages through rows by each order, carrying the position in a real page token from page to page,
/// over objects in memory and over SQLite through EF Core, while rows are inserted and deleted
/// between pages: the pages must neither skip nor repeat.
/// </summary>
public sealed class KeysetPaginationTests : IDisposable
{
    private const int PageSize = 3;

    private readonly PageTokens _tokens = new(
        Options.Create(new PageTokenOptions { SigningKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()) }),
        NullLogger<PageTokens>.Instance);

    private SqliteConnection? _connection;
    private RowContext? _database;

    public void Dispose()
    {
        _database?.Dispose();
        _connection?.Dispose();
    }

    [Theory]
    [InlineData("number")]
    [InlineData("number desc")]
    [InlineData("deadline_time")]
    [InlineData("deadline_time desc, percent")]
    [InlineData("issue_date, state desc")]
    [InlineData("percent desc, deadline_time desc")]
    [InlineData("state, issue_date desc")]
    public void Pages_follow_the_order_in_memory(string orderBy)
    {
        var rows = RowModel.Create();
        var seen = PageThrough(() => rows.AsQueryable(), orderBy, afterPage: null);
        Assert.Equal(RowModel.Expected(rows, orderBy).Select(r => r.Name), seen);
    }

    [Theory]
    [InlineData("number")]
    [InlineData("number desc")]
    [InlineData("deadline_time")]
    [InlineData("deadline_time desc, percent")]
    [InlineData("issue_date, state desc")]
    [InlineData("percent desc, deadline_time desc")]
    [InlineData("state, issue_date desc")]
    public void Pages_follow_the_order_in_sqlite(string orderBy)
    {
        var rows = RowModel.Create();
        _database = RowModel.OpenDatabase(out _connection, rows);
        var seen = PageThrough(() => _database.Rows, orderBy, afterPage: null);
        Assert.Equal(RowModel.Expected(rows, orderBy).Select(r => r.Name), seen);
    }

    [Theory]
    [InlineData("number")]
    [InlineData("deadline_time desc, percent")]
    [InlineData("issue_date, state desc")]
    [InlineData("state, issue_date desc")]
    public void Concurrent_inserts_and_deletes_neither_skip_nor_repeat_in_sqlite(string orderBy)
    {
        var originals = RowModel.Create();
        _database = RowModel.OpenDatabase(out _connection, originals);
        var database = _database;
        var all = originals.Select(Copy).ToList();
        var deleted = new HashSet<string>();
        var insertedAfter = new List<(Row Row, string LastSeen)>();
        var next = 21;

        var seen = PageThrough(() => database.Rows, orderBy, afterPage: lastSeen =>
        {
            // Three new rows with keys all over the order, and one row not yet seen deleted.
            for (var i = 0; i < 3; i++)
            {
                var row = RowModel.New(next++);
                database.Rows.Add(row);
                all.Add(Copy(row));
                insertedAfter.Add((row, lastSeen));
            }

            database.SaveChanges();
            var unseen = RowModel.Expected(all.Where(r => !deleted.Contains(r.Name)), orderBy)
                .SkipWhile(r => r.Name != lastSeen).Skip(1).LastOrDefault();
            if (unseen is not null)
            {
                database.Rows.Remove(database.Rows.Single(r => r.Name == unseen.Name));
                deleted.Add(unseen.Name);
            }

            database.SaveChanges();
            database.ChangeTracker.Clear();
        });

        var finalOrder = RowModel.Expected(all, orderBy).Select(r => r.Name).ToList();
        var expected = finalOrder.Where(name =>
            !deleted.Contains(name)
            && (originals.Any(o => o.Name == name)
                || insertedAfter.Any(i => i.Row.Name == name && finalOrder.IndexOf(name) > finalOrder.IndexOf(i.LastSeen))));
        Assert.Equal(expected, seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.True(insertedAfter.Any(i => seen.Contains(i.Row.Name)), "some inserts land after the position");
        Assert.True(insertedAfter.Any(i => !seen.Contains(i.Row.Name)), "some inserts land before it");
        Assert.NotEmpty(deleted);
    }

    [Fact]
    public void A_position_of_another_order_is_refused()
    {
        var rows = RowModel.Create();
        var position = RowModel.Mapping.PositionOf(rows[0], RowModel.Schema.Parse("deadline_time desc, percent"));
        ApiAssert.InvalidArgument(
            () => RowModel.Mapping.Apply(rows.AsQueryable(), RowModel.Schema.Parse("percent"), position),
            "INVALID_PAGE_TOKEN",
            "page_token");
        var wrongType = new PagePosition(["not a date", 1L, "r01"]);
        ApiAssert.InvalidArgument(
            () => RowModel.Mapping.Apply(rows.AsQueryable(), RowModel.Schema.Parse("deadline_time, percent"), wrongType),
            "INVALID_PAGE_TOKEN",
            "page_token");
    }

    [Fact]
    public void The_position_holds_every_key_then_the_name()
    {
        var row = RowModel.New(3);
        var position = RowModel.Mapping.PositionOf(row, RowModel.Schema.Parse("number desc, state"));
        Assert.Equal<object?>([row.Directive, row.NumberKey, row.State, row.Name], position.Values);
    }

    [Fact]
    public void Mapping_mistakes_fail_when_the_mapping_is_built()
    {
        Assert.Throws<ArgumentException>(() => new SortMapping<Row>(RowModel.Schema).Map("title", r => r.Name));
        var incomplete = Assert.Throws<InvalidOperationException>(() => new SortMapping<Row>(RowModel.Schema).Map("number", r => r.Name).EnsureComplete());
        Assert.Equal("ListRows: no sort mapping for deadline_time, percent, issue_date, state, the resource name (MapName).", incomplete.Message);
    }

    private List<string> PageThrough(Func<IQueryable<Row>> source, string orderBy, Action<string>? afterPage)
    {
        var order = RowModel.Schema.Parse(orderBy);
        var parameters = new ListParameters("ListRows", "provinces/p", "", orderBy);
        var seen = new List<string>();
        var token = "";
        for (var pages = 0; pages < 100; pages++)
        {
            var position = _tokens.Read(token, parameters);
            var page = RowModel.Mapping.Apply(source(), order, position).Take(PageSize + 1).ToList();
            seen.AddRange(page.Take(PageSize).Select(r => r.Name));
            if (page.Count <= PageSize)
            {
                return seen;
            }

            token = _tokens.Create(parameters, RowModel.Mapping.PositionOf(page[PageSize - 1], order));
            afterPage?.Invoke(seen[^1]);
        }

        throw new InvalidOperationException("Pagination did not end.");
    }

    private static Row Copy(Row row) => new()
    {
        Name = row.Name,
        Directive = row.Directive,
        NumberKey = row.NumberKey,
        DueAt = row.DueAt,
        IssueDate = row.IssueDate,
        Percent = row.Percent,
        State = row.State,
    };
}

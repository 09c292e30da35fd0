using System.Linq.Expressions;
using Directives.Server.Api;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Directives.Server.Tests.Api;

/// <summary>
/// Each filter compiled once and run twice — over objects in memory and as SQL in a real SQLite
/// database through EF Core — and both must find exactly the expected things.
/// </summary>
public sealed class FilterMappingTests : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly ThingContext _database;

    public FilterMappingTests() => _database = ThingModel.OpenDatabase(out _connection);

    public void Dispose()
    {
        _database.Dispose();
        _connection.Dispose();
    }

    [Theory]
    [InlineData("", "t1 t2 t3 t4 t5")]
    [InlineData("state = IN_PROGRESS", "t1 t5")]
    [InlineData("state != IN_PROGRESS", "t2 t3 t4")]
    [InlineData("state = STATE_UNSPECIFIED", "")]
    [InlineData("state != STATE_UNSPECIFIED", "t1 t2 t3 t4 t5")]
    [InlineData("body_kind = PROVINCIAL_PARTY_COMMITTEE", "t1")]
    [InlineData("body_kind = ISSUING_BODY_KIND_UNSPECIFIED", "t2 t5")]
    [InlineData("body_kind != ISSUING_BODY_KIND_UNSPECIFIED", "t1 t3 t4")]
    [InlineData("body_kind != PROVINCIAL_PARTY_COMMITTEE", "t2 t3 t4 t5")]
    [InlineData("document_type = DIRECTIVE", "t1 t3 t4")]
    [InlineData("document_type != DIRECTIVE", "t2 t5")]
    [InlineData("document_type = DOCUMENT_TYPE_UNSPECIFIED", "")]
    [InlineData("title:\"an ninh\"", "t1 t4 t5")]
    [InlineData("title:\"AN NINH trật\"", "t1")]
    [InlineData("title:\"Chi Thi\"", "t4")]
    [InlineData("title:\"ninh tr\"", "")]
    [InlineData("title:\"đấu\"", "t2")]
    [InlineData("title = \"an ninh\"", "t5")]
    [InlineData("title = \"Ấn Ninh\"", "t5")]
    [InlineData("NOT title:\"an ninh\"", "t2 t3")]
    [InlineData("title != \"an ninh\"", "t1 t2 t3 t4")]
    [InlineData("code = \"15/CT-UBND\"", "t1")]
    [InlineData("code:\"CT\"", "t1 t3 t4")]
    [InlineData("code:\"ct\"", "")]
    [InlineData("NOT code:\"CT\"", "t2 t5")]
    [InlineData("lead = \"provinces/p/agencies/cong-an\"", "t1 t3")]
    [InlineData("lead != \"provinces/p/agencies/cong-an\"", "t2 t4 t5")]
    [InlineData("cooperating:\"provinces/p/agencies/cong-an\"", "t2 t4")]
    [InlineData("-cooperating:\"provinces/p/agencies/cong-an\"", "t1 t3 t5")]
    [InlineData("agency = \"provinces/p/agencies/cong-an\"", "t1 t2 t3 t4")]
    [InlineData("agency != \"provinces/p/agencies/cong-an\"", "t5")]
    [InlineData("agency = \"provinces/other/agencies/cong-an\"", "")]
    [InlineData("parent_task = \"\"", "t1 t3 t5")]
    [InlineData("parent_task != \"\"", "t2 t4")]
    [InlineData("parent_task = \"provinces/p/directives/d/tasks/1\"", "t2 t4")]
    [InlineData("names:\"cong an\"", "t1")]
    [InlineData("names:\"uy ban\"", "t4")]
    [InlineData("NOT names:\"so\"", "t1 t3 t4")]
    [InlineData("issue_date >= \"2023-01-01\"", "t1 t2 t5")]
    [InlineData("issue_date < \"2023-01-05\"", "t4")]
    [InlineData("issue_date = \"2023-01-05\"", "t1")]
    [InlineData("NOT issue_date < \"2023-01-05\"", "t1 t2 t3 t5")]
    [InlineData("issue_date != \"2023-01-05\"", "t2 t4 t5")]
    [InlineData("deadline_time >= \"2024-07-01T00:00:00+07:00\" AND deadline_time < \"2024-10-01T00:00:00+07:00\"", "t1")]
    [InlineData("deadline_time < \"2024-01-01T00:00:00Z\"", "t4 t5")]
    [InlineData("deadline_time != \"2024-09-30T16:59:59Z\"", "t2 t4 t5")]
    [InlineData("deadline_time = \"2024-09-30T23:59:59+07:00\"", "t1")]
    [InlineData("percent >= 40 AND percent < 100", "t1 t5")]
    [InlineData("percent = 0", "t3")]
    [InlineData("percent > -1", "t1 t2 t3 t4 t5")]
    [InlineData("score > 70", "t1 t3")]
    [InlineData("score <= 60.25", "t4")]
    [InlineData("score != 90", "t1 t4")]
    [InlineData("standing = true", "t3")]
    [InlineData("standing != true", "t1 t2 t4 t5")]
    [InlineData("state = COMPLETED AND title:\"an ninh\" OR code:\"TU\"", "t2")]
    [InlineData("(state = COMPLETED AND title:\"an ninh\") OR code:\"TU\"", "t2 t3")]
    [InlineData("-state = CANCELLED AND (lead = \"provinces/p/agencies/cong-an\" OR percent > 50)", "t1 t2 t3 t5")]
    [InlineData("timeliness = OVERDUE", "t1 t5")]
    [InlineData("timeliness = ON_TIME", "t2")]
    [InlineData("timeliness = NOT_APPLICABLE", "t3 t4")]
    [InlineData("timeliness != OVERDUE", "t2 t3 t4")]
    [InlineData("timeliness = OVERDUE AND agency = \"provinces/p/agencies/so-gd\"", "t1 t5")]
    public void The_same_things_match_in_memory_and_in_sqlite(string filter, string expected)
    {
        var predicate = ThingModel.Mapping.ToPredicate(ThingModel.Schema.Bind(filter));
        var expectedNames = expected.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var inMemory = ThingModel.Create().Where(predicate.Compile()).Select(t => t.Name).Order().ToArray();
        Assert.Equal(expectedNames, inMemory);

        var inSql = _database.Things.Where(predicate).OrderBy(t => t.Name).Select(t => t.Name).ToArray();
        Assert.Equal(expectedNames, inSql);
    }

    [Fact]
    public void Values_become_sql_parameters_so_queries_share_one_plan()
    {
        var predicate = ThingModel.Mapping.ToPredicate(ThingModel.Schema.Bind("code = \"SECRET-CODE\" AND percent > 77 AND title:\"khong dau\""));
        var sql = _database.Things.Where(predicate).ToQueryString();
        var select = sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..];
        Assert.DoesNotContain("SECRET-CODE", select);
        Assert.DoesNotContain("77", select);
        Assert.DoesNotContain("khong", select);
        Assert.Contains("@", select);
    }

    [Fact]
    public void Instants_compare_as_instants_on_date_time_offset_members_too()
    {
        var mapping = new FilterMapping<(string Name, DateTimeOffset? At)>(new FilterSchema("ListX", FilterField.Timestamp("at")))
            .Map("at", x => x.At);
        var items = new (string Name, DateTimeOffset? At)[]
        {
            ("a", new DateTimeOffset(2024, 7, 1, 6, 0, 0, TimeSpan.FromHours(7))),
            ("b", new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero)),
            ("c", null),
        };
        var predicate = mapping.ToPredicate(mapping.Schema.Bind("at < \"2024-06-30T23:30:00Z\"")).Compile();
        Assert.Equal(["a"], items.Where(predicate).Select(i => i.Name));
        var notEqual = mapping.ToPredicate(mapping.Schema.Bind("at != \"2024-06-30T23:00:00Z\"")).Compile();
        Assert.Equal(["b"], items.Where(notEqual).Select(i => i.Name));
    }

    [Fact]
    public void Integer_members_of_int_refuse_values_beyond_their_range()
    {
        var predicate = ThingModel.Mapping.ToPredicate(ThingModel.Schema.Bind("percent > 2147483647"));
        var compiled = predicate.Compile();
        Assert.DoesNotContain(ThingModel.Create(), thing => compiled(thing));
        var violation = ApiAssert.InvalidArgument(
            () => ThingModel.Mapping.ToPredicate(ThingModel.Schema.Bind("percent > 2147483648")), "INVALID_FILTER", "filter");
        Assert.Equal("the value of percent at position 1 is out of range", violation.Description);
    }

    [Fact]
    public void An_empty_filter_matches_everything()
    {
        var predicate = ThingModel.Mapping.ToPredicate(ThingModel.Schema.Bind(null));
        Assert.Equal(Expression.Constant(true).Value, ((ConstantExpression)predicate.Body).Value);
    }

    [Fact]
    public void Mapping_mistakes_fail_when_the_mapping_is_built()
    {
        var schema = ThingModel.Schema;
        var wrongType = Assert.Throws<ArgumentException>(() => new FilterMapping<Thing>(schema).Map("percent", t => t.Code));
        Assert.Contains("percent is an integer; a member of type String cannot hold it", wrongType.Message);
        Assert.Throws<ArgumentException>(() => new FilterMapping<Thing>(schema).Map("colour", t => t.Code));
        Assert.Throws<ArgumentException>(() => new FilterMapping<Thing>(schema).Map("agency", t => t.Lead));
        Assert.Throws<ArgumentException>(() => new FilterMapping<Thing>(schema).Map("title", t => t.Percent));
        Assert.Throws<ArgumentException>(() => new FilterMapping<Thing>(schema).Map("cooperating", t => t.Lead));

        var noCounterpart = Assert.Throws<ArgumentException>(() => new FilterMapping<Thing>(schema).Map("document_type", t => t.DocumentType));
        Assert.Contains("DocumentType has no value named like DIRECTIVE for document_type; pass a convert function", noCounterpart.Message);
        var wrongConversion = Assert.Throws<ArgumentException>(() => new FilterMapping<Thing>(schema).Map("document_type", t => t.DocumentType, value => (int)value));
        Assert.Contains("gives a Int32", wrongConversion.Message);

        var incomplete = Assert.Throws<InvalidOperationException>(() => new FilterMapping<Thing>(schema).Map("state", t => t.State).EnsureComplete());
        Assert.StartsWith("ListThings: no mapping for timeliness, body_kind, document_type, title", incomplete.Message);

        Assert.Throws<ArgumentException>(() => ThingModel.Mapping.ToPredicate(FilterSchemas.ListTasks.Bind("state = COMPLETED")));
    }

    [Fact]
    public void An_unmapped_field_in_a_filter_is_a_server_bug_not_a_client_error()
    {
        var partial = new FilterMapping<Thing>(ThingModel.Schema).Map("state", t => t.State);
        var filter = ThingModel.Schema.Bind("percent = 1");
        var exception = Assert.Throws<InvalidOperationException>(() => partial.ToPredicate(filter));
        Assert.Equal("ListThings: no mapping for percent.", exception.Message);
    }

    [Fact]
    public void Int_members_take_enum_numbers()
    {
        var mapping = new FilterMapping<(string Name, int State)>(new FilterSchema("ListX", FilterField.Enum<Contracts.V1.Task.Types.State>("state")))
            .Map("state", x => x.State);
        var predicate = mapping.ToPredicate(mapping.Schema.Bind("state = COMPLETED")).Compile();
        Assert.Equal(["b"], new[] { ("a", 2), ("b", 3) }.Where(predicate).Select(i => i.Item1));
    }
}

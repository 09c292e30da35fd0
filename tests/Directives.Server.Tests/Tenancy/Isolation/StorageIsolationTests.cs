using System.Data.Common;
using System.Text;
using Directives.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Directives.Server.Tests.Tenancy.Isolation;

/// <summary>
/// What province A writes lives in A's database only: after A's secretariat and province admin have
/// written one of everything, B's database holds exactly the rows it held before, and no value in any
/// of its tables carries A's marker (while A's own database does, so the scan finds what it looks for).
/// </summary>
public abstract class StorageIsolationTests(DirectivesServerFixture server)
{
    [Fact]
    public async Task RecordsWrittenForOneProvinceNeverAppearInAnothersDatabase()
    {
        var b = await IsolationScenario.CreateAsync(server, "dữ liệu riêng của B");
        var bBefore = await DumpAsync(b.ProvinceId);

        var a = await IsolationScenario.CreateAsync(server, "dữ liệu riêng của A");

        var bAfter = await DumpAsync(b.ProvinceId);
        Assert.Equal(bBefore, bAfter);
        Assert.DoesNotContain("dữ liệu riêng của A", bAfter, StringComparison.Ordinal);
        Assert.Contains("dữ liệu riêng của B", bAfter, StringComparison.Ordinal);
        var aDump = await DumpAsync(a.ProvinceId);
        Assert.Contains("dữ liệu riêng của A", aDump, StringComparison.Ordinal);
        Assert.DoesNotContain("dữ liệu riêng của B", aDump, StringComparison.Ordinal);
    }

    /// <summary>Every row of every table the model maps, as text, in a stable order.</summary>
    private async Task<string> DumpAsync(string province)
    {
        await using var db = await server.OpenDatabaseAsync(province);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var dump = new StringBuilder();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Text(reader, i))));
            }

            rows.Sort(StringComparer.Ordinal);
            dump.Append(table).Append(": ").Append(rows.Count).AppendLine();
            rows.ForEach(row => dump.AppendLine(row));
        }

        Assert.True(dump.Length > 0, $"No tables in {province}'s database.");
        return dump.ToString();
    }

    // Audit records keep their before and after images as bytes or JSON: read both as UTF-8 so a marker inside them shows.
    private static string Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal)
        ? "∅"
        : reader.GetValue(ordinal) switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        };
}

[Collection(IntegrationCollection.Name)]
public sealed class StorageIsolationTestsOnSqlite(SqliteServer server) : StorageIsolationTests(server), IClassFixture<SqliteServer>;

[Collection(IntegrationCollection.Name)]
public sealed class StorageIsolationTestsOnPostgreSql(PostgreSqlServer server) : StorageIsolationTests(server), IClassFixture<PostgreSqlServer>;

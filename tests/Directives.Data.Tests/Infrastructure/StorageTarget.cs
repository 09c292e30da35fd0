namespace Directives.Data.Tests.Infrastructure;

/// <summary>The two real databases every test runs against.</summary>
public enum StorageTarget
{
    Sqlite,
    PostgreSql,
}

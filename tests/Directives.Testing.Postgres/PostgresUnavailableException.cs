namespace Directives.Testing.Postgres;

/// <summary>PostgreSQL could not be started for the tests. Never a reason to skip: the tests fail.</summary>
public sealed class PostgresUnavailableException(string message) : Exception(message);

namespace Directives.Server.Tests.Tenancy.Infrastructure;

/// <summary>A clock stopped at one instant, to mint tokens that are already expired or not yet valid.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

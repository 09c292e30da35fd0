namespace Directives.Server.Tests.DemoData;

/// <summary>A clock stopped at one instant, to build the demo data as it stood then.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

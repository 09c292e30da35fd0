namespace Directives.Server.Tests.Infrastructure;

/// <summary>
/// The server's clock in integration tests: the real time until a test sets it, so timeliness, tokens
/// and commit times can be checked at chosen instants. Shared by every test of a fixture: a test that
/// moves it puts it back with <see cref="Reset"/>.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private readonly object _gate = new();
    private DateTimeOffset? _now;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now ?? base.GetUtcNow();
        }
    }

    /// <summary>Stops the clock at <paramref name="now"/>.</summary>
    public void Set(DateTimeOffset now)
    {
        lock (_gate)
        {
            _now = now.ToUniversalTime();
        }
    }

    /// <summary>Moves a stopped clock on (or stops the real one and moves it on).</summary>
    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now = (_now ?? base.GetUtcNow()) + by;
        }
    }

    /// <summary>Back to the real time.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _now = null;
        }
    }
}

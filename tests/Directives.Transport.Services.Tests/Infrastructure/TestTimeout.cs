namespace Directives.Transport.Services.Tests.Infrastructure;

internal static class TestTimeout
{
    /// <summary>Long enough for a loaded CI machine; a hang fails the test instead of the run.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(30);

    public static CancellationToken Token() => new CancellationTokenSource(Default).Token;
}

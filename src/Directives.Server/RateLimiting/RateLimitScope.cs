namespace Directives.Server.RateLimiting;

/// <summary>Which bucket refused a call: ErrorInfo metadata <c>scope</c> of RATE_LIMITED.</summary>
internal static class RateLimitScope
{
    public const string Caller = "caller";
    public const string Province = "province";

    /// <summary>The lease metadata under which <see cref="CallerAndProvinceRateLimiter"/> names the refusing bucket.</summary>
    public const string MetadataName = "DIRECTIVES_SCOPE";
}

using System.Threading.RateLimiting;
using Directives.Server.Auth;
using Directives.Server.Tenancy;

namespace Directives.Server.RateLimiting;

/// <summary>
/// The global limiter of the ASP.NET Core rate limiting middleware: one token bucket per caller and one
/// per province, both of which a directives.v1 call must pass. Unlike a chained limiter it tells which
/// bucket refused (<see cref="RateLimitScope"/>), for the RATE_LIMITED error's <c>scope</c>. It reads the
/// caller from <c>HttpContext.User</c>, so authentication must run before it.
/// </summary>
internal sealed class CallerAndProvinceRateLimiter : PartitionedRateLimiter<HttpContext>
{
    private readonly PartitionedRateLimiter<HttpContext> _perCaller;
    private readonly PartitionedRateLimiter<HttpContext> _perProvince;

    public CallerAndProvinceRateLimiter(RateLimitingOptions options)
    {
        var perCaller = options.PerCaller.ToLimiterOptions();
        var perProvince = options.PerProvince.ToLimiterOptions();
        _perCaller = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            CallerKey(context) is { } key
                ? RateLimitPartition.GetTokenBucketLimiter(key, _ => perCaller)
                : RateLimitPartition.GetNoLimiter(""));
        _perProvince = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            ProvinceKey(context) is { } key
                ? RateLimitPartition.GetTokenBucketLimiter(key, _ => perProvince)
                : RateLimitPartition.GetNoLimiter(""));
    }

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => _perCaller.GetStatistics(resource);

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount)
    {
        var caller = _perCaller.AttemptAcquire(resource, permitCount);
        if (!caller.IsAcquired)
        {
            return new RejectedLease(caller, RateLimitScope.Caller);
        }

        var province = _perProvince.AttemptAcquire(resource, permitCount);
        if (!province.IsAcquired)
        {
            caller.Dispose();
            return new RejectedLease(province, RateLimitScope.Province);
        }

        return new CombinedLease(caller, province);
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken)
    {
        var caller = await _perCaller.AcquireAsync(resource, permitCount, cancellationToken);
        if (!caller.IsAcquired)
        {
            return new RejectedLease(caller, RateLimitScope.Caller);
        }

        var province = await _perProvince.AcquireAsync(resource, permitCount, cancellationToken);
        if (!province.IsAcquired)
        {
            caller.Dispose();
            return new RejectedLease(province, RateLimitScope.Province);
        }

        return new CombinedLease(caller, province);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _perCaller.Dispose();
            _perProvince.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Only directives.v1 calls are limited; health checks and reflection must always answer.</summary>
    private static bool IsLimited(HttpContext context) =>
        context.Request.Path.Value?.StartsWith(MethodPolicies.ApiMethodPrefix, StringComparison.Ordinal) == true;

    private static string? CallerKey(HttpContext context)
    {
        if (!IsLimited(context))
        {
            return null;
        }

        return CallerClaims.FromPrincipal(context.User) is { } caller
            ? "sub:" + caller.Subject
            : "ip:" + context.Connection.RemoteIpAddress;
    }

    private static string? ProvinceKey(HttpContext context) =>
        IsLimited(context) && CallerClaims.FromPrincipal(context.User)?.ProvinceId is { } province ? province : null;
}

using System.Threading.RateLimiting;

namespace Directives.Server.RateLimiting;

/// <summary>The caller's and the province's granted leases, released together.</summary>
internal sealed class CombinedLease(RateLimitLease caller, RateLimitLease province) : RateLimitLease
{
    public override bool IsAcquired => true;

    public override IEnumerable<string> MetadataNames => [];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = null;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            caller.Dispose();
            province.Dispose();
        }
    }
}

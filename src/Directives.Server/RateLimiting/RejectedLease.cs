using System.Threading.RateLimiting;

namespace Directives.Server.RateLimiting;

/// <summary>A refused lease that also says which bucket refused it (<see cref="RateLimitScope"/>).</summary>
internal sealed class RejectedLease(RateLimitLease inner, string scope) : RateLimitLease
{
    public override bool IsAcquired => false;

    public override IEnumerable<string> MetadataNames => inner.MetadataNames.Append(RateLimitScope.MetadataName);

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        if (metadataName == RateLimitScope.MetadataName)
        {
            metadata = scope;
            return true;
        }

        return inner.TryGetMetadata(metadataName, out metadata);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
    }
}

using System.Collections.Concurrent;
using Directives.Server.Tenancy;

namespace Directives.Server.Tests.Tenancy.Infrastructure;

/// <summary>Stands in for the Data layer's migrator: records what it was asked to provision, and can be made to fail.</summary>
internal sealed class RecordingProvisioner : IProvinceProvisioner
{
    public ConcurrentQueue<string> Provisioned { get; } = new();

    /// <summary>Storage locations that cannot be reached.</summary>
    public HashSet<string> UnreachableLocations { get; } = [];

    public Task CheckAsync(ProvinceRecord province, CancellationToken cancellationToken)
    {
        if (province.StorageLocation is { } location && UnreachableLocations.Contains(location))
        {
            throw new ProvinceStorageUnavailableException(province.Id, $"{location} does not answer.");
        }

        return Task.CompletedTask;
    }

    public async Task ProvisionAsync(ProvinceRecord province, CancellationToken cancellationToken)
    {
        await CheckAsync(province, cancellationToken);
        Provisioned.Enqueue(province.Id);
    }
}

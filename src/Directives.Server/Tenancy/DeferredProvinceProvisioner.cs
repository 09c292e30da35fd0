namespace Directives.Server.Tenancy;

/// <summary>
/// The provisioner while no storage layer has registered one: it checks that a named storage location
/// is a configured connection string (<c>ConnectionStrings:{name}</c>) and otherwise leaves the database
/// to be created on first use, saying so in the log.
/// </summary>
internal sealed partial class DeferredProvinceProvisioner(IConfiguration configuration, ILogger<DeferredProvinceProvisioner> logger)
    : IProvinceProvisioner
{
    public Task CheckAsync(ProvinceRecord province, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (province.StorageLocation is { } location && string.IsNullOrEmpty(configuration.GetConnectionString(location)))
        {
            throw new UnknownStorageLocationException(location);
        }

        return Task.CompletedTask;
    }

    public async Task ProvisionAsync(ProvinceRecord province, CancellationToken cancellationToken)
    {
        await CheckAsync(province, cancellationToken);
        LogDeferred(logger, province.Id);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No database provisioner is registered: the database of province {ProvinceId} is left to be created on first use.")]
    private static partial void LogDeferred(ILogger logger, string provinceId);
}

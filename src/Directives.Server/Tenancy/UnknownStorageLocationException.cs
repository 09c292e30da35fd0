namespace Directives.Server.Tenancy;

/// <summary>A province names a storage location (connection string) that the server's configuration does not have.</summary>
internal sealed class UnknownStorageLocationException(string storageLocation)
    : Exception($"No connection string is configured under the name '{storageLocation}'.")
{
    public string StorageLocation { get; } = storageLocation;
}

namespace Directives.Data.Errors;

/// <summary>A write broke a unique index; nothing of the save was written.</summary>
public sealed class DuplicateKeyException(UniqueKey key, string? indexName, Exception innerException)
    : StorageException($"The write conflicts with an existing row ({key}{(indexName is null ? "" : $", {indexName}")}).", innerException)
{
    public UniqueKey Key { get; } = key;

    /// <summary>The database name of the broken index or key, when the provider reports it.</summary>
    public string? IndexName { get; } = indexName;
}

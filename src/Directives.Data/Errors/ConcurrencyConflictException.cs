namespace Directives.Data.Errors;

/// <summary>
/// Another writer changed or deleted a resource after it was read (its etag no longer matched): nothing of
/// the save was written. The Server answers ABORTED, reason ETAG_MISMATCH.
/// </summary>
public sealed class ConcurrencyConflictException(Exception innerException)
    : StorageException("The resource was changed by another writer since it was read.", innerException);

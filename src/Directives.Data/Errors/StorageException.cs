namespace Directives.Data.Errors;

/// <summary>A failure of a province database the Server maps to a gRPC status (the provider's exception is the inner one).</summary>
public abstract class StorageException : Exception
{
    protected StorageException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

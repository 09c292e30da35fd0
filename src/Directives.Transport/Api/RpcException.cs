namespace Grpc.Core;

/// <summary>A call that ended with a non-OK status, with the trailers the peer sent.</summary>
public class RpcException : Exception
{
    public RpcException(Status status)
        : this(status, Metadata.Empty, FormatMessage(status))
    {
    }

    public RpcException(Status status, string message)
        : this(status, Metadata.Empty, message)
    {
    }

    public RpcException(Status status, Metadata trailers)
        : this(status, trailers, FormatMessage(status))
    {
    }

    public RpcException(Status status, Metadata trailers, string message)
        : base(message, status.DebugException)
    {
        Status = status;
        Trailers = trailers ?? Metadata.Empty;
    }

    public Status Status { get; }

    public StatusCode StatusCode => Status.StatusCode;

    public Metadata Trailers { get; }

    private static string FormatMessage(Status status) => status.ToString();
}

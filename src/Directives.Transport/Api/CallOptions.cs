namespace Grpc.Core;

/// <summary>Options for one client call: metadata, deadline, cancellation and write options.</summary>
public readonly struct CallOptions
{
    public CallOptions(Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default, WriteOptions? writeOptions = null)
    {
        Headers = headers;
        Deadline = deadline;
        CancellationToken = cancellationToken;
        WriteOptions = writeOptions;
        IsWaitForReady = false;
    }

    private CallOptions(Metadata? headers, DateTime? deadline, CancellationToken cancellationToken, WriteOptions? writeOptions, bool isWaitForReady)
        : this(headers, deadline, cancellationToken, writeOptions)
    {
        IsWaitForReady = isWaitForReady;
    }

    /// <summary>Request metadata.</summary>
    public Metadata? Headers { get; }

    /// <summary>The call's deadline (converted to UTC); null for none.</summary>
    public DateTime? Deadline { get; }

    public CancellationToken CancellationToken { get; }

    public WriteOptions? WriteOptions { get; }

    /// <summary>Wait for a connection to become ready instead of failing fast with UNAVAILABLE.</summary>
    public bool IsWaitForReady { get; }

    public CallOptions WithHeaders(Metadata? headers) => new(headers, Deadline, CancellationToken, WriteOptions, IsWaitForReady);

    public CallOptions WithDeadline(DateTime deadline) => new(Headers, deadline, CancellationToken, WriteOptions, IsWaitForReady);

    public CallOptions WithCancellationToken(CancellationToken cancellationToken) => new(Headers, Deadline, cancellationToken, WriteOptions, IsWaitForReady);

    public CallOptions WithWriteOptions(WriteOptions? writeOptions) => new(Headers, Deadline, CancellationToken, writeOptions, IsWaitForReady);

    public CallOptions WithWaitForReady(bool waitForReady = true) => new(Headers, Deadline, CancellationToken, WriteOptions, waitForReady);
}

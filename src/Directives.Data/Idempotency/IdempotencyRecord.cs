namespace Directives.Data.Idempotency;

/// <summary>
/// A remembered Create: the request_id, which call it came with, a fingerprint of that request and what
/// it created. A retry with the same request_id and fingerprint returns the first result; the same
/// request_id with another method or fingerprint is a reuse (ALREADY_EXISTS, REQUEST_ID_REUSED).
/// </summary>
public sealed class IdempotencyRecord
{
    public required string RequestId { get; init; }

    public required string Method { get; set; }

    /// <summary>A hash of the request without its request_id (see <see cref="RequestFingerprint"/>).</summary>
    public required byte[] Fingerprint { get; set; }

    /// <summary>The resource the first call created.</summary>
    public required string ResourceName { get; set; }

    /// <summary>The first call's serialized response, when the Server keeps it, to return it byte for byte.</summary>
    public byte[]? Response { get; set; }

    public long CreateTicks { get; set; }

    public long ExpireTicks { get; set; }

    public DateTimeOffset CreateTime => new(CreateTicks, TimeSpan.Zero);

    public DateTimeOffset ExpireTime => new(ExpireTicks, TimeSpan.Zero);

    /// <summary>Whether a new request with this request_id is the same request as the remembered one.</summary>
    public bool Matches(string method, ReadOnlySpan<byte> fingerprint)
        => string.Equals(Method, method, StringComparison.Ordinal) && fingerprint.SequenceEqual(Fingerprint);
}

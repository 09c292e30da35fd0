using System.Security.Cryptography;

namespace Directives.Data.Idempotency;

/// <summary>SHA-256 of a request's bytes: the Server passes the serialized request with its request_id cleared.</summary>
public static class RequestFingerprint
{
    public static byte[] Compute(ReadOnlySpan<byte> request) => SHA256.HashData(request);
}

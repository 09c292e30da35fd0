using System.Collections.Concurrent;
using System.Security.Cryptography;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Directives.Server.Api;

/// <summary>
/// A stable hash of a request for idempotency: equal for a retry of the same request, different for
/// another request reusing its <c>request_id</c> (ALREADY_EXISTS, REQUEST_ID_REUSED). The
/// <c>request_id</c> and <c>validate_only</c> fields are left out, since a retry may differ in them.
/// </summary>
/// <remarks>
/// Protobuf serialization of the same message is byte-for-byte stable here (the API has no map
/// fields, whose order could vary), so the SHA-256 of the bytes is the fingerprint. Hash the request
/// as received, before any normalization the service applies.
/// </remarks>
internal static class RequestFingerprint
{
    private static readonly ConcurrentDictionary<MessageDescriptor, FieldDescriptor[]> IgnoredFields = new();

    public static byte[] Compute(IMessage request)
    {
        var ignored = IgnoredFields.GetOrAdd(request.Descriptor, static descriptor =>
            [.. new[] { "request_id", "validate_only" }.Select(descriptor.FindFieldByName).OfType<FieldDescriptor>()]);
        if (ignored.Length == 0)
        {
            return SHA256.HashData(request.ToByteArray());
        }

        var copy = request.Descriptor.Parser.ParseFrom(request.ToByteString());
        foreach (var field in ignored)
        {
            field.Accessor.Clear(copy);
        }

        return SHA256.HashData(copy.ToByteArray());
    }
}

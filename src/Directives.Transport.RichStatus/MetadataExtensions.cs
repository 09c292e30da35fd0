using Google.Protobuf;
using Grpc.Core;

namespace Grpc.StatusProto;

/// <summary>Reads and writes the <see cref="Google.Rpc.Status"/> carried in metadata.</summary>
public static class MetadataExtensions
{
    /// <summary>The trailer that carries the binary <see cref="Google.Rpc.Status"/>.</summary>
    public const string StatusDetailsTrailerName = "grpc-status-details-bin";

    /// <summary>
    /// The status in <c>grpc-status-details-bin</c> (the last one when repeated), or null when there is
    /// none, or when it is malformed and <paramref name="throwOnParseError"/> is false.
    /// </summary>
    public static Google.Rpc.Status? GetRpcStatus(this Metadata metadata, bool throwOnParseError = false)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var entry = metadata.Get(StatusDetailsTrailerName);
        if (entry is null || !entry.IsBinary)
        {
            return null;
        }

        try
        {
            return Google.Rpc.Status.Parser.ParseFrom(entry.ValueBytes);
        }
        catch (InvalidProtocolBufferException) when (!throwOnParseError)
        {
            return null;
        }
    }

    /// <summary>
    /// Replaces any status in <paramref name="metadata"/> with <paramref name="status"/>, bounded by
    /// <see cref="RpcStatusEncoding.Bound"/> (details are dropped when it is too large).
    /// </summary>
    public static void SetRpcStatus(this Metadata metadata, Google.Rpc.Status status)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(status);
        for (var i = metadata.Count - 1; i >= 0; i--)
        {
            if (string.Equals(metadata[i].Key, StatusDetailsTrailerName, StringComparison.OrdinalIgnoreCase))
            {
                metadata.RemoveAt(i);
            }
        }

        var encoded = RpcStatusEncoding.Encode(status);
        if (encoded is not null)
        {
            metadata.Add(StatusDetailsTrailerName, encoded);
        }
    }
}

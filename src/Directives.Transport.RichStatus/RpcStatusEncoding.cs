using Google.Protobuf;

namespace Grpc.StatusProto;

/// <summary>
/// Encodes a <see cref="Google.Rpc.Status"/> for the <c>grpc-status-details-bin</c> trailer, within
/// <see cref="MaxEncodedSize"/>. This is the one place the size rule lives.
/// </summary>
public static class RpcStatusEncoding
{
    /// <summary>
    /// The largest encoded status sent: 8 KiB. Peers cap the whole header list (8 KiB is grpc-core's
    /// default soft limit), and a trailer block over the cap loses the call's status altogether.
    /// </summary>
    public const int MaxEncodedSize = 8 * 1024;

    /// <summary>
    /// The status as sent: unchanged when it fits; otherwise the same code and message with every
    /// detail dropped; null when even that is over the limit (a message over ~8 KiB), in which case
    /// the code and message still travel in <c>grpc-status</c> and <c>grpc-message</c>.
    /// The status code is never dropped.
    /// </summary>
    public static Google.Rpc.Status? Bound(Google.Rpc.Status status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (status.CalculateSize() <= MaxEncodedSize)
        {
            return status;
        }

        var withoutDetails = new Google.Rpc.Status { Code = status.Code, Message = status.Message };
        return withoutDetails.CalculateSize() <= MaxEncodedSize ? withoutDetails : null;
    }

    /// <summary>The trailer's bytes for <paramref name="status"/> after <see cref="Bound"/>, or null when none is sent.</summary>
    public static byte[]? Encode(Google.Rpc.Status status) => Bound(status)?.ToByteArray();
}

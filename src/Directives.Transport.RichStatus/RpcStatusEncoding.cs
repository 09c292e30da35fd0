using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;

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
    /// The status as sent: unchanged when it fits. Otherwise the same code and message with the details
    /// that fit: the <see cref="ErrorInfo"/> first (the reason clients branch on), then the others in
    /// their order, a <see cref="BadRequest"/> cut to its leading field violations when it does not fit
    /// whole. Null when even the code and message are over the limit (a message over ~8 KiB), in which
    /// case they still travel in <c>grpc-status</c> and <c>grpc-message</c>. The status code is never dropped.
    /// </summary>
    public static Google.Rpc.Status? Bound(Google.Rpc.Status status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (status.CalculateSize() <= MaxEncodedSize)
        {
            return status;
        }

        var bounded = new Google.Rpc.Status { Code = status.Code, Message = status.Message };
        if (bounded.CalculateSize() > MaxEncodedSize)
        {
            return null;
        }

        foreach (var detail in status.Details.OrderBy(d => d.Is(ErrorInfo.Descriptor) ? 0 : 1))
        {
            bounded.Details.Add(detail);
            if (bounded.CalculateSize() <= MaxEncodedSize)
            {
                continue;
            }

            bounded.Details.RemoveAt(bounded.Details.Count - 1);
            if (detail.TryUnpack<BadRequest>(out var badRequest))
            {
                AddLeadingViolations(bounded, badRequest);
            }
        }

        return bounded;
    }

    /// <summary>The trailer's bytes for <paramref name="status"/> after <see cref="Bound"/>, or null when none is sent.</summary>
    public static byte[]? Encode(Google.Rpc.Status status) => Bound(status)?.ToByteArray();

    // As many of the violations, from the first, as fit; nothing when not even one does.
    private static void AddLeadingViolations(Google.Rpc.Status bounded, BadRequest badRequest)
    {
        var fitting = new BadRequest();
        var index = bounded.Details.Count;
        foreach (var violation in badRequest.FieldViolations)
        {
            fitting.FieldViolations.Add(violation);
            var candidate = Any.Pack(fitting);
            if (index < bounded.Details.Count)
            {
                bounded.Details[index] = candidate;
            }
            else
            {
                bounded.Details.Add(candidate);
            }

            if (bounded.CalculateSize() > MaxEncodedSize)
            {
                fitting.FieldViolations.RemoveAt(fitting.FieldViolations.Count - 1);
                if (fitting.FieldViolations.Count == 0)
                {
                    bounded.Details.RemoveAt(index);
                }
                else
                {
                    bounded.Details[index] = Any.Pack(fitting);
                }

                return;
            }
        }
    }
}

using System.Buffers;
using System.Buffers.Binary;

namespace Grpc.Core.Protocol;

/// <summary>The 5-byte prefix of every gRPC message: compressed flag, then big-endian length.</summary>
internal static class MessageHeader
{
    public static void Write(Span<byte> destination, bool compressed, int length)
    {
        destination[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(destination[1..], (uint)length);
    }

    /// <summary>Reads a header from the start of <paramref name="buffer"/> if all five bytes are there.</summary>
    public static bool TryRead(in ReadOnlySequence<byte> buffer, out byte flags, out uint length)
    {
        if (buffer.Length < GrpcProtocolConstants.MessageHeaderSize)
        {
            flags = 0;
            length = 0;
            return false;
        }

        Span<byte> header = stackalloc byte[GrpcProtocolConstants.MessageHeaderSize];
        buffer.Slice(0, GrpcProtocolConstants.MessageHeaderSize).CopyTo(header);
        flags = header[0];
        length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        return true;
    }
}

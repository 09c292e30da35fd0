using System.Buffers.Binary;

namespace Directives.Transport.Tests.Infrastructure;

/// <summary>Reads length-prefixed messages one at a time from a response body as they arrive.</summary>
public sealed class FrameReader(Stream body)
{
    /// <summary>The next message's payload, or null at the end of the body.</summary>
    public async Task<byte[]?> ReadAsync(CancellationToken cancellationToken = default)
    {
        var header = new byte[5];
        if (!await FillAsync(header, cancellationToken))
        {
            return null;
        }

        var payload = new byte[BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1))];
        if (!await FillAsync(payload, cancellationToken))
        {
            throw new InvalidDataException("The body ended inside a message.");
        }

        return payload;
    }

    private async Task<bool> FillAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var count = await body.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (count == 0)
            {
                return read == 0 && buffer.Length > 0 ? false : throw new InvalidDataException("The body ended inside a message.");
            }

            read += count;
        }

        return true;
    }
}

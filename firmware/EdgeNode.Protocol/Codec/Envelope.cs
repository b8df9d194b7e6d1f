using System.IO.Compression;
using EdgeNode.Protocol.Messages;

namespace EdgeNode.Protocol.Codec;

/// <summary>
/// The three bytes in front of every body: schema version, message kind and body encoding. Bodies worth it are
/// raw-DEFLATE compressed (RFC 1951) — a batch of similar windows shrinks by a third to a half — and small ones are
/// sent as they are, because compression costs bytes on tiny inputs.
/// </summary>
internal static class Envelope
{
    private const byte Plain = 0;
    private const byte Deflate = 1;

    // Below this a DEFLATE block's own overhead eats the gain.
    private const int CompressionThreshold = 96;

    public static byte[] Wrap(MessageKind kind, PayloadWriter body)
    {
        ReadOnlySpan<byte> plain = body.Written;
        byte[]? compressed = plain.Length >= CompressionThreshold ? Compress(plain) : null;
        bool useCompressed = compressed is not null && compressed.Length < plain.Length;
        ReadOnlySpan<byte> chosen = useCompressed ? compressed : plain;
        byte[] payload = new byte[3 + chosen.Length];
        payload[0] = SchemaVersion.Current;
        payload[1] = (byte)kind;
        payload[2] = useCompressed ? Deflate : Plain;
        chosen.CopyTo(payload.AsSpan(3));
        return payload;
    }

    /// <summary>Checks the header against the kind the topic promised and returns the body, inflated if need be.</summary>
    public static ReadOnlyMemory<byte> Open(ReadOnlyMemory<byte> payload, MessageKind expected)
    {
        if (payload.Length > PayloadLimits.MaximumPayloadBytes)
        {
            throw new PayloadRejectedException($"payload of {payload.Length} bytes is over the {PayloadLimits.MaximumPayloadBytes}-byte limit");
        }
        if (payload.Length < 3)
        {
            throw new PayloadRejectedException($"payload of {payload.Length} bytes is shorter than its 3-byte header");
        }
        ReadOnlySpan<byte> header = payload.Span[..3];
        if (!SchemaVersion.IsAccepted(header[0]))
        {
            throw new PayloadRejectedException($"schema version {header[0]} is not accepted (this fleet reads {SchemaVersion.OldestAccepted} to {SchemaVersion.Current})");
        }
        if (header[1] != (byte)expected)
        {
            string found = Enum.IsDefined((MessageKind)header[1]) ? ((MessageKind)header[1]).ToString() : $"unknown kind {header[1]}";
            throw new PayloadRejectedException($"payload is a {found} message where the topic expects {expected}");
        }
        return header[2] switch
        {
            Plain => payload[3..],
            Deflate => Inflate(payload[3..]),
            _ => throw new PayloadRejectedException($"unknown body encoding {header[2]}"),
        };
    }

    /// <summary>The body whatever the schema version and kind bytes say, or null when it cannot be had.</summary>
    public static ReadOnlyMemory<byte>? OpenAnyVersion(ReadOnlyMemory<byte> payload)
    {
        if (payload.Length is < 3 or > PayloadLimits.MaximumPayloadBytes)
        {
            return null;
        }
        try
        {
            return payload.Span[2] switch
            {
                Plain => payload[3..],
                Deflate => Inflate(payload[3..]),
                _ => null,
            };
        }
        catch (PayloadRejectedException)
        {
            return null;
        }
    }

    private static byte[] Compress(ReadOnlySpan<byte> plain)
    {
        using var output = new MemoryStream(plain.Length);
        using (var deflate = new DeflateStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(plain);
        }
        return output.ToArray();
    }

    private static byte[] Inflate(ReadOnlyMemory<byte> compressed)
    {
        if (StartsWithZlibHeader(compressed.Span))
        {
            throw new PayloadRejectedException("zlib header found: send raw DEFLATE (RFC 1951), without the 2-byte zlib header and the 4-byte Adler-32 trailer");
        }
        using var input = new MemoryStream(compressed.ToArray(), writable: false);
        using var deflate = new DeflateStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = deflate.Read(chunk)) > 0)
            {
                if (output.Length + read > PayloadLimits.MaximumInflatedBytes)
                {
                    throw new PayloadRejectedException($"compressed body inflates beyond {PayloadLimits.MaximumInflatedBytes} bytes");
                }
                output.Write(chunk, 0, read);
            }
        }
        catch (InvalidDataException)
        {
            // The runtime's text speaks of archives and entries; the sender needs the protocol's words.
            throw new PayloadRejectedException("compressed body is not valid raw DEFLATE (RFC 1951): it is damaged or was written by another format");
        }
        return output.ToArray();
    }

    /// <summary>
    /// RFC 1950 §2.2: CM = 8 (deflate), CINFO ≤ 7, and CMF·256 + FLG a multiple of 31. Read as raw DEFLATE, such a
    /// first byte would be a stored block with non-zero padding bits, which no DEFLATE writer produces.
    /// </summary>
    private static bool StartsWithZlibHeader(ReadOnlySpan<byte> body) =>
        body.Length >= 2
        && (body[0] & 0x0F) == 8
        && body[0] >> 4 <= 7
        && ((body[0] << 8) | body[1]) % 31 == 0;
}

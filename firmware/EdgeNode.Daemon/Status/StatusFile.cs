using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Win32.SafeHandles;

namespace EdgeNode.Daemon.Status;

/// <summary>
/// <c>status.json</c>: written by the service every minute, read by <c>edgenode status</c>. A header line
/// (<c>edgenode-status 2 &lt;length&gt; &lt;crc32c&gt;</c>) then the status as JSON, padded with spaces to a fixed size.
/// </summary>
/// <remarks>
/// Overwritten in place, never replaced: a temporary file renamed over it needs new blocks, so on a full card the
/// status stopped and <c>edgenode status</c> called a running service hung just when the technician most needed
/// the truth. Once the file has its size, rewriting it needs no new block (true of ext4 and tmpfs, what a node runs
/// on; not of copy-on-write file systems). An in-place write can be read half done, so the header carries the
/// length and checksum of what follows, and the reader reads again until they match: the write takes microseconds.
/// The checksum guards against a torn write, not an attacker, so it is CRC-32C (a processor instruction on x64 and
/// arm64): a cryptographic hash here loaded OpenSSL into the service, 3.7 MB resident on a node with no TLS uplink.
/// </remarks>
public static class StatusFile
{
    public const string FileName = "status.json";

    private const string Format = "edgenode-status 2";

    // Room for a status with every sensor faulty and long error messages (about 3 kB), so the size never has to grow.
    private const int MinimumSize = 16 * 1024;
    private const int BlockSize = 4096;

    // A second of retries: the write itself takes microseconds, but a loaded node may pause the service mid-write.
    private const int ReadAttempts = 40;
    private static readonly TimeSpan ReadPause = TimeSpan.FromMilliseconds(25);

    /// <exception cref="IOException">The file could not be created or grown (its first write, or a status bigger than ever before).</exception>
    public static void Write(string directory, NodeStatus status)
    {
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(status, StatusJsonContext.Default.NodeStatus);
        byte[] header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Format} {json.Length} {Checksum(json)}\n"));
        using SafeFileHandle file = File.OpenHandle(Path.Combine(directory, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
        long size = RandomAccess.GetLength(file);
        long needed = (Math.Max(header.Length + json.Length + 1, MinimumSize) + BlockSize - 1) / BlockSize * BlockSize;
        if (size > 0 && needed > size)
        {
            // Grow with padding first: if the card is full, this fails and leaves the last status whole and readable.
            // A new file gets its content in the one write below, so a kill cannot leave it padding alone.
            RandomAccess.Write(file, Padding(needed - size), size);
            size = needed;
        }

        byte[] content = Padding(Math.Max(size, needed));
        header.CopyTo(content, 0);
        json.CopyTo(content, header.Length);
        RandomAccess.Write(file, content, 0);
    }

    /// <summary>Null when the service has not written one (not running, or never started with this data directory).</summary>
    /// <exception cref="JsonException">The status is not one this version understands.</exception>
    /// <exception cref="InvalidDataException">The file is not a status file, or stays incomplete.</exception>
    public static NodeStatus? Read(string directory)
    {
        string path = Path.Combine(directory, FileName);
        for (int attempt = 1; ; attempt++)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                return null;
            }

            if (Complete(bytes, out string problem) is { } json)
            {
                return JsonSerializer.Deserialize(json, StatusJsonContext.Default.NodeStatus);
            }

            if (attempt == ReadAttempts)
            {
                throw new InvalidDataException($"{problem}, {ReadAttempts} reads in a row");
            }

            // Caught in the middle of a rewrite, or just created and still empty: read again.
            Thread.Sleep(ReadPause);
        }
    }

    /// <summary>The JSON the header vouches for; null, with the reason, when the file is not (or not yet) whole.</summary>
    private static byte[]? Complete(byte[] bytes, out string problem)
    {
        int endOfHeader = Array.IndexOf(bytes, (byte)'\n');
        string[] header = endOfHeader < 0 ? [] : Encoding.ASCII.GetString(bytes, 0, endOfHeader).Split(' ');
        if (header.Length != 4 || $"{header[0]} {header[1]}" != Format)
        {
            problem = $"it does not start with '{Format}': not written by this version of the service";
            return null;
        }

        problem = "its length or checksum does not match what follows";
        if (!int.TryParse(header[2], NumberStyles.None, CultureInfo.InvariantCulture, out int length) || length > bytes.Length - endOfHeader - 1)
        {
            return null;
        }

        byte[] json = bytes[(endOfHeader + 1)..(endOfHeader + 1 + length)];
        return Checksum(json) == header[3] ? json : null;
    }

    private static string Checksum(ReadOnlySpan<byte> json)
    {
        uint crc = uint.MaxValue;
        foreach (byte b in json)
        {
            crc = BitOperations.Crc32C(crc, b);
        }
        return (~crc).ToString("x8", CultureInfo.InvariantCulture);
    }

    private static byte[] Padding(long length)
    {
        byte[] spaces = new byte[length];
        Array.Fill(spaces, (byte)' ');
        spaces[^1] = (byte)'\n';
        return spaces;
    }
}

[JsonSourceGenerationOptions(WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(NodeStatus))]
internal sealed partial class StatusJsonContext : JsonSerializerContext;

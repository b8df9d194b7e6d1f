using System.Globalization;
using System.IO.MemoryMappedFiles;
using EdgeNode.Hardware.Memory;

namespace EdgeNode.Hardware.Tests.Memory;

public sealed class ProgramPagesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("edgenode-program-pages-").FullName;

    [Fact]
    public void Only_the_read_only_mappings_of_the_program_s_own_files_are_chosen()
    {
        string[] maps =
        [
            "55570dd00000-55570dd15000 r--p 00000000 fe:01 5546377    /opt/edgenode/edgenode",
            "55570dd15000-55570e2f6000 r-xp 00015000 fe:01 5546377    /opt/edgenode/edgenode",
            "55570e81a000-55570e842000 rw-p 00b19000 fe:01 5546377    /opt/edgenode/edgenode",
            "55570e842000-55570eb24000 rw-p 00000000 00:00 0 ",
            "7f7d04ac5000-7f7d04d42000 r-xp 000c5000 fe:01 332131     /usr/lib/x86_64-linux-gnu/libcrypto.so.3",
            "7f7d05000000-7f7d05001000 r--p 00000000 fe:01 1234       /opt/edgenode/lib e_sqlite3.so",
            "7f7d06000000-7f7d06001000 r--p 00000000 fe:01 1235       /opt/edgenode-old/edgenode",
        ];

        (nint Start, nuint Length)[] chosen = [.. ProgramPages.ReadOnlyMappings(maps, "/opt/edgenode/")];

        Assert.Equal(
            [(0x55570dd00000, 0x15000), (0x55570dd15000, 0x5e1000), (0x7f7d05000000, 0x1000)],
            chosen.Select(m => ((long)m.Start, (long)m.Length)));
    }

    [Fact]
    public void Released_pages_of_a_mapped_file_are_no_longer_resident_and_still_read_the_same()
    {
        string file = Path.Combine(_directory, "program.bin");
        byte[] content = new byte[4 * 1024 * 1024];
        new Random(7).NextBytes(content);
        File.WriteAllBytes(file, content);
        using var mapped = MemoryMappedFile.CreateFromFile(file, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        using MemoryMappedViewAccessor view = mapped.CreateViewAccessor(0, content.Length, MemoryMappedFileAccess.Read);
        long checksum = Touch(view, content.Length);
        long before = ResidentKilobytes(file);
        Assert.True(before >= 3 * 1024, $"only {before} kB of the 4 MB mapping resident after reading it all");

        (long bytes, int error) = ProgramPages.Release(_directory);

        Assert.Equal(0, error);
        Assert.True(bytes >= content.Length, $"released {bytes} bytes of a {content.Length}-byte mapping");
        long after = ResidentKilobytes(file);
        Assert.True(after < 512, $"{after} kB still resident after release (before: {before} kB)");
        Assert.Equal(checksum, Touch(view, content.Length));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static long Touch(MemoryMappedViewAccessor view, int length)
    {
        long sum = 0;
        for (int offset = 0; offset < length; offset += 4096)
        {
            sum += view.ReadByte(offset);
        }
        return sum;
    }

    /// <summary>The Rss lines of this process's mappings of <paramref name="file"/>, in /proc/self/smaps.</summary>
    private static long ResidentKilobytes(string file)
    {
        long total = 0;
        bool ours = false;
        foreach (string line in File.ReadLines("/proc/self/smaps"))
        {
            // A mapping's header starts with its address range; its fields ("Rss:   4 kB") do not.
            if (line.Split(' ', 2)[0].Contains('-', StringComparison.Ordinal))
            {
                ours = line.TrimEnd().EndsWith(file, StringComparison.Ordinal);
            }
            else if (ours && line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                total += long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
        }
        return total;
    }
}

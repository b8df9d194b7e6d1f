using System.Globalization;
using System.Runtime.InteropServices;
using EdgeNode.Hardware.Interop;

namespace EdgeNode.Hardware.Memory;

/// <summary>
/// Gives back the pages of the program's own files (code, read-only data) that start-up read and the steady state
/// never touches again. A native program's start-up (configuration, dependency injection, first contact with every
/// sensor) runs code that a daemon then leaves alone for months, and the kernel keeps those pages mapped, and counted
/// as resident, until memory runs short. Released, they are read back from the card on the rare occasion they are
/// needed again; pages in use come back at the next access.
/// </summary>
public static class ProgramPages
{
    /// <summary>
    /// Asks the kernel to page out the read-only mappings of files in <paramref name="programDirectory"/>.
    /// </summary>
    /// <returns>The bytes of mappings released, and the error number of the first refusal (0 if none; EINVAL on a
    /// kernel older than 5.4, which lacks MADV_PAGEOUT).</returns>
    public static (long Bytes, int Error) Release(string programDirectory, string mapsFile = "/proc/self/maps")
    {
        string directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(programDirectory)) + Path.DirectorySeparatorChar;
        long released = 0;
        int firstError = 0;
        foreach ((nint start, nuint length) in ReadOnlyMappings(File.ReadLines(mapsFile), directory))
        {
            // Without read-ahead, a page needed again comes back alone, not with the 128 kB around it.
            if (Libc.Madvise(start, length, Libc.MADV_RANDOM) == 0 && Libc.Madvise(start, length, Libc.MADV_PAGEOUT) == 0)
            {
                released += (long)length;
            }
            else if (firstError == 0)
            {
                firstError = Marshal.GetLastPInvokeError();
            }
        }

        return (released, firstError);
    }

    /// <summary>
    /// The mappings in <c>/proc/PID/maps</c> lines of files under <paramref name="directory"/> that are not writable:
    /// a writable mapping holds the program's data, which is not on the card to be read back.
    /// </summary>
    public static IEnumerable<(nint Start, nuint Length)> ReadOnlyMappings(IEnumerable<string> mapsLines, string directory)
    {
        foreach (string line in mapsLines)
        {
            // "start-end perms offset dev inode path"; the path may hold spaces, so it is the rest of the line.
            string[] fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 6 || fields[1].Length < 2 || fields[1][1] == 'w' || !fields[5].Trim().StartsWith(directory, StringComparison.Ordinal))
            {
                continue;
            }

            string[] range = fields[0].Split('-');
            long start = long.Parse(range[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            long end = long.Parse(range[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            yield return ((nint)start, (nuint)(end - start));
        }
    }
}

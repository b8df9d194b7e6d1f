using EdgeNode.Hardware.Interop;

namespace EdgeNode.Hardware.Files;

/// <summary>
/// rename(2) as it is: replaces <c>destination</c> in one step, whatever either path is. File.Move refuses a symbolic
/// link to a directory (it looks through the link and finds no file), and the update's <c>current</c> link is one.
/// </summary>
public static class AtomicRename
{
    public static void Replace(string source, string destination)
    {
        if (Libc.Rename(source, destination) != 0)
        {
            (int errno, string text) = Libc.LastError();
            throw new IOException($"Cannot rename {source} to {destination}: {text} (errno {errno}).");
        }
    }
}

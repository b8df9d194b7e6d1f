using System.Runtime.InteropServices;

namespace EdgeNode.Fleet.Broker.Supervision;

/// <summary>
/// getpwnam(3) and chown(2), to hand the broker's own files to the account Mosquitto drops to when the fleet runs as
/// root. .NET sets file modes but neither looks up accounts nor changes owners.
/// </summary>
internal static class PosixAccounts
{
    /// <summary>chown's "leave it as it is".</summary>
    public const uint Unchanged = uint.MaxValue;

    [DllImport("libc", EntryPoint = "getpwnam", SetLastError = true)]
    private static extern IntPtr GetPasswordEntry([MarshalAs(UnmanagedType.LPUTF8Str)] string name);

    [DllImport("libc", EntryPoint = "chown", SetLastError = true)]
    private static extern int ChangeOwner([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint owner, uint group);

    /// <summary>The account's user and group ids, or null when there is no such account.</summary>
    public static (uint User, uint Group)? Find(string name)
    {
        IntPtr entry = GetPasswordEntry(name);
        if (entry == IntPtr.Zero)
        {
            return null;
        }

        // struct passwd: pw_name and pw_passwd (two pointers), then uid_t pw_uid and gid_t pw_gid (32 bits each).
        int at = 2 * IntPtr.Size;
        return ((uint)Marshal.ReadInt32(entry, at), (uint)Marshal.ReadInt32(entry, at + sizeof(uint)));
    }

    /// <exception cref="IOException">chown failed, with the system's reason.</exception>
    public static void Chown(string path, uint owner, uint group)
    {
        if (ChangeOwner(path, owner, group) != 0)
        {
            throw new IOException($"Could not give {path} to uid {(owner == Unchanged ? "(kept)" : owner)}, gid {group}: {Marshal.GetLastPInvokeErrorMessage()}");
        }
    }
}

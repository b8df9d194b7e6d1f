namespace EdgeNode.Fleet.Broker.Supervision;

/// <summary>
/// The account Mosquitto runs as, and what it may touch. A fleet that is not root runs Mosquitto as itself: nothing to
/// hand over. A fleet run as root (the demo, CI, a container) starts Mosquitto as root, which then drops to
/// <see cref="LocalBrokerOptions.User"/> before it reads any file but its configuration; that account gets the least it
/// needs, and nothing the fleet later reads or writes as root:
/// <list type="bullet">
/// <item>the data directory: group traverse only; the directories above it must let others traverse (/var/lib does);</item>
/// <item>the broker directory and tls/: group read and traverse (root-owned, so the broker cannot plant files the fleet
/// would write through);</item>
/// <item>the broker certificate's key: group read; the site CA's key stays root's alone;</item>
/// <item>persistence/ and accounts/ (the dynamic-security plugin's file, which it saves through a rename): its own.</item>
/// </list>
/// Applied before every start, since a renewed key is written anew.
/// </summary>
internal sealed record BrokerAccount(string Name, uint? User, uint? Group)
{
    private const UnixFileMode OwnerAll = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode GroupEnter = OwnerAll | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;

    /// <summary>Whether the fleet hands files over (it runs as root), or Mosquitto simply stays the fleet's own user.</summary>
    public bool Separate => User is not null;

    /// <exception cref="InvalidOperationException">The fleet is root and the configured account does not exist.</exception>
    public static BrokerAccount For(LocalBrokerOptions options)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return new BrokerAccount(Environment.UserName, null, null);
        }

        (uint User, uint Group) ids = PosixAccounts.Find(options.User) ?? throw new InvalidOperationException(
            $"The fleet runs as root and Mosquitto must not: it would run as '{options.User}' ({LocalBrokerOptions.SectionName}:User), which does not exist. " +
            $"Create it (adduser --system --group --no-create-home {options.User}; Debian's mosquitto package makes 'mosquitto'), or better, run the fleet as an unprivileged user.");
        if (ids.User == 0)
        {
            throw new InvalidOperationException($"{LocalBrokerOptions.SectionName}:User '{options.User}' is root: name an unprivileged account for Mosquitto.");
        }

        return new BrokerAccount(options.User, ids.User, ids.Group);
    }

    /// <summary>Gives the broker's account what it needs in <paramref name="brokerDirectory"/> (see the type's summary).</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Grant(string brokerDirectory, string persistenceDirectory, string accountsDirectory, string tlsDirectory, string? ownKeyFile)
    {
        if (User is not uint user || Group is not uint group)
        {
            return;
        }

        // The data directory is the fleet's: the broker may pass through it to its own part, and read nothing there.
        string dataDirectory = Path.GetDirectoryName(Path.GetFullPath(brokerDirectory))!;
        Share(dataDirectory, group, File.GetUnixFileMode(dataDirectory) | UnixFileMode.GroupExecute);
        Share(brokerDirectory, group, GroupEnter);
        Share(tlsDirectory, group, GroupEnter);
        if (ownKeyFile is not null && File.Exists(ownKeyFile))
        {
            Share(ownKeyFile, group, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        }

        foreach (string own in new[] { persistenceDirectory, accountsDirectory })
        {
            PosixAccounts.Chown(own, user, group);
            File.SetUnixFileMode(own, OwnerAll);
            foreach (string file in Directory.EnumerateFileSystemEntries(own))
            {
                PosixAccounts.Chown(file, user, group);
            }
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void Share(string path, uint group, UnixFileMode mode)
    {
        PosixAccounts.Chown(path, PosixAccounts.Unchanged, group);
        File.SetUnixFileMode(path, mode);
    }
}

using System.Diagnostics;

namespace EdgeNode.Fleet.Broker.Supervision;

/// <summary>
/// Starts a program in a session, hence a process group, of its own, through util-linux's setsid(1). A Ctrl-C in the
/// terminal the fleet runs in goes to the terminal's whole foreground group: Mosquitto in that group would exit on it
/// beside the fleet, and the fleet, seeing its broker gone before its own stop began, would start it again. In a group
/// of its own, Mosquitto hears only the fleet, which stops it (SIGTERM) after everything that uses it.
/// <para>
/// Why setsid(1) and not a system call of our own: .NET's <see cref="Process"/> cannot ask for a new session or group,
/// and nothing may run between fork and exec but async-signal-safe C, never managed code. setsid(1) (util-linux,
/// essential on Debian and Raspberry Pi OS) calls setsid() and execs the program; it forks only when it is itself a
/// group leader, which a child of the fleet is not, so the pid the fleet holds is the program's own.
/// </para>
/// </summary>
internal static class OwnSession
{
    public const string SetsidPath = "/usr/bin/setsid";

    /// <summary>A start of <paramref name="executable"/> in its own session; a plain start where setsid(1) is missing.</summary>
    public static ProcessStartInfo StartInfo(string executable, IEnumerable<string> arguments, out bool ownSession)
    {
        ownSession = File.Exists(SetsidPath);
        var start = new ProcessStartInfo(ownSession ? SetsidPath : executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (ownSession)
        {
            start.ArgumentList.Add(executable);
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}

using System.Runtime.InteropServices;

namespace EdgeNode.Fleet.Broker.Supervision;

/// <summary>
/// kill(2), to ask our own child to stop with SIGTERM (Process.Kill only sends SIGKILL, and Mosquitto saves its
/// persistence file on SIGTERM). Only ever given the pid of a process the fleet started (in this run or, see LeftoverBroker, an earlier one).
/// </summary>
internal static class PosixSignals
{
    public const int SIGTERM = 15;

    public const int SIGKILL = 9;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    /// <summary>False when the process is already gone (ESRCH) or the signal was refused.</summary>
    public static bool Terminate(int pid) => Kill(pid, SIGTERM) == 0;

    /// <summary>SIGKILL, for a pid that is not our own child object (a broker an earlier fleet run left behind).</summary>
    public static bool Kill(int pid) => Kill(pid, SIGKILL) == 0;
}

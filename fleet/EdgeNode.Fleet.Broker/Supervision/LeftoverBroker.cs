using System.Globalization;

namespace EdgeNode.Fleet.Broker.Supervision;

/// <summary>
/// The pid of the Mosquitto this fleet started, kept in <c>{broker directory}/mosquitto.pid</c>, so that a fleet killed
/// without stopping its child (SIGKILL, a crash outside systemd) finds that broker at its next start and stops it
/// instead of failing forever on "address already in use". A pid is signalled only when /proc shows it is still a
/// mosquitto running this fleet's configuration file: pids are reused.
/// </summary>
internal static class LeftoverBroker
{
    public const string FileName = "mosquitto.pid";

    public static void Remember(string brokerDirectory, int pid) =>
        Tls.PrivateFile.WritePublic(Path.Combine(brokerDirectory, FileName), pid.ToString(CultureInfo.InvariantCulture));

    public static void Forget(string brokerDirectory) => File.Delete(Path.Combine(brokerDirectory, FileName));

    /// <summary>Stops the broker an earlier run left behind, if there is one; returns its pid, or null.</summary>
    public static async Task<int?> StopAsync(string brokerDirectory, string configurationFile, TimeSpan timeout)
    {
        string file = Path.Combine(brokerDirectory, FileName);
        if (!File.Exists(file) || !int.TryParse(File.ReadAllText(file).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || !IsOurs(pid, configurationFile))
        {
            Forget(brokerDirectory);
            return null;
        }

        PosixSignals.Terminate(pid);
        DateTime deadline = DateTime.UtcNow + timeout;
        while (IsOurs(pid, configurationFile) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        if (IsOurs(pid, configurationFile))
        {
            PosixSignals.Kill(pid);
        }

        Forget(brokerDirectory);
        return pid;
    }

    private static bool IsOurs(int pid, string configurationFile)
    {
        try
        {
            // NUL-separated arguments: "mosquitto", "-c", the file.
            string[] arguments = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
            return arguments.Length >= 3 && Path.GetFileName(arguments[0]) == "mosquitto" && arguments[1] == "-c" && arguments[2] == configurationFile
                && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EdgeNode.Daemon.Buffer;
using EdgeNode.Daemon.Health;
using EdgeNode.Daemon.Node;
using EdgeNode.Daemon.SelfTest;
using EdgeNode.Daemon.Status;
using EdgeNode.Daemon.Uplink;
using EdgeNode.Hardware.Clock;

namespace EdgeNode.Daemon.Commands;

/// <summary><c>edgenode status</c>: what the running service last reported, in words for the technician.</summary>
public static class StatusCommand
{
    /// <summary>The unit's RuntimeDirectory= (hardware/edgenode.service).</summary>
    public const string RuntimeDirectory = "/run/edgenode";

    public static Command Create(TextWriter output, TimeProvider time)
    {
        var dataDirectory = new Option<string>("--data-directory") { Description = $"The service's Node:DataDirectory; {RuntimeDirectory} (where the service under systemd writes its status) is looked at first", DefaultValueFactory = _ => new NodeOptions().DataDirectory };
        var command = new Command("status", "Show what the running node service last reported: clock, disk, buffer, each sensor.") { dataDirectory };
        command.SetAction(result =>
        {
            string given = result.GetValue(dataDirectory)!;
            // The service writes to /run/edgenode under systemd; a status left in the data directory by an earlier
            // run outside systemd is older, so the runtime one wins when both exist.
            bool explicitDirectory = result.GetResult(dataDirectory) is { Implicit: false };
            string directory = !explicitDirectory && File.Exists(Path.Combine(RuntimeDirectory, StatusFile.FileName)) ? RuntimeDirectory : given;
            NodeStatus? status;
            try
            {
                status = StatusFile.Read(directory);
            }
            catch (Exception e) when (e is JsonException or InvalidDataException)
            {
                output.WriteLine($"{Path.Combine(directory, StatusFile.FileName)} cannot be read ({e.Message}): restart the service (sudo systemctl restart edgenode).");
                return 2;
            }

            if (status is null)
            {
                output.WriteLine($"No status in {directory}: the service is not running or has not written one yet (it does every minute). Check with: systemctl status edgenode");
                return 2;
            }

            // How long ago by the file's own modification time, not the status's stamp: an emulated node runs on a
            // clock of its own (days in the past while it back-fills), and its status is fresh all the same.
            TimeSpan sinceWritten = time.GetUtcNow() - File.GetLastWriteTimeUtc(Path.Combine(directory, StatusFile.FileName));
            return Write(status, status.WrittenAt + sinceWritten, output) ? 0 : 1;
        });
        return command;
    }

    /// <summary>Prints the status; true when it is fresh and every sensor is fine.</summary>
    public static bool Write(NodeStatus status, DateTimeOffset now, TextWriter output)
    {
        TimeSpan age = now - status.WrittenAt;
        bool stale = age > 3 * StatusFileService.Interval;
        output.WriteLine($"Node {status.NodeId}, firmware {status.FirmwareVersion}, status written {Ago(age)} ago"
            + (stale ? " — STALE: the service is not running or is hung (systemctl status edgenode)" : ""));
        output.WriteLine(status.Clock == ClockSynchronisation.Synchronised
            ? "Clock: synchronised"
            : "Clock: NOT synchronised — no time source reached yet; windows are flagged until it is (check the network and timedatectl)");
        NodeVitals v = status.Vitals;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Up {Ago(v.Uptime)}; CPU {(v.CpuTemperatureCelsius is { } t ? $"{t:0} °C" : "temperature unknown")}; disk free {Size(v.DiskFreeBytes)} of {Size(v.DiskTotalBytes)}{(v.DiskFreeBytes == 0 ? " — DISK FULL" : "")}; memory available {Size(v.MemoryAvailableBytes)}; service {Size(v.ProcessResidentBytes)}"));
        WindowBufferStatus b = status.Buffer;
        output.WriteLine($"Buffer: {b.UnsentWindows?.ToString(CultureInfo.InvariantCulture) ?? "?"} windows waiting for the fleet"
            + (b.OldestUnsentStart is { } oldest ? $" (oldest {oldest:yyyy-MM-dd HH:mm} UTC)" : "")
            + $", {Size(b.BytesUsed ?? 0)} of {Size(b.QuotaBytes)}; "
            + (b.StorageWorking ? "storage OK" : "storage FAILING (below)"));
        if (!b.StorageWorking)
        {
            // The service runs and says so: what it cannot do, what it does meanwhile, and what a restart would cost.
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Storage FAILING since {b.LastErrorAt:yyyy-MM-dd HH:mm} UTC: {b.LastError} {b.QueuedInMemory} windows are waiting in memory: they are lost if the service stops or the node loses power before storage works again, so free space first and restart only after."));
        }
        if (b.UnconfirmedWindows > 0 || b.RestampedWindows > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Buffered window times: {b.UnconfirmedWindows ?? 0} unconfirmed (recorded before the clock was synchronised), {b.RestampedWindows ?? 0} re-stamped from time since boot"));
        }

        // A status written by a version without an uplink has none; treat it as not configured.
        UplinkStatus u = status.Uplink ?? UplinkStatus.Disabled;
        output.WriteLine(!u.Enabled
            ? "Fleet: not configured (Uplink:Broker) — windows stay on the node"
            : (u.Connected ? "Fleet: connected" : $"Fleet: NOT connected — {u.Problem}")
              + (u.LastSyncAt is { } synced ? $"; last sync {synced:yyyy-MM-dd HH:mm} UTC" : "; no sync yet")
              + string.Create(CultureInfo.InvariantCulture, $"; sent {Size(u.BytesSent)}, received {Size(u.BytesReceived)} since start"));
        if (u.Enabled)
        {
            output.WriteLine(u.CalibrationVersion == 0
                ? "Calibration: none from the fleet — values go out as the sensors read them"
                : string.Create(CultureInfo.InvariantCulture, $"Calibration: version {u.CalibrationVersion} from the fleet, applied to what the node sends (the buffer keeps raw values)"));
        }

        bool allOk = !stale && b.StorageWorking;
        output.WriteLine("Sensors:");
        foreach (SensorState sensor in status.Sensors)
        {
            if (sensor.LastFault is { } kind)
            {
                allOk = false;
                output.WriteLine($"  {sensor.Sensor,-8} FAULT  {SelfTestText.FaultName(kind)} since {sensor.LastFaultAt:HH:mm} UTC: {sensor.LastFaultMessage}");
            }
            else if (sensor.LastGoodAt is { } lastGood)
            {
                output.WriteLine($"  {sensor.Sensor,-8} OK     last reading {Ago(status.WrittenAt - lastGood)} before this status");
            }
            else
            {
                output.WriteLine($"  {sensor.Sensor,-8} WAIT   no reading yet since the service started");
            }
        }

        return allOk;
    }

    private static string Ago(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } => $"{(int)span.TotalDays} d {span.Hours} h",
        { TotalHours: >= 1 } => $"{(int)span.TotalHours} h {span.Minutes} min",
        { TotalMinutes: >= 1 } => $"{(int)span.TotalMinutes} min",
        _ => $"{Math.Max(0, (int)span.TotalSeconds)} s",
    };

    private static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("0.0 'GB'", CultureInfo.InvariantCulture),
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("0.0 'MB'", CultureInfo.InvariantCulture),
        _ => (bytes / 1024.0).ToString("0 'kB'", CultureInfo.InvariantCulture),
    };
}

using EdgeNode.Daemon.Aggregation;
using EdgeNode.Daemon.Alerts;
using EdgeNode.Daemon.Buffer;
using EdgeNode.Daemon.Commands;
using EdgeNode.Daemon.Node;
using EdgeNode.Daemon.NodeHardware;
using EdgeNode.Daemon.Status;
using EdgeNode.Daemon.Systemd;
using EdgeNode.Daemon.Tests.Buffer;
using EdgeNode.Daemon.Tests.Node;
using EdgeNode.Daemon.Uplink;
using EdgeNode.Daemon.Windows;
using EdgeNode.Hardware.Clock;
using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Emulation;
using EdgeNode.Sensors.Ops243;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeNode.Daemon.Tests.Status;

public sealed class FullDiskStatusTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task On_a_full_disk_the_running_service_says_so_in_a_fresh_status_and_stores_every_window_once_space_returns()
    {
        using var disk = SmallFileSystem.Mount(megabytes: 4);
        // 60×: a one-minute window and a status every real second.
        var time = new ScaledTimeProvider(60, DateTimeOffset.UtcNow);
        var wiring = new SensorWiring { Fitted = new HashSet<string> { SensorWiring.Bme280 } };
        using var hardware = new EmulatedNodeHardware(time, new ConstantAmbient(AmbientConditions.Typical), new ScriptedTraffic([]), wiring)
        {
            Clock = ClockSynchronisation.Synchronised,
        };
        var service = new RunningNode(hardware, new NodeOptions { Id = "test-node-1", DataDirectory = disk.Path, StatusDirectory = disk.Path }, wiring,
            new WindowAggregationOptions { WindowLength = Window });

        string fullOutput;
        int waitingWhileFull;
        await service.StartAsync(CancellationToken.None);
        try
        {
            await BufferFolder.Eventually(() => StatusFile.Read(disk.Path) is not null && service.Buffer!.Status().UnsentWindows > 0, "the first status and window are written");
            disk.Fill();
            await BufferFolder.Eventually(() => !service.Buffer!.Status().StorageWorking, "the buffer finds the file system full");

            DateTimeOffset noticed = StatusFile.Read(disk.Path)!.WrittenAt;
            await BufferFolder.Eventually(() => StatusFile.Read(disk.Path)!.WrittenAt > noticed + 3 * StatusFileService.Interval,
                "the status is rewritten on the full file system for longer than 'edgenode status' waits before calling it stale");
            var output = new StringWriter();
            int exitCode = await EdgeNodeCommandLine.Create(output).Parse(["status", "--data-directory", disk.Path]).InvokeAsync();
            fullOutput = output.ToString();
            Assert.Equal(1, exitCode);
            waitingWhileFull = service.Buffer!.Status().QueuedInMemory;

            disk.Free();
            await BufferFolder.Eventually(() => service.Buffer!.Status() is { StorageWorking: true, QueuedInMemory: 0 }, "the windows kept in memory are stored");
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }

        Assert.DoesNotContain("STALE", fullOutput);
        Assert.Contains("the file system is full (SQLITE_FULL)", fullOutput);
        Assert.Contains("DISK FULL", fullOutput);
        Assert.Contains("windows are waiting in memory: they are lost if the service stops", fullOutput);
        Assert.True(waitingWhileFull >= 3, $"{waitingWhileFull} windows waited in memory; the disk was full for several windows");

        // Every window, the ones kept in memory included, once each and none missing.
        List<ClosedWindow> stored;
        await using (WindowBuffer buffer = WindowBuffer.Open(new WindowBufferOptions { DatabasePath = Path.Combine(disk.Path, "buffer.db") }))
        {
            stored = [.. buffer.PeekOldest(1000).Select(w => w.Window).OrderBy(w => w.Start)];
        }

        SqliteConnection.ClearAllPools();
        Assert.True(stored.Count >= waitingWhileFull + 2, $"{stored.Count} windows stored, {waitingWhileFull} of them waited in memory");
        for (int i = 1; i < stored.Count; i++)
        {
            Assert.Equal(stored[i - 1].Start + Window, stored[i].Start);
        }
    }
}

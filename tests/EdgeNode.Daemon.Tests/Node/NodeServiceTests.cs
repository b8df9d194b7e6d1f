using EdgeNode.Daemon.Aggregation;
using EdgeNode.Daemon.Alerts;
using EdgeNode.Daemon.Buffer;
using EdgeNode.Daemon.Node;
using EdgeNode.Daemon.NodeHardware;
using EdgeNode.Daemon.Systemd;
using EdgeNode.Daemon.Uplink;
using EdgeNode.Daemon.Windows;
using EdgeNode.Hardware.Clock;
using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Emulation;
using EdgeNode.Sensors.Ops243;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeNode.Daemon.Tests.Node;

public sealed class NodeServiceTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("edgenode-service-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Windows_recorded_before_the_clock_is_synchronised_are_flagged_not_trusted()
    {
        var wiring = new SensorWiring { Fitted = new HashSet<string> { SensorWiring.Bme280 } };
        var time = new ScaledTimeProvider(50, DateTimeOffset.UtcNow);
        using var hardware = new EmulatedNodeHardware(time, new ConstantAmbient(AmbientConditions.Typical), new ScriptedTraffic([]), wiring)
        {
            Clock = ClockSynchronisation.Unsynchronised,
        };
        var service = new NodeService(hardware, new NodeOptions { Id = "test-node-1", DataDirectory = _data }, wiring,
            new WindowAggregationOptions { WindowLength = TimeSpan.FromMinutes(1) }, new PollutionAlertOptions(), new UplinkOptions(), new SystemdNotifier(null, null, null), NullLoggerFactory.Instance);

        await service.StartAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(5));
        await service.StopAsync(CancellationToken.None);

        await using WindowBuffer buffer = WindowBuffer.Open(new WindowBufferOptions { DatabasePath = Path.Combine(_data, "buffer.db") });
        IReadOnlyList<StoredWindow> stored = buffer.PeekOldest(100);
        Assert.NotEmpty(stored);
        Assert.All(stored, w => Assert.Equal(WindowTimeQuality.Unconfirmed, w.Window.Time));
    }
}

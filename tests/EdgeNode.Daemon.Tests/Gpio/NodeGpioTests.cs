using System.Device.Gpio;
using EdgeNode.Daemon.Aggregation;
using EdgeNode.Daemon.Alerts;
using EdgeNode.Daemon.Gpio;
using EdgeNode.Daemon.Node;
using EdgeNode.Daemon.NodeHardware;
using EdgeNode.Daemon.Systemd;
using EdgeNode.Daemon.Tests.Node;
using EdgeNode.Daemon.Uplink;
using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Emulation;
using EdgeNode.Sensors.Ops243;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeNode.Daemon.Tests.Gpio;

/// <summary>The LED and the button on a running emulated node, configured by pin number as in edgenode.json.</summary>
public sealed class NodeGpioTests : IDisposable
{
    private const int LedPin = 17;
    private const int ButtonPin = 27;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly string _data = Directory.CreateTempSubdirectory("edgenode-gpio-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Theory]
    [InlineData(false, BlinkCode.AllGood, BlinkCode.SelfTestPassed)]
    [InlineData(true, BlinkCode.SensorFault, BlinkCode.SelfTestFailed)]
    public async Task The_LED_shows_the_nodes_state_and_the_button_runs_the_self_test_and_shows_its_verdict(bool silentSensor, BlinkCode state, BlinkCode verdict)
    {
        var wiring = new SensorWiring { Fitted = new HashSet<string> { SensorWiring.Bme280 } };
        using var hardware = new EmulatedNodeHardware(new ScaledTimeProvider(50, DateTimeOffset.UtcNow), new ConstantAmbient(AmbientConditions.Typical), new ScriptedTraffic([]), wiring);
        var service = new RunningNode(hardware, new NodeOptions { Id = "gpio-node", DataDirectory = _data }, wiring,
            new WindowAggregationOptions(), gpio: new GpioOptions { StatusLedPin = LedPin, ButtonPin = ButtonPin });
        await service.StartAsync(CancellationToken.None);
        try
        {
            await Until(() => service.StatusLight is not null);
            if (silentSensor)
            {
                hardware.Bme280.Fault = EmulatedFault.Silent;
            }

            // The sensor is read once a minute, 50 times faster here: its state reaches the LED within seconds.
            await Until(() => service.StatusLight!.Showing == state);
            await Until(() => hardware.Gpio.History(LedPin).Any(e => e.Value == PinValue.High));

            // Pressed again, as a technician would, until the first reading is in (the self-test asks for one per sensor).
            await Until(async () =>
            {
                hardware.Gpio.Drive(ButtonPin, PinValue.Low);
                await Task.Delay(TimeSpan.FromMilliseconds(200));
                hardware.Gpio.Drive(ButtonPin, null);
                return service.StatusLight!.Showing == verdict;
            });
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }

        Assert.Equal(PinValue.Low, hardware.Gpio.LevelOf(LedPin));
    }

    private static Task Until(Func<bool> condition) => Until(() => Task.FromResult(condition()));

    private static async Task Until(Func<Task<bool>> condition)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (!await condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), patience.Token);
        }
    }
}

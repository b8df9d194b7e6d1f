using EdgeNode.Daemon.Emulation;
using EdgeNode.Daemon.NodeHardware;
using EdgeNode.Hardware;
using EdgeNode.Hardware.Emulation;
using EdgeNode.Hardware.Serial;
using EdgeNode.Sensors.Emulation;
using EdgeNode.Sensors.Ops243;
using Microsoft.Extensions.Logging;

namespace EdgeNode.Daemon.Tests.Emulation;

/// <summary>The control file applied to emulated hardware: faults in and out at the wire, each change said once.</summary>
public sealed class FaultControlFileWatcherTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("edgenode-watch-").FullName;
    private readonly SensorWiring _wiring = new();
    private readonly EmulatedNodeHardware _hardware;
    private readonly RecordingLogger<FaultControlFileWatcher> _logger = new();
    private readonly FaultControlFileWatcher _watcher;

    public FaultControlFileWatcherTests()
    {
        _hardware = new EmulatedNodeHardware(new VirtualTimeProvider(), new ConstantAmbient(AmbientConditions.Typical), ScriptedTraffic.EmptyRoad, _wiring);
        _watcher = new FaultControlFileWatcher(_data, new RuntimeFaults(_hardware, _logger), _wiring, [], _logger);
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _hardware.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    private void Control(string text) => File.WriteAllText(FaultControlFile.PathIn(_data), text);

    private int Said(LogLevel level, string part) => _logger.Entries.Count(e => e.Level == level && e.Message.Contains(part, StringComparison.Ordinal));

    [Fact]
    public void Faults_named_in_the_file_are_injected_and_cleared_when_their_line_goes_and_each_change_is_said_once()
    {
        Control("sds011=corrupt-data\nscd4x=stuck\n");
        _watcher.CheckOnce();
        _watcher.CheckOnce();

        Assert.Equal(EmulatedFault.CorruptData, _hardware.Sds011.Fault);
        Assert.Equal(EmulatedFault.Stuck, _hardware.Scd4x.Fault);
        Assert.Equal(1, Said(LogLevel.Information, "sds011=corrupt-data injected"));

        Control("scd4x=out-of-range\n");
        _watcher.CheckOnce();
        _watcher.CheckOnce();

        Assert.Equal(EmulatedFault.None, _hardware.Sds011.Fault);
        Assert.Equal(EmulatedFault.OutOfRange, _hardware.Scd4x.Fault);
        Assert.Equal(1, Said(LogLevel.Information, "sds011=corrupt-data cleared"));
        Assert.Equal(1, Said(LogLevel.Information, "scd4x=out-of-range injected, replacing scd4x=stuck"));

        File.Delete(FaultControlFile.PathIn(_data)); // no file: no faults
        _watcher.CheckOnce();
        Assert.Equal(EmulatedFault.None, _hardware.Scd4x.Fault);
    }

    [Fact]
    public void An_unplugged_sensor_disappears_from_the_bus_and_its_port_and_comes_back_when_cleared()
    {
        using SerialDevice port = _hardware.OpenSerialPort(_wiring.Pms5003Port, SensorWiring.ParticulateBaudRate);
        Control("bme280=not-present\npms5003=not-present");
        _watcher.CheckOnce();

        Assert.Throws<DeviceAccessException>(() => _hardware.OpenI2cBus(_wiring.I2cBusId).CreateDevice(SensorWiring.Bme280PrimaryAddress).WriteByte(0xD0));
        Assert.Throws<DeviceAccessException>(() => _hardware.OpenSerialPort(_wiring.Pms5003Port, SensorWiring.ParticulateBaudRate));
        Assert.True(((EmulatedSerialPort)port).Unplugged, "the port the driver already held still carries data");

        Control("");
        _watcher.CheckOnce();

        _hardware.OpenI2cBus(_wiring.I2cBusId).CreateDevice(SensorWiring.Bme280PrimaryAddress).WriteByte(0xD0);
        _hardware.OpenSerialPort(_wiring.Pms5003Port, SensorWiring.ParticulateBaudRate).Dispose();
        Assert.False(((EmulatedSerialPort)port).Unplugged);
    }

    [Fact]
    public void A_malformed_line_is_a_warning_naming_it_once_and_the_good_lines_still_apply()
    {
        Control("toaster=melted\npms5003=stuck\n");
        _watcher.CheckOnce();
        _watcher.CheckOnce();

        Assert.Equal(1, Said(LogLevel.Warning, "line 1 'toaster=melted'"));
        Assert.Equal(EmulatedFault.Stuck, _hardware.Pms5003.Fault);
    }
}

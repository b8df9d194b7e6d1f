using System.Device.Gpio;
using EdgeNode.Daemon.Gpio;
using EdgeNode.Daemon.NodeHardware;
using EdgeNode.Daemon.Sampling;
using EdgeNode.Daemon.Tests.Sampling;
using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors;
using EdgeNode.Sensors.Emulation;
using EdgeNode.Sensors.Ops243;
using EdgeNode.Sensors.Pms5003;
using EdgeNode.Sensors.Sds011;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeNode.Daemon.Tests.Gpio;

/// <summary>The particulate sensors' duty cycle working their SET and power pins, on the emulated header and a virtual clock.</summary>
public class PinSwitchedSensorTests
{
    private const int SetPin = 22;
    private const int PowerPin = 23;
    private static readonly FaultBackoff Backoff = new(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(15), new Random(42));

    private readonly VirtualTimeProvider _time = new();
    private readonly EmulatedGpioDriver _driver;
    private readonly GpioController _gpio;

    public PinSwitchedSensorTests()
    {
        _driver = new EmulatedGpioDriver(_time);
        _gpio = new GpioController(_driver);
    }

    [Fact]
    public async Task The_PMS5003_SET_pin_is_high_while_it_is_read_and_low_while_it_sleeps_and_its_power_is_off_between_cycles()
    {
        var emulator = new Pms5003Emulator(new ConstantAmbient(AmbientConditions.Typical));
        var power = new ParticulatePower(_gpio, PowerPin);
        DateTimeOffset start = _time.GetUtcNow();
        var sink = new RecordingSink(_time, start.AddMinutes(30));

        await Loop("pms5003", _ => Task.FromResult<IEnvironmentalSensor>(
            new PinSwitchedSensor(new Pms5003Sensor(new EmulatedSerialPort(emulator, _time), _time), _gpio, SetPin, power, _time)), sink)
            .RunAsync(sink.Stop.Token);

        Assert.Empty(sink.Faults);
        DateTimeOffset[] readings = sink.Readings.Select(r => r.At).ToArray();
        Assert.InRange(readings.Length, 25, 40);
        Assert.All(readings, at =>
        {
            Assert.Equal(PinValue.High, PinHistory.LevelAt(_driver, SetPin, at));
            Assert.Equal(PinValue.High, PinHistory.LevelAt(_driver, PowerPin, at));
        });

        // Between two bursts of readings (5 min apart) both pins are low: fan, laser and supply off.
        (DateTimeOffset First, DateTimeOffset Second)[] gaps = readings.Zip(readings.Skip(1)).Where(pair => pair.Second - pair.First > TimeSpan.FromMinutes(1)).ToArray();
        Assert.InRange(gaps.Length, 4, 6);
        Assert.All(gaps, gap =>
        {
            DateTimeOffset between = gap.First + (gap.Second - gap.First) / 2;
            Assert.Equal(PinValue.Low, PinHistory.LevelAt(_driver, SetPin, between));
            Assert.Equal(PinValue.Low, PinHistory.LevelAt(_driver, PowerPin, between));
        });

        // Powered on, then the full warm-up before the first reading of each burst: the sensor's 30 s after power-on.
        DateTimeOffset[] powerOns = _driver.History(PowerPin).Where(e => e.Value == PinValue.High).Select(e => e.At).ToArray();
        Assert.All(powerOns.Where(on => on < readings[^1]), on =>
            Assert.True(readings.First(r => r > on) - on >= TimeSpan.FromSeconds(30), $"read {readings.First(r => r > on) - on} after power-on"));
        Assert.Equal(PinValue.Low, _driver.LevelOf(SetPin));
        Assert.Equal(PinValue.Low, _driver.LevelOf(PowerPin));
    }

    [Fact]
    public void Two_sensors_on_one_power_switch_keep_it_on_until_both_sleep()
    {
        var power = new ParticulatePower(_gpio, PowerPin);

        Assert.True(power.Acquire());
        Assert.False(power.Acquire());
        power.Release();
        Assert.Equal(PinValue.High, _driver.LevelOf(PowerPin));
        power.Release();
        Assert.Equal(PinValue.Low, _driver.LevelOf(PowerPin));
        power.Release(); // a sensor that never woke sleeping again changes nothing
        Assert.Equal(PinValue.Low, _driver.LevelOf(PowerPin));
    }

    [Fact]
    public async Task An_SDS011_on_the_shared_switch_is_powered_only_while_awake()
    {
        var emulator = new Sds011Emulator(new ConstantAmbient(AmbientConditions.Typical));
        var power = new ParticulatePower(_gpio, PowerPin);
        var sink = new RecordingSink(_time, _time.GetUtcNow().AddMinutes(12));

        await Loop("sds011", _ => Task.FromResult<IEnvironmentalSensor>(
            new PinSwitchedSensor(new Sds011Sensor(new EmulatedSerialPort(emulator, _time), _time), _gpio, null, power, _time)), sink)
            .RunAsync(sink.Stop.Token);

        Assert.Empty(sink.Faults);
        Assert.NotEmpty(sink.Readings);
        Assert.All(sink.Readings, r => Assert.Equal(PinValue.High, PinHistory.LevelAt(_driver, PowerPin, r.At)));
        Assert.Equal(PinValue.Low, _driver.LevelOf(PowerPin));
        Assert.False(_gpio.IsPinOpen(SetPin));
    }

    private EnvironmentalSamplingLoop Loop(string name, Func<CancellationToken, Task<IEnvironmentalSensor>> open, RecordingSink sink) =>
        new(name, open, SamplingSchedule.DutyCycledParticulates, sink, new SamplingHeartbeat(_time), Backoff, _time, NullLogger.Instance);

    [Fact]
    public async Task On_the_emulated_node_the_PMS5003_is_powered_and_woken_through_its_pins_and_left_off()
    {
        var wiring = new SensorWiring { Fitted = new HashSet<string> { SensorWiring.Pms5003 }, Pms5003SetPin = SetPin, ParticulatePowerPin = PowerPin };
        using var hardware = new EmulatedNodeHardware(_time, new ConstantAmbient(AmbientConditions.Typical), new ScriptedTraffic([]), wiring);
        FittedSensor pms = FittedSensors.For(hardware, wiring, SensorWiring.Bme280PrimaryAddress).Single();
        Assert.False(hardware.Pms5003.Powered); // off until the duty cycle wakes it
        var sink = new RecordingSink(_time, _time.GetUtcNow().AddMinutes(12));

        await Loop("pms5003", pms.OpenEnvironmental!, sink).RunAsync(sink.Stop.Token);

        Assert.Empty(sink.Faults);
        Assert.InRange(sink.Readings.Count, 10, 20);
        Assert.False(hardware.Pms5003.Powered);
        Assert.False(hardware.Pms5003.FanRunning);
    }

    [Fact]
    public async Task A_PMS5003_held_asleep_by_its_SET_pin_sends_nothing_and_the_driver_says_so()
    {
        var emulator = new Pms5003Emulator(new ConstantAmbient(AmbientConditions.Typical)) { SetPinHigh = false };
        using var sensor = new Pms5003Sensor(new EmulatedSerialPort(emulator, _time), _time);

        SensorFaultException fault = await Assert.ThrowsAsync<SensorFaultException>(() => sensor.WakeAsync());

        Assert.Equal(SensorFaultKind.NotAnswering, fault.Kind);
        Assert.Contains("SET (pin 3) is not pulled low", fault.Message);
    }
}

using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Sds011;
using EdgeNode.Sensors.Tests.Contract;
using EdgeNode.Sensors.Tests.Support;

namespace EdgeNode.Sensors.Tests.Sds011;

public sealed class Sds011SensorTests : ParticulateSensorDutyCycleContract
{
    protected override string Description => "SDS011 on /dev/ttyUSB0";

    protected override double NoiseMicrogramsPerCubicMetre => 2;

    protected override IParticulateRig Rig(double pm25 = 7, double pm10 = 12, bool noise = true) => new Sds011Rig(pm25, pm10, noise);

    [Fact]
    public async Task Reads_the_protocols_worked_example_exactly()
    {
        // §3.2: frame "AA C0 D4 04 3A 0A A1 60 1D AB" from sensor A160 means PM2.5 = 123.6 and PM10 = 261.8 µg/m³.
        var rig = new Sds011Rig(pm25: 123.6, pm10: 261.8, noise: false);
        await rig.WakeAndWarmUpAsync();

        Sds011Reading reading = await rig.Sensor.ReadParticulatesAsync();

        Assert.Equal(123.6, reading.Pm25MicrogramsPerCubicMetre);
        Assert.Equal(261.8, reading.Pm10MicrogramsPerCubicMetre);
        Assert.Equal(0xA160, reading.DeviceId);
        Assert.Equal(rig.Time.GetUtcNow(), reading.MeasuredAt);
    }

    [Fact]
    public async Task Read_returns_the_metrics_it_announces_in_their_order()
    {
        var rig = new Sds011Rig(pm25: 8.4, pm10: 15.1, noise: false);
        await rig.WakeAndWarmUpAsync();

        IReadOnlyList<Measurement> measurements = await rig.Sensor.ReadAsync();

        Assert.Equal([Metric.Pm25MicrogramsPerCubicMetre, Metric.Pm10MicrogramsPerCubicMetre], rig.Sensor.Metrics);
        Assert.Equal([new Measurement(Metric.Pm25MicrogramsPerCubicMetre, 8.4), new Measurement(Metric.Pm10MicrogramsPerCubicMetre, 15.1)], measurements);
        Assert.Equal("SDS011 on /dev/ttyUSB0", rig.Sensor.Description);
    }

    [Fact]
    public async Task Waking_starts_the_fan_and_switches_a_factory_fresh_sensor_to_query_reporting()
    {
        var rig = new Sds011Rig();
        Assert.False(rig.Emulator.QueryReporting);
        await rig.Sensor.SleepAsync();
        Assert.False(rig.Emulator.FanRunning);

        await rig.Sensor.WakeAsync();

        Assert.True(rig.Emulator.FanRunning);
        Assert.True(rig.Emulator.QueryReporting);
        Assert.Equal((ushort)0xA160, rig.Sensor.DeviceId);
    }

    [Fact]
    public async Task Waking_a_sensor_already_in_query_reporting_only_reads_the_mode_and_never_rewrites_it()
    {
        // §3.1: the reporting mode is kept after power off, so it lives in the sensor's memory: write it only when needed.
        ReplacingPeripheral? recorder = null;
        var rig = new Sds011Rig(line: inner => recorder = new ReplacingPeripheral(inner));
        rig.Emulator.QueryReporting = true;

        await rig.Sensor.WakeAsync();

        Assert.Equal(
            [Convert.FromHexString("AAB406010100000000000000000000FFFF06AB"), Convert.FromHexString("AAB402000000000000000000000000FFFF00AB")],
            recorder!.Written);
    }

    [Fact]
    public async Task Sleeping_sends_the_protocols_sleep_command_and_stops_fan_and_laser()
    {
        ReplacingPeripheral? recorder = null;
        var rig = new Sds011Rig(line: inner => recorder = new ReplacingPeripheral(inner));
        await rig.WakeAndWarmUpAsync();
        recorder!.Written.Clear();

        await rig.Sensor.SleepAsync();

        Assert.Equal([Convert.FromHexString("AAB406010000000000000000000000FFFF05AB")], recorder.Written);
        Assert.True(rig.Emulator.Sleeping);
    }

    [Fact]
    public async Task The_firmware_date_is_read_from_the_sensor()
    {
        var rig = new Sds011Rig();
        rig.Emulator.FirmwareDate = new DateOnly(2015, 7, 10);
        await rig.Sensor.WakeAsync();

        Assert.Equal(new DateOnly(2015, 7, 10), await rig.Sensor.ReadFirmwareDateAsync());
    }
}

using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Sds011;
using EdgeNode.Sensors.Tests.Support;

namespace EdgeNode.Sensors.Tests.Sds011;

public class Sds011SensorTests
{
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
    public async Task A_duty_cycle_of_wake_warm_up_read_sleep_works_again_and_again()
    {
        var rig = new Sds011Rig(pm25: 20, pm10: 30);
        for (int cycle = 0; cycle < 5; cycle++)
        {
            await rig.WakeAndWarmUpAsync();
            Sds011Reading reading = await rig.Sensor.ReadParticulatesAsync();
            Assert.InRange(reading.Pm25MicrogramsPerCubicMetre, 18, 22);
            await rig.Sensor.SleepAsync();
            rig.Time.Advance(TimeSpan.FromMinutes(4.5));
        }
    }

    [Fact]
    public async Task The_firmware_date_is_read_from_the_sensor()
    {
        var rig = new Sds011Rig();
        rig.Emulator.FirmwareDate = new DateOnly(2015, 7, 10);
        await rig.Sensor.WakeAsync();

        Assert.Equal(new DateOnly(2015, 7, 10), await rig.Sensor.ReadFirmwareDateAsync());
    }

    [Fact]
    public async Task Reading_before_the_first_wake_is_a_warming_up_fault_naming_the_sensor()
    {
        var rig = new Sds011Rig();

        var fault = await Assert.ThrowsAsync<SensorFaultException>(() => rig.Sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.WarmingUp, fault.Kind);
        Assert.Contains("SDS011 on /dev/ttyUSB0", fault.Message);
        Assert.Contains("wake it first", fault.Message);
    }

    [Fact]
    public async Task Reading_within_30_seconds_of_waking_is_a_warming_up_fault_and_afterwards_succeeds()
    {
        var rig = new Sds011Rig();
        await rig.Sensor.WakeAsync();
        rig.Time.Advance(TimeSpan.FromSeconds(29));

        var fault = await Assert.ThrowsAsync<SensorFaultException>(() => rig.Sensor.ReadAsync());
        Assert.Equal(SensorFaultKind.WarmingUp, fault.Kind);
        Assert.Contains(rig.Sensor.Description, fault.Message);

        rig.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await rig.Sensor.ReadAsync()).Count);
    }

    [Fact]
    public async Task Reading_while_asleep_is_a_warming_up_fault_and_leaves_the_sensor_asleep()
    {
        var rig = new Sds011Rig();
        await rig.WakeAndWarmUpAsync();
        await rig.Sensor.SleepAsync();
        int commands = rig.Emulator.CommandsReceived;

        var fault = await Assert.ThrowsAsync<SensorFaultException>(() => rig.Sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.WarmingUp, fault.Kind);
        Assert.Contains("asleep", fault.Message);
        Assert.Equal(commands, rig.Emulator.CommandsReceived);
        Assert.True(rig.Emulator.Sleeping);
    }
}

using EdgeNode.Sensors.Pms5003;
using EdgeNode.Sensors.Tests.Contract;
using EdgeNode.Sensors.Tests.Support;

namespace EdgeNode.Sensors.Tests.Pms5003;

public sealed class Pms5003SensorTests : ParticulateSensorDutyCycleContract
{
    protected override string Description => "PMS5003 on /dev/ttyAMA0";

    protected override double NoiseMicrogramsPerCubicMetre => 3;

    protected override IParticulateRig Rig(double pm25 = 7, double pm10 = 12, bool noise = true) => new Pms5003Rig(pm25: pm25, pm10: pm10, noise: noise);

    [Fact]
    public async Task Decodes_every_field_of_a_hand_made_appendix_I_frame_exactly()
    {
        ReplacingPeripheral? line = null;
        var rig = new Pms5003Rig(line: inner => line = new ReplacingPeripheral(inner));
        await rig.WakeAndWarmUpAsync();
        line!.Replacement = () => Pms5003FrameCodecTests.HandMadeFrame;

        Pms5003Reading reading = await rig.Sensor.ReadParticulatesAsync();

        Assert.Equal(
            new Pms5003Reading(5, 8, 9, 5, 8, 9, new Pms5003ParticleCountsPerDecilitre(1011, 286, 45, 4, 2, 0), rig.Time.GetUtcNow()),
            reading);
    }

    [Fact]
    public async Task Reports_the_atmospheric_values_not_the_cf1_ones()
    {
        // In dense aerosol CF=1 reads higher than the atmospheric value; the metrics must carry the atmospheric one.
        var rig = new Pms5003Rig(pm1: 90, pm25: 130, pm10: 160, noise: false);
        await rig.WakeAndWarmUpAsync();

        Pms5003Reading reading = await rig.Sensor.ReadParticulatesAsync();
        IReadOnlyList<Measurement> measurements = await rig.Sensor.ReadAsync();

        Assert.Equal((90, 130, 160), (reading.Pm1MicrogramsPerCubicMetre, reading.Pm25MicrogramsPerCubicMetre, reading.Pm10MicrogramsPerCubicMetre));
        Assert.Equal(180, reading.Pm25StandardMicrogramsPerCubicMetre);
        Assert.Equal(
            [new Measurement(Metric.Pm1MicrogramsPerCubicMetre, 90), new Measurement(Metric.Pm25MicrogramsPerCubicMetre, 130), new Measurement(Metric.Pm10MicrogramsPerCubicMetre, 160)],
            measurements);
        Assert.Equal([Metric.Pm1MicrogramsPerCubicMetre, Metric.Pm25MicrogramsPerCubicMetre, Metric.Pm10MicrogramsPerCubicMetre], rig.Sensor.Metrics);
        Assert.Equal("PMS5003 on /dev/ttyAMA0", rig.Sensor.Description);
    }

    [Fact]
    public async Task Waking_sends_the_wake_up_and_passive_mode_commands_and_puts_the_sensor_in_passive_mode()
    {
        ReplacingPeripheral? recorder = null;
        var rig = new Pms5003Rig(line: inner => recorder = new ReplacingPeripheral(inner));

        await rig.Sensor.WakeAsync();

        Assert.Equal([Convert.FromHexString("424DE400010174"), Convert.FromHexString("424DE100000170")], recorder!.Written);
        Assert.True(rig.Emulator.Passive);
        Assert.True(rig.Emulator.FanRunning);
    }

    [Fact]
    public async Task Sleeping_sends_the_sleep_command_and_stops_fan_and_laser()
    {
        ReplacingPeripheral? recorder = null;
        var rig = new Pms5003Rig(line: inner => recorder = new ReplacingPeripheral(inner));
        await rig.WakeAndWarmUpAsync();
        recorder!.Written.Clear();

        await rig.Sensor.SleepAsync();

        Assert.Equal([Convert.FromHexString("424DE400000173")], recorder.Written);
        Assert.False(rig.Emulator.FanRunning);
    }

    [Fact]
    public async Task A_sensor_that_ignores_the_mode_command_and_keeps_streaming_still_reads()
    {
        // Some units answer nothing to 0xE1; a unit left in active mode still gives fresh frames.
        var rig = new Pms5003Rig(pm1: 3, pm25: 6, pm10: 10, noise: false, line: inner => new ModeDeafPeripheral(inner));
        await rig.WakeAndWarmUpAsync();

        Assert.False(rig.Emulator.Passive);
        Assert.Equal(6, (await rig.Sensor.ReadParticulatesAsync()).Pm25MicrogramsPerCubicMetre);
    }

    /// <summary>A unit whose firmware ignores 0xE1: the command never reaches the emulator.</summary>
    private sealed class ModeDeafPeripheral(EdgeNode.Hardware.Emulation.IEmulatedSerialPeripheral inner) : EdgeNode.Hardware.Emulation.IEmulatedSerialPeripheral
    {
        public ReadOnlyMemory<byte> Receive(ReadOnlySpan<byte> fromHost, DateTimeOffset now) =>
            fromHost.Length > 2 && fromHost[2] == 0xE1 ? ReadOnlyMemory<byte>.Empty : inner.Receive(fromHost, now);

        public EdgeNode.Hardware.Emulation.SerialEmission Emit(DateTimeOffset now) => inner.Emit(now);
    }
}

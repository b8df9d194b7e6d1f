using EdgeNode.Hardware;
using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Emulation;
using EdgeNode.Sensors.Pms5003;
using EdgeNode.Sensors.Sds011;
using EdgeNode.Sensors.Tests.Support;

namespace EdgeNode.Sensors.Tests.Sds011;

public class Sds011FaultTests
{
    [Fact]
    public async Task A_missing_port_is_not_present()
    {
        var sensor = new Sds011Sensor(new FailingSerialPort(DeviceAccessError.NotFound), new VirtualTimeProvider());

        var fault = await Assert.ThrowsAsync<SensorFaultException>(() => sensor.WakeAsync());

        Assert.Equal(SensorFaultKind.NotPresent, fault.Kind);
        Assert.Contains("SDS011 on /dev/ttyUSB0", fault.Message);
        Assert.IsType<DeviceAccessException>(fault.InnerException);
    }

    [Fact]
    public async Task A_port_lost_during_a_read_is_not_answering()
    {
        var time = new VirtualTimeProvider();
        var line = new SwitchablePort(new EmulatedSerialPort(new Sds011Emulator(new ConstantAmbient(AmbientConditions.Typical)), time, "/dev/ttyUSB0"));
        var sensor = new Sds011Sensor(line, time);
        await sensor.WakeAsync();
        time.Advance(sensor.WarmUp);
        line.Failure = DeviceAccessError.IoError;

        var fault = await Assert.ThrowsAsync<SensorFaultException>(() => sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.NotAnswering, fault.Kind);
        Assert.Contains(sensor.Description, fault.Message);
    }

    [Fact]
    public async Task A_device_sending_foreign_bytes_is_not_present()
    {
        var rig = new Sds011Rig();
        await rig.WakeAndWarmUpAsync();
        rig.Emulator.Fault = EmulatedFault.WrongDevice;

        var fault = await Assert.ThrowsAsync<SensorFaultException>(() => rig.Sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.NotPresent, fault.Kind);
        Assert.Contains(rig.Sensor.Description, fault.Message);
    }

    [Fact]
    public async Task A_plantower_pms5003_wired_where_the_sds011_should_be_is_not_present()
    {
        var time = new VirtualTimeProvider();
        var port = new EmulatedSerialPort(new Pms5003Emulator(new ConstantAmbient(AmbientConditions.Typical)), time, "/dev/ttyAMA0");
        var sensor = new Sds011Sensor(port, time);

        var fault = await Assert.ThrowsAsync<SensorFaultException>(() => sensor.WakeAsync());

        Assert.Equal(SensorFaultKind.NotPresent, fault.Kind);
        Assert.Contains("SDS011 on /dev/ttyAMA0", fault.Message);
    }

    [Fact]
    public async Task A_silent_sensor_is_not_answering()
    {
        var rig = new Sds011Rig();
        await rig.WakeAndWarmUpAsync();
        rig.Emulator.Fault = EmulatedFault.Silent;

        var fault = await Assert.ThrowsAsync<SensorFaultException>(() => rig.Sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.NotAnswering, fault.Kind);
        Assert.Contains(rig.Sensor.Description, fault.Message);
    }

    [Fact]
    public async Task Silence_is_declared_after_the_three_second_answer_timeout_not_sooner()
    {
        var rig = new Sds011Rig();
        await rig.WakeAndWarmUpAsync();
        rig.Emulator.Fault = EmulatedFault.Silent;
        DateTimeOffset start = rig.Time.GetUtcNow();

        await Assert.ThrowsAsync<SensorFaultException>(() => rig.Sensor.ReadAsync());

        Assert.Equal(TimeSpan.FromSeconds(3), rig.Time.GetUtcNow() - start);
    }

    [Fact]
    public async Task An_unplugged_cable_is_not_answering_even_when_waking()
    {
        var rig = new Sds011Rig();
        rig.Port.Unplugged = true;

        var fault = await Assert.ThrowsAsync<SensorFaultException>(() => rig.Sensor.WakeAsync());

        Assert.Equal(SensorFaultKind.NotAnswering, fault.Kind);
        Assert.Contains(rig.Sensor.Description, fault.Message);
    }

    [Fact]
    public async Task Frames_with_bad_checksums_only_are_corrupt_data()
    {
        var rig = new Sds011Rig();
        await rig.WakeAndWarmUpAsync();
        rig.Emulator.Fault = EmulatedFault.CorruptData;

        var fault = await Assert.ThrowsAsync<SensorFaultException>(() => rig.Sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.CorruptData, fault.Kind);
        Assert.Contains(rig.Sensor.Description, fault.Message);
        Assert.Contains("damaged frame(s) (wrong checksum or cut short) and nothing intact in 3 s when asked for a measurement: ", fault.Message);
    }

    [Fact]
    public async Task Readings_resume_once_the_line_is_clean_again()
    {
        var rig = new Sds011Rig(pm25: 40, pm10: 60, noise: false);
        await rig.WakeAndWarmUpAsync();
        rig.Emulator.Fault = EmulatedFault.CorruptData;
        await Assert.ThrowsAsync<SensorFaultException>(() => rig.Sensor.ReadAsync());
        rig.Emulator.Fault = EmulatedFault.None;

        Assert.Equal(40, (await rig.Sensor.ReadParticulatesAsync()).Pm25MicrogramsPerCubicMetre);
    }

    [Fact]
    public async Task A_well_formed_frame_beyond_999_9_is_out_of_range_never_a_value()
    {
        var rig = new Sds011Rig();
        await rig.WakeAndWarmUpAsync();
        rig.Emulator.Fault = EmulatedFault.OutOfRange;

        var fault = await Assert.ThrowsAsync<SensorFaultException>(() => rig.Sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.OutOfRange, fault.Kind);
        Assert.Contains(rig.Sensor.Description, fault.Message);
    }

    [Fact]
    public async Task Identical_frames_for_over_two_hours_of_duty_cycles_are_stuck_but_not_before()
    {
        var rig = new Sds011Rig();
        rig.Emulator.Fault = EmulatedFault.Stuck;
        DateTimeOffset start = rig.Time.GetUtcNow();

        (SensorFaultException? fault, DateTimeOffset faultAt) = await SamplerCycles.RunUntilFaultAsync(rig.Sensor, rig.Time, TimeSpan.FromHours(4));

        Assert.NotNull(fault);
        Assert.Equal(SensorFaultKind.Stuck, fault.Kind);
        Assert.Contains(rig.Sensor.Description, fault.Message);
        // The first read, 30 s after the start (warm-up), begins the unchanged stretch; then one read every 5 minutes.
        Assert.InRange(faultAt - (start + rig.Sensor.WarmUp), Sds011Sensor.StuckAfter, Sds011Sensor.StuckAfter + TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Clean_air_read_every_five_minutes_for_a_day_is_never_stuck()
    {
        // The cleanest air a rural lamppost sees: both values near the bottom of the range, only the sensor's noise moves them.
        var rig = new Sds011Rig(pm25: 0.8, pm10: 1.5);

        await SamplerCycles.RunAsync(rig.Sensor, rig.Time, cycles: 288);
    }

    /// <summary>A real line that can be made to fail like a pulled USB adapter.</summary>
    private sealed class SwitchablePort(EmulatedSerialPort inner) : EdgeNode.Hardware.Serial.SerialDevice
    {
        public DeviceAccessError? Failure { get; set; }

        public override string PortName => inner.PortName;

        public override void Write(ReadOnlySpan<byte> data)
        {
            ThrowIfFailed();
            inner.Write(data);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken = default)
        {
            ThrowIfFailed();
            return inner.ReadAsync(buffer, timeout, cancellationToken);
        }

        public override void DiscardInput() => inner.DiscardInput();

        private void ThrowIfFailed()
        {
            if (Failure is { } error)
            {
                throw new DeviceAccessException(error, PortName, $"Serial port {PortName} failed (Input/output error).", errno: 5);
            }
        }
    }
}

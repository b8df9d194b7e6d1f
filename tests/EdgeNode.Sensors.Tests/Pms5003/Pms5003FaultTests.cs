using EdgeNode.Hardware;
using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Emulation;
using EdgeNode.Sensors.Pms5003;
using EdgeNode.Sensors.Sds011;
using EdgeNode.Sensors.Tests.Support;

namespace EdgeNode.Sensors.Tests.Pms5003;

public class Pms5003FaultTests
{
    [Fact]
    public async Task A_missing_port_is_not_present()
    {
        var sensor = new Pms5003Sensor(new FailingSerialPort(DeviceAccessError.NotFound, "/dev/ttyAMA0"), new VirtualTimeProvider());

        var fault = await Assert.ThrowsAsync<SensorFaultException>(() => sensor.WakeAsync());

        Assert.Equal(SensorFaultKind.NotPresent, fault.Kind);
        Assert.Contains("PMS5003 on /dev/ttyAMA0", fault.Message);
        Assert.IsType<DeviceAccessException>(fault.InnerException);
    }

    [Fact]
    public async Task A_port_that_fails_with_an_io_error_is_not_answering()
    {
        var sensor = new Pms5003Sensor(new FailingSerialPort(DeviceAccessError.IoError, "/dev/ttyUSB1"), new VirtualTimeProvider());

        var fault = await Assert.ThrowsAsync<SensorFaultException>(() => sensor.SleepAsync());

        Assert.Equal(SensorFaultKind.NotAnswering, fault.Kind);
        Assert.Contains("PMS5003 on /dev/ttyUSB1", fault.Message);
    }

    [Fact]
    public async Task A_device_sending_foreign_frames_is_not_present()
    {
        var rig = new Pms5003Rig();
        await rig.WakeAndWarmUpAsync();
        rig.Emulator.Fault = EmulatedFault.WrongDevice;

        var fault = await Assert.ThrowsAsync<SensorFaultException>(() => rig.Sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.NotPresent, fault.Kind);
        Assert.Contains(rig.Sensor.Description, fault.Message);
    }

    [Fact]
    public async Task A_nova_sds011_wired_where_the_pms5003_should_be_is_not_present()
    {
        var time = new VirtualTimeProvider();
        var port = new EmulatedSerialPort(new Sds011Emulator(new ConstantAmbient(AmbientConditions.Typical)), time, "/dev/ttyUSB0");
        var sensor = new Pms5003Sensor(port, time);

        var fault = await Assert.ThrowsAsync<SensorFaultException>(() => sensor.WakeAsync());

        Assert.Equal(SensorFaultKind.NotPresent, fault.Kind);
        Assert.Contains("PMS5003 on /dev/ttyUSB0", fault.Message);
    }

    [Fact]
    public async Task A_silent_sensor_is_not_answering_after_five_seconds()
    {
        var rig = new Pms5003Rig();
        await rig.WakeAndWarmUpAsync();
        rig.Emulator.Fault = EmulatedFault.Silent;
        DateTimeOffset start = rig.Time.GetUtcNow();

        var fault = await Assert.ThrowsAsync<SensorFaultException>(() => rig.Sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.NotAnswering, fault.Kind);
        Assert.Contains(rig.Sensor.Description, fault.Message);
        Assert.Equal(TimeSpan.FromSeconds(5), rig.Time.GetUtcNow() - start);
    }

    [Fact]
    public async Task An_unplugged_cable_is_not_answering_even_when_waking()
    {
        var rig = new Pms5003Rig();
        rig.Port.Unplugged = true;

        var fault = await Assert.ThrowsAsync<SensorFaultException>(() => rig.Sensor.WakeAsync());

        Assert.Equal(SensorFaultKind.NotAnswering, fault.Kind);
        Assert.Contains(rig.Sensor.Description, fault.Message);
    }

    [Fact]
    public async Task Frames_with_bad_check_words_only_are_corrupt_data_and_readings_resume_afterwards()
    {
        var rig = new Pms5003Rig(pm1: 5, pm25: 8, pm10: 9, noise: false);
        await rig.WakeAndWarmUpAsync();
        rig.Emulator.Fault = EmulatedFault.CorruptData;

        var fault = await Assert.ThrowsAsync<SensorFaultException>(() => rig.Sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.CorruptData, fault.Kind);
        Assert.Contains(rig.Sensor.Description, fault.Message);
        Assert.Contains("damaged frame(s) (wrong check word, length or cut short) and nothing intact in 5 s when asked for a measurement: ", fault.Message);
        rig.Emulator.Fault = EmulatedFault.None;
        Assert.Equal(8, (await rig.Sensor.ReadParticulatesAsync()).Pm25MicrogramsPerCubicMetre);
    }

    [Fact]
    public async Task A_well_formed_frame_beyond_the_maximum_range_is_out_of_range_never_a_value()
    {
        var rig = new Pms5003Rig();
        await rig.WakeAndWarmUpAsync();
        rig.Emulator.Fault = EmulatedFault.OutOfRange;

        var fault = await Assert.ThrowsAsync<SensorFaultException>(() => rig.Sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.OutOfRange, fault.Kind);
        Assert.Contains(rig.Sensor.Description, fault.Message);
    }

    [Fact]
    public async Task Air_beyond_the_effective_range_but_within_the_maximum_is_still_reported()
    {
        var rig = new Pms5003Rig(pm1: 300, pm25: 520, pm10: 560, noise: false);
        await rig.WakeAndWarmUpAsync();

        Assert.Equal(520, (await rig.Sensor.ReadParticulatesAsync()).Pm25MicrogramsPerCubicMetre);
    }

    [Fact]
    public async Task Air_past_the_maximum_range_is_out_of_range_even_in_a_well_formed_frame()
    {
        var rig = new Pms5003Rig(pm1: 500, pm25: 900, pm10: 1200, noise: false);
        await rig.WakeAndWarmUpAsync();

        var fault = await Assert.ThrowsAsync<SensorFaultException>(() => rig.Sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.OutOfRange, fault.Kind);
        Assert.Contains("1200", fault.Message);
    }

    [Fact]
    public async Task Identical_frames_for_over_an_hour_of_duty_cycles_are_stuck_but_not_before()
    {
        var rig = new Pms5003Rig();
        rig.Emulator.Fault = EmulatedFault.Stuck;
        DateTimeOffset start = rig.Time.GetUtcNow();

        (SensorFaultException? fault, DateTimeOffset faultAt) = await SamplerCycles.RunUntilFaultAsync(rig.Sensor, rig.Time, TimeSpan.FromHours(3));

        Assert.NotNull(fault);
        Assert.Equal(SensorFaultKind.Stuck, fault.Kind);
        Assert.Contains(rig.Sensor.Description, fault.Message);
        // The first read, 30 s after the start (warm-up), begins the unchanged stretch; then one read every 5 minutes.
        Assert.InRange(faultAt - (start + rig.Sensor.WarmUp), Pms5003Sensor.StuckAfter, Pms5003Sensor.StuckAfter + TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Clean_air_read_every_five_minutes_for_a_day_is_never_stuck()
    {
        // Air so clean that every mass value reads 0 µg/m³ in every frame: only the particle counts keep the frame moving.
        var rig = new Pms5003Rig(pm1: 0.2, pm25: 0.3, pm10: 0.4);

        List<IReadOnlyList<Measurement>> readings = await SamplerCycles.RunAsync(rig.Sensor, rig.Time, cycles: 288);

        Assert.All(readings, reading => Assert.All(reading, m => Assert.Equal(0, m.Value)));
    }
}

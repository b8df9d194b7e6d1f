using EdgeNode.Hardware;
using EdgeNode.Hardware.Emulation;
using EdgeNode.Hardware.Serial;
using EdgeNode.Sensors.Emulation;
using EdgeNode.Sensors.Tests.Support;

namespace EdgeNode.Sensors.Tests.Contract;

/// <summary>
/// What every particulate sensor's driver promises a technician about faults, run against each device by a subclass:
/// each fault named by its kind, on the right port, at the right moment, and readings back once it clears.
/// </summary>
public abstract class ParticulateSensorFaultContract
{
    /// <summary>The name the driver gives the device in its messages: "PMS5003".</summary>
    protected abstract string DeviceName { get; }

    /// <summary>The serial port the device's rig uses.</summary>
    protected abstract string PortName { get; }

    /// <summary>How long the driver waits for an answer before calling the sensor silent.</summary>
    protected abstract TimeSpan AnswerTimeout { get; }

    /// <summary>How long identical frames may last before the driver calls the sensor stuck.</summary>
    protected abstract TimeSpan StuckAfter { get; }

    /// <summary>The driver's explanation of damaged frames, as the technician reads it.</summary>
    protected abstract string CorruptDataExplanation { get; }

    protected abstract IParticulateRig Rig(double pm25 = 7, double pm10 = 12, bool noise = true);

    protected abstract IDutyCycledSensor Sensor(SerialDevice port, TimeProvider time);

    /// <summary>The other particulate sensor, wired where this one should be.</summary>
    protected abstract IEmulatedSerialPeripheral OtherDevice(IAmbientModel ambient);

    /// <summary>The cleanest air a rural lamppost sees, in which only the sensor's noise (or particle counts) moves the frame.</summary>
    protected abstract IParticulateRig CleanAirRig();

    [Fact]
    public async Task A_missing_port_is_not_present()
    {
        IDutyCycledSensor sensor = Sensor(new FailingSerialPort(DeviceAccessError.NotFound, PortName), new VirtualTimeProvider());

        SensorFaultException fault = await Assert.ThrowsAsync<SensorFaultException>(() => sensor.WakeAsync());

        Assert.Equal(SensorFaultKind.NotPresent, fault.Kind);
        Assert.Contains($"{DeviceName} on {PortName}", fault.Message);
        Assert.IsType<DeviceAccessException>(fault.InnerException);
    }

    [Fact]
    public async Task A_device_sending_foreign_bytes_is_not_present()
    {
        IParticulateRig rig = Rig();
        await rig.WakeAndWarmUpAsync();
        rig.Emulator.Fault = EmulatedFault.WrongDevice;

        SensorFaultException fault = await Assert.ThrowsAsync<SensorFaultException>(() => rig.Sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.NotPresent, fault.Kind);
        Assert.Contains(rig.Sensor.Description, fault.Message);
    }

    [Fact]
    public async Task The_other_particulate_sensor_wired_in_its_place_is_not_present()
    {
        var time = new VirtualTimeProvider();
        var port = new EmulatedSerialPort(OtherDevice(new ConstantAmbient(AmbientConditions.Typical)), time, PortName);
        IDutyCycledSensor sensor = Sensor(port, time);

        SensorFaultException fault = await Assert.ThrowsAsync<SensorFaultException>(() => sensor.WakeAsync());

        Assert.Equal(SensorFaultKind.NotPresent, fault.Kind);
        Assert.Contains($"{DeviceName} on {PortName}", fault.Message);
    }

    [Fact]
    public async Task A_silent_sensor_is_not_answering()
    {
        IParticulateRig rig = Rig();
        await rig.WakeAndWarmUpAsync();
        rig.Emulator.Fault = EmulatedFault.Silent;

        SensorFaultException fault = await Assert.ThrowsAsync<SensorFaultException>(() => rig.Sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.NotAnswering, fault.Kind);
        Assert.Contains(rig.Sensor.Description, fault.Message);
    }

    [Fact]
    public async Task Silence_is_declared_after_the_answer_timeout_not_sooner()
    {
        IParticulateRig rig = Rig();
        await rig.WakeAndWarmUpAsync();
        rig.Emulator.Fault = EmulatedFault.Silent;
        DateTimeOffset start = rig.Time.GetUtcNow();

        await Assert.ThrowsAsync<SensorFaultException>(() => rig.Sensor.ReadAsync());

        Assert.Equal(AnswerTimeout, rig.Time.GetUtcNow() - start);
    }

    [Fact]
    public async Task An_unplugged_cable_is_not_answering_even_when_waking()
    {
        IParticulateRig rig = Rig();
        rig.Port.Unplugged = true;

        SensorFaultException fault = await Assert.ThrowsAsync<SensorFaultException>(() => rig.Sensor.WakeAsync());

        Assert.Equal(SensorFaultKind.NotAnswering, fault.Kind);
        Assert.Contains(rig.Sensor.Description, fault.Message);
    }

    [Fact]
    public async Task Frames_failing_their_check_only_are_corrupt_data()
    {
        IParticulateRig rig = Rig();
        await rig.WakeAndWarmUpAsync();
        rig.Emulator.Fault = EmulatedFault.CorruptData;

        SensorFaultException fault = await Assert.ThrowsAsync<SensorFaultException>(() => rig.Sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.CorruptData, fault.Kind);
        Assert.Contains(rig.Sensor.Description, fault.Message);
        Assert.Contains(CorruptDataExplanation, fault.Message);
    }

    [Fact]
    public async Task Readings_resume_once_the_line_is_clean_again()
    {
        IParticulateRig rig = Rig(pm25: 40, pm10: 60, noise: false);
        await rig.WakeAndWarmUpAsync();
        rig.Emulator.Fault = EmulatedFault.CorruptData;
        await Assert.ThrowsAsync<SensorFaultException>(() => rig.Sensor.ReadAsync());
        rig.Emulator.Fault = EmulatedFault.None;

        Assert.Equal(40, await rig.ReadPm25Async());
    }

    [Fact]
    public async Task A_well_formed_frame_beyond_the_range_is_out_of_range_never_a_value()
    {
        IParticulateRig rig = Rig();
        await rig.WakeAndWarmUpAsync();
        rig.Emulator.Fault = EmulatedFault.OutOfRange;

        SensorFaultException fault = await Assert.ThrowsAsync<SensorFaultException>(() => rig.Sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.OutOfRange, fault.Kind);
        Assert.Contains(rig.Sensor.Description, fault.Message);
    }

    [Fact]
    public async Task Identical_frames_over_duty_cycles_are_stuck_after_the_device_s_limit_but_not_before()
    {
        IParticulateRig rig = Rig();
        rig.Emulator.Fault = EmulatedFault.Stuck;
        DateTimeOffset start = rig.Time.GetUtcNow();

        (SensorFaultException? fault, DateTimeOffset faultAt) = await SamplerCycles.RunUntilFaultAsync(rig.Sensor, rig.Time, StuckAfter + TimeSpan.FromHours(2));

        Assert.NotNull(fault);
        Assert.Equal(SensorFaultKind.Stuck, fault.Kind);
        Assert.Contains(rig.Sensor.Description, fault.Message);
        // The first read, after the warm-up, begins the unchanged stretch; then one read every 5 minutes.
        Assert.InRange(faultAt - (start + rig.Sensor.WarmUp), StuckAfter, StuckAfter + TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Clean_air_read_every_five_minutes_for_a_day_is_never_stuck()
    {
        IParticulateRig rig = CleanAirRig();

        List<IReadOnlyList<Measurement>> readings = await SamplerCycles.RunAsync(rig.Sensor, rig.Time, cycles: 288);

        Assert.Equal(288, readings.Count);
        AssertCleanAir(readings);
    }

    /// <summary>What a day of <see cref="CleanAirRig"/> reads, as the device reports such air.</summary>
    protected abstract void AssertCleanAir(IReadOnlyList<IReadOnlyList<Measurement>> readings);
}

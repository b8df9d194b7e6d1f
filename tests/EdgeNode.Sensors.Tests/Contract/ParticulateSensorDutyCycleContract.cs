namespace EdgeNode.Sensors.Tests.Contract;

/// <summary>
/// What every particulate sensor's driver promises about its duty cycle (wake, warm up, read, sleep), run against each
/// device by a subclass: the fan and laser are spared between reads, and a read out of turn says what to do.
/// </summary>
public abstract class ParticulateSensorDutyCycleContract
{
    /// <summary>The driver's description of the device on its rig's port: "PMS5003 on /dev/ttyAMA0".</summary>
    protected abstract string Description { get; }

    /// <summary>How far one noisy reading of 20 µg/m³ may stray, as the device's emulator makes noise.</summary>
    protected abstract double NoiseMicrogramsPerCubicMetre { get; }

    protected abstract IParticulateRig Rig(double pm25 = 7, double pm10 = 12, bool noise = true);

    [Fact]
    public async Task A_duty_cycle_of_wake_warm_up_read_sleep_works_again_and_again()
    {
        IParticulateRig rig = Rig(pm25: 20, pm10: 30);
        for (int cycle = 0; cycle < 5; cycle++)
        {
            await rig.WakeAndWarmUpAsync();
            Assert.InRange(await rig.ReadPm25Async(), 20 - NoiseMicrogramsPerCubicMetre, 20 + NoiseMicrogramsPerCubicMetre);
            await rig.Sensor.SleepAsync();
            rig.Time.Advance(TimeSpan.FromMinutes(4.5));
        }
    }

    [Fact]
    public async Task Reading_before_the_first_wake_is_a_warming_up_fault_naming_the_sensor()
    {
        IParticulateRig rig = Rig();

        SensorFaultException fault = await Assert.ThrowsAsync<SensorFaultException>(() => rig.Sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.WarmingUp, fault.Kind);
        Assert.Contains(Description, fault.Message);
        Assert.Contains("wake it first", fault.Message);
    }

    [Fact]
    public async Task Reading_within_the_warm_up_is_a_warming_up_fault_and_afterwards_succeeds()
    {
        IParticulateRig rig = Rig();
        await rig.Sensor.WakeAsync();
        rig.Time.Advance(rig.Sensor.WarmUp - TimeSpan.FromSeconds(0.1));

        SensorFaultException fault = await Assert.ThrowsAsync<SensorFaultException>(() => rig.Sensor.ReadAsync());
        Assert.Equal(SensorFaultKind.WarmingUp, fault.Kind);
        Assert.Contains(rig.Sensor.Description, fault.Message);

        rig.Time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(rig.Sensor.Metrics.Count, (await rig.Sensor.ReadAsync()).Count);
    }

    [Fact]
    public async Task Reading_while_asleep_is_a_warming_up_fault_and_leaves_the_sensor_asleep()
    {
        IParticulateRig rig = Rig();
        await rig.WakeAndWarmUpAsync();
        await rig.Sensor.SleepAsync();
        int commands = rig.CommandsReceived;

        SensorFaultException fault = await Assert.ThrowsAsync<SensorFaultException>(() => rig.Sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.WarmingUp, fault.Kind);
        Assert.Contains("asleep", fault.Message);
        Assert.Equal(commands, rig.CommandsReceived);
        Assert.True(rig.Sleeping);
    }
}

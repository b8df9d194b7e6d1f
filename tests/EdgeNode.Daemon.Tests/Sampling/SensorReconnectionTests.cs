using EdgeNode.Daemon.NodeHardware;
using EdgeNode.Daemon.Sampling;
using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors;
using EdgeNode.Sensors.Emulation;
using EdgeNode.Sensors.Ops243;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeNode.Daemon.Tests.Sampling;

/// <summary>
/// A technician unplugs a sensor on a running node and plugs it (or a replacement) back: sampling resumes without
/// restarting the service. Drivers are opened as the service opens them (<see cref="FittedSensors"/>) on the emulated
/// node, whose USB ports die with their adapter as the kernel's do.
/// </summary>
public sealed class SensorReconnectionTests
{
    private static readonly FaultBackoff Backoff = new(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(2), new Random(7));

    [Theory]
    [InlineData(SensorWiring.Sds011)] // USB adapter, /dev/ttyUSB0: the open port is dead for good
    [InlineData(SensorWiring.Pms5003)] // the Pi's UART, /dev/serial0: the port stays, the line falls silent
    [InlineData(SensorWiring.Bme280)] // I2C
    public async Task A_sensor_unplugged_and_plugged_back_is_read_again_without_a_restart(string sensor)
    {
        var time = new VirtualTimeProvider();
        using EmulatedNodeHardware hardware = Node(time);
        DateTimeOffset start = time.GetUtcNow();
        DateTimeOffset unplugAt = start.AddMinutes(10), plugBackAt = start.AddMinutes(20);
        var sink = new RecordingSink(time, start.AddMinutes(40));
        var technician = new RecordingSinkWithAction(sink, () => Technician(hardware, sensor, time, unplugAt, plugBackAt));
        FittedSensor fitted = FittedSensors.For(hardware, new SensorWiring(), 0x76).Single(f => f.Name == sensor);
        SamplingSchedule schedule = sensor == SensorWiring.Bme280 ? SamplingSchedule.EveryMinute : SamplingSchedule.DutyCycledParticulates;

        await new EnvironmentalSamplingLoop(sensor, fitted.OpenEnvironmental!, schedule, technician, new SamplingHeartbeat(time), Backoff, time, NullLogger.Instance)
            .RunAsync(sink.Stop.Token);

        Assert.Contains(sink.Readings, r => r.At < unplugAt);
        Assert.Contains(sink.Faults, f => f.At > unplugAt && f.At < plugBackAt);
        Assert.DoesNotContain(sink.Readings, r => r.At > unplugAt.AddMinutes(5) && r.At < plugBackAt);
        // Back within the longest back-off and one sampling cycle.
        Assert.Contains(sink.Readings, r => r.At > plugBackAt && r.At < plugBackAt.AddMinutes(8));
        Assert.DoesNotContain(sink.Faults, f => f.At > plugBackAt.AddMinutes(8));
    }

    [Fact]
    public async Task The_USB_radar_unplugged_and_plugged_back_counts_traffic_again()
    {
        var time = new VirtualTimeProvider();
        using EmulatedNodeHardware hardware = Node(time, new PoissonTraffic(time.GetUtcNow(), approachingPerHour: 120, recedingPerHour: 120, seed: 5));
        DateTimeOffset start = time.GetUtcNow();
        DateTimeOffset unplugAt = start.AddMinutes(10), plugBackAt = start.AddMinutes(20);
        var sink = new RecordingSink(time, start.AddMinutes(45));
        var technician = new RecordingSinkWithAction(sink, () => Technician(hardware, SensorWiring.Radar, time, unplugAt, plugBackAt));
        FittedSensor radar = FittedSensors.For(hardware, new SensorWiring(), 0x76).Single(f => f.Name == SensorWiring.Radar);

        await new TrafficSamplingLoop(SensorWiring.Radar, radar.OpenVehicleCounter!, TimeSpan.FromMinutes(1), technician, new SamplingHeartbeat(time), Backoff, time, NullLogger.Instance)
            .RunAsync(sink.Stop.Token);

        Assert.Contains(sink.Faults, f => f.At > unplugAt && f.At < plugBackAt);
        Assert.Contains(sink.Passages, p => p.At < unplugAt);
        Assert.Contains(sink.Passages, p => p.At > plugBackAt);
        Assert.DoesNotContain(sink.Faults, f => f.At > plugBackAt.AddMinutes(8));
    }

    [Fact]
    public async Task A_stuck_sensor_keeps_its_driver_so_that_it_stays_found_stuck()
    {
        var time = new VirtualTimeProvider();
        using EmulatedNodeHardware hardware = Node(time);
        hardware.Sds011.Fault = EmulatedFault.Stuck;
        var sink = new RecordingSink(time, time.GetUtcNow().AddHours(2));
        FittedSensor fitted = FittedSensors.For(hardware, new SensorWiring(), 0x76).Single(f => f.Name == SensorWiring.Sds011);
        int opened = 0;
        Task<IEnvironmentalSensor> Open(CancellationToken ct)
        {
            opened++;
            return fitted.OpenEnvironmental!(ct);
        }

        await new EnvironmentalSamplingLoop(SensorWiring.Sds011, Open, SamplingSchedule.DutyCycledParticulates, sink, new SamplingHeartbeat(time), Backoff, time, NullLogger.Instance)
            .RunAsync(sink.Stop.Token);

        Assert.Equal(1, opened);
        Assert.Contains(sink.Faults, f => f.Kind == SensorFaultKind.Stuck);
        // Once found stuck, never read as good again: a fresh driver would take its first stuck values for new ones.
        DateTimeOffset firstStuck = sink.Faults.First(f => f.Kind == SensorFaultKind.Stuck).At;
        Assert.DoesNotContain(sink.Readings, r => r.At > firstStuck);
    }

    private static EmulatedNodeHardware Node(TimeProvider time, ITrafficModel? traffic = null) =>
        new(time, new ConstantAmbient(AmbientConditions.Typical), traffic ?? ScriptedTraffic.EmptyRoad, new SensorWiring());

    private static void Technician(EmulatedNodeHardware hardware, string sensor, TimeProvider time, DateTimeOffset unplugAt, DateTimeOffset plugBackAt)
    {
        DateTimeOffset now = time.GetUtcNow();
        if (now >= plugBackAt)
        {
            hardware.PlugBack(sensor);
        }
        else if (now >= unplugAt)
        {
            hardware.Remove(sensor);
        }
    }
}

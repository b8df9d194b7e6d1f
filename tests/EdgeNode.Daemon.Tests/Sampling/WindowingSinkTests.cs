using EdgeNode.Daemon.Aggregation;
using EdgeNode.Daemon.Alerts;
using EdgeNode.Daemon.Sampling;
using EdgeNode.Daemon.Status;
using EdgeNode.Daemon.Windows;
using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors;
using EdgeNode.Sensors.Emulation;
using EdgeNode.Sensors.Ops243;
using EdgeNode.Sensors.Sds011;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeNode.Daemon.Tests.Sampling;

/// <summary>From the wire to closed windows and alerts: emulated sensor, real driver, sampling loop, aggregator.</summary>
public class WindowingSinkTests
{
    private static readonly FaultBackoff Backoff = new(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(15), new Random(1));

    private static List<ClosedWindow> Drain(WindowAggregator aggregator)
    {
        aggregator.CloseDueWindows();
        var windows = new List<ClosedWindow>();
        while (aggregator.ClosedWindows.TryRead(out ClosedWindow? window))
        {
            windows.Add(window);
        }

        return windows;
    }

    [Fact]
    public async Task A_duty_cycled_particulate_sensor_fills_whole_windows_and_a_polluted_hour_raises_one_alert()
    {
        var time = new VirtualTimeProvider();
        var ambient = new ConstantAmbient(AmbientConditions.Typical with { Pm25MicrogramsPerCubicMetre = 80, Pm10MicrogramsPerCubicMetre = 95 });
        var emulator = new Sds011Emulator(ambient);
        var aggregator = new WindowAggregator(new WindowAggregationOptions(), time);
        var alerts = new PollutionAlertEvaluator(new PollutionAlertOptions());
        var stop = new RecordingSink(time, time.GetUtcNow().AddHours(2));
        var sink = new RecordingSinkWithAction(new WindowingSink(aggregator, alerts, new SensorStatusBoard(time)), stop.CheckClock);

        await new EnvironmentalSamplingLoop("sds011", _ => Task.FromResult<IEnvironmentalSensor>(new Sds011Sensor(new EmulatedSerialPort(emulator, time), time)),
            SamplingSchedule.DutyCycledParticulates, sink, new SamplingHeartbeat(time), Backoff, time, NullLogger.Instance).RunAsync(stop.Stop.Token);
        List<ClosedWindow> windows = Drain(aggregator);

        Assert.InRange(windows.Count, 7, 8);
        // The very first window lacks the first warm-up: 30 s of 15 min.
        Assert.Equal(14.5 / 15, Assert.Single(windows[0].Sensors).Coverage, 3);
        Assert.All(windows.Skip(1).SkipLast(1), w =>
        {
            SensorWindow pm = Assert.Single(w.Sensors);
            Assert.Equal("sds011", pm.Sensor);
            Assert.Equal(1.0, pm.Coverage, 3);
            Assert.Equal(0, pm.Faults);
            MetricSummary pm25 = pm.Metrics.Single(m => m.Metric == Metric.Pm25MicrogramsPerCubicMetre);
            Assert.Equal(15, pm25.Count);
            Assert.InRange(pm25.Mean, 70, 90);
        });
        Assert.True(alerts.Alerts.TryRead(out PollutionAlert? alert));
        Assert.Equal(Metric.Pm25MicrogramsPerCubicMetre, alert.Metric);
        Assert.Equal(AlertTransition.Raised, alert.Transition);
        Assert.False(alerts.Alerts.TryRead(out _), "the alert flapped");
    }

    [Fact]
    public async Task An_empty_road_is_covered_and_counted_as_no_traffic_not_as_a_gap()
    {
        var time = new VirtualTimeProvider();
        var emulator = new Ops243Emulator(new ScriptedTraffic([]));
        var aggregator = new WindowAggregator(new WindowAggregationOptions { VehicleCounterFitted = true }, time);
        var stop = new RecordingSink(time, time.GetUtcNow().AddMinutes(45));
        var sink = new RecordingSinkWithAction(new WindowingSink(aggregator, new PollutionAlertEvaluator(new PollutionAlertOptions()), new SensorStatusBoard(time)), stop.CheckClock);

        await new TrafficSamplingLoop("ops243", async ct =>
            {
                var counter = new Ops243Counter(new EmulatedSerialPort(emulator, time), time);
                await counter.StartAsync(ct);
                return counter;
            },
            TimeSpan.FromMinutes(1), sink, new SamplingHeartbeat(time), Backoff, time, NullLogger.Instance).RunAsync(stop.Stop.Token);
        List<ClosedWindow> windows = Drain(aggregator);

        ClosedWindow first = windows[0];
        Assert.Equal(0, first.Traffic!.Approaching + first.Traffic.Receding);
        Assert.Null(first.Traffic.V85KilometresPerHour);
        Assert.True(Assert.Single(first.Sensors).Coverage > 0.9);
    }
}

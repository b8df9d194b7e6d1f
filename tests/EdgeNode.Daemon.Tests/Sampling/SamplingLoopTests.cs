using EdgeNode.Daemon.Sampling;
using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors;
using EdgeNode.Sensors.Bme280;
using EdgeNode.Sensors.Emulation;
using EdgeNode.Sensors.Ops243;
using EdgeNode.Sensors.Pms5003;
using EdgeNode.Sensors.Scd4x;
using EdgeNode.Sensors.Sds011;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeNode.Daemon.Tests.Sampling;

/// <summary>The sampling loops driving the real drivers against emulated sensors, on a virtual clock.</summary>
public class SamplingLoopTests
{
    private static readonly FaultBackoff Backoff = new(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(15), new Random(42));

    private static EnvironmentalSamplingLoop Loop(string name, Func<CancellationToken, Task<IEnvironmentalSensor>> open, SamplingSchedule schedule,
        ISampleSink sink, TimeProvider time, SamplingHeartbeat? heartbeat = null) =>
        new(name, open, schedule, sink, heartbeat ?? new SamplingHeartbeat(time), Backoff, time, NullLogger.Instance);

    [Fact]
    public async Task A_plain_sensor_is_read_once_a_minute_and_each_reading_stands_for_a_minute()
    {
        var time = new VirtualTimeProvider();
        var bus = new EmulatedI2cBus();
        bus.Attach(0x76, new Bme280Emulator(time, new ConstantAmbient(AmbientConditions.Typical)));
        var sink = new RecordingSink(time, time.GetUtcNow().AddMinutes(10));

        await Loop("bme280", async ct => await Bme280Sensor.OpenAsync(bus.CreateDevice(0x76), time, ct), SamplingSchedule.EveryMinute, sink, time)
            .RunAsync(sink.Stop.Token);

        (string Sensor, IReadOnlyList<Measurement> Values, DateTimeOffset At, TimeSpan StandsFor)[] readings = sink.Readings.ToArray();
        Assert.InRange(readings.Length, 10, 11);
        Assert.Empty(sink.Faults);
        Assert.All(readings.Zip(readings.Skip(1)), pair => Assert.InRange((pair.Second.At - pair.First.At).TotalSeconds, 59.95, 60.05));
        Assert.All(readings, r => Assert.Equal(TimeSpan.FromMinutes(1), r.StandsFor));
        Assert.All(readings, r => Assert.Equal(18.5, r.Values.Single(m => m.Metric == Metric.TemperatureCelsius).Value, 1));
    }

    [Fact]
    public async Task A_particulate_sensor_is_woken_every_five_minutes_read_only_once_warm_and_put_back_to_sleep()
    {
        var time = new VirtualTimeProvider();
        var emulator = new Sds011Emulator(new ConstantAmbient(AmbientConditions.Typical));
        var sink = new RecordingSink(time, time.GetUtcNow().AddMinutes(30));

        await Loop("sds011", _ => Task.FromResult<IEnvironmentalSensor>(new Sds011Sensor(new EmulatedSerialPort(emulator, time), time)),
            SamplingSchedule.DutyCycledParticulates, sink, time).RunAsync(sink.Stop.Token);

        Assert.Empty(sink.Faults);
        IGrouping<int, (string Sensor, IReadOnlyList<Measurement> Values, DateTimeOffset At, TimeSpan StandsFor)>[] bursts = sink.Readings.GroupBy(r => (int)((r.At - sink.Readings.First().At).TotalMinutes / 5)).ToArray();
        Assert.InRange(bursts.Length, 5, 7);
        Assert.All(bursts, burst =>
        {
            // 10 s of readings 2.5 s apart once the 30 s warm-up is over.
            Assert.Equal(5, burst.Count());
            // Each value stands until the next is due; together they stand for the whole 5-minute cycle.
            Assert.Equal(TimeSpan.FromMinutes(5).TotalSeconds, burst.Sum(r => r.StandsFor.TotalSeconds), 1);
        });
        Assert.True(emulator.Sleeping, "the sensor was left running when the loop stopped");
    }

    [Fact]
    public async Task A_failing_sensor_is_retried_ever_later_and_recovers_when_it_answers_again()
    {
        var time = new VirtualTimeProvider();
        var bus = new EmulatedI2cBus();
        var emulator = new Scd4xEmulator(time, new ConstantAmbient(AmbientConditions.Typical));
        bus.Attach(0x62, emulator);
        bus.Disconnect(0x62);
        var sink = new RecordingSink(time, time.GetUtcNow().AddMinutes(30));
        DateTimeOffset reconnectAt = time.GetUtcNow().AddMinutes(10);
        var watcher = new RecordingSinkWithAction(sink, () =>
        {
            if (time.GetUtcNow() >= reconnectAt)
            {
                bus.Reconnect(0x62);
            }
        });

        await Loop("scd4x", async ct => await Scd4xSensor.OpenAsync(bus.CreateDevice(0x62), time, Scd4xMeasurementMode.Periodic, ct),
            SamplingSchedule.EveryMinute, watcher, time).RunAsync(sink.Stop.Token);

        (string Sensor, SensorFaultKind Kind, DateTimeOffset At)[] faults = sink.Faults.ToArray();
        Assert.All(faults, f => Assert.Equal(SensorFaultKind.NotPresent, f.Kind));
        double[] gaps = faults.Zip(faults.Skip(1), (a, b) => (b.At - a.At).TotalSeconds).ToArray();
        Assert.True(gaps.Length >= 4, $"only {faults.Length} attempts in 10 minutes");
        Assert.InRange(gaps[0], 8, 12);
        Assert.InRange(gaps[1], 16, 24);
        Assert.InRange(gaps[2], 32, 48);
        Assert.Contains(sink.Readings, r => r.At >= reconnectAt && r.Values.Any(m => m.Metric == Metric.Co2PartsPerMillion));
        Assert.DoesNotContain(sink.Faults, f => f.At > sink.Readings.First().At.AddMinutes(1));
    }

    [Fact]
    public async Task A_broken_sensor_never_stops_another_from_being_read()
    {
        // Both loops share one virtual clock, whose waits add up, so the test counts readings, not minutes.
        var time = new VirtualTimeProvider();
        var bus = new EmulatedI2cBus();
        bus.Attach(0x76, new Bme280Emulator(time, new ConstantAmbient(AmbientConditions.Typical)));
        var sink = new RecordingSink(time, DateTimeOffset.MaxValue,
            s => s.Readings.Count(r => r.Sensor == "bme280") >= 10 && s.Faults.Count(f => f.Sensor == "scd4x") >= 3);

        Task good = Loop("bme280", async ct => await Bme280Sensor.OpenAsync(bus.CreateDevice(0x76), time, ct), SamplingSchedule.EveryMinute, sink, time)
            .RunAsync(sink.Stop.Token);
        Task broken = Loop("scd4x", async ct => await Scd4xSensor.OpenAsync(bus.CreateDevice(0x62), time, Scd4xMeasurementMode.Periodic, ct),
            SamplingSchedule.EveryMinute, sink, time).RunAsync(sink.Stop.Token);
        await Task.WhenAll(good, broken).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(sink.Faults.Count(f => f.Sensor == "scd4x") >= 3);
        Assert.DoesNotContain(sink.Faults, f => f.Sensor == "bme280");
        Assert.True(sink.Readings.Count(r => r.Sensor == "bme280") >= 10);
    }

    [Fact]
    public async Task A_particulate_sensor_keeps_being_read_after_the_process_stalled_longer_than_its_cycle_while_it_was_awake()
    {
        // The field's lost PMS5003: under load its awake period outlasted the 5-minute cycle, and the loop ended for good.
        var time = new VirtualTimeProvider();
        var emulator = new StallingPeripheral(new Pms5003Emulator(new ConstantAmbient(AmbientConditions.Typical)), time, stallAtCommand: 5, TimeSpan.FromMinutes(6));
        DateTimeOffset start = time.GetUtcNow();
        var sink = new RecordingSink(time, start.AddMinutes(40));

        await Loop("pms5003", _ => Task.FromResult<IEnvironmentalSensor>(new Pms5003Sensor(new EmulatedSerialPort(emulator, time), time)),
            SamplingSchedule.DutyCycledParticulates, sink, time).RunAsync(sink.Stop.Token).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(time.GetUtcNow() >= start.AddMinutes(40), $"the loop ended by itself at {time.GetUtcNow() - start} instead of running until stopped");
        Assert.Contains(sink.Readings, r => r.At >= start.AddMinutes(30));
        // A value holds until the next is read, never less than nothing: the aggregator refuses a negative span.
        Assert.All(sink.Readings, r => Assert.InRange(r.StandsFor, TimeSpan.Zero, TimeSpan.FromMinutes(12)));
    }

    [Fact]
    public async Task A_sampling_loop_carries_on_after_an_unexpected_error_while_delivering_a_reading()
    {
        var time = new VirtualTimeProvider();
        var bus = new EmulatedI2cBus();
        bus.Attach(0x76, new Bme280Emulator(time, new ConstantAmbient(AmbientConditions.Typical)));
        var sink = new RecordingSink(time, time.GetUtcNow().AddMinutes(10));
        int deliveries = 0;
        var failingOnce = new RecordingSinkWithAction(sink, () =>
        {
            if (++deliveries == 2)
            {
                throw new InvalidOperationException("a bug downstream of the sensor");
            }
        });

        await Loop("bme280", async ct => await Bme280Sensor.OpenAsync(bus.CreateDevice(0x76), time, ct), SamplingSchedule.EveryMinute, failingOnce, time)
            .RunAsync(sink.Stop.Token).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.InRange(sink.Readings.Count, 8, 11);
    }

    [Fact]
    public void At_a_thousand_times_real_speed_a_beat_a_few_real_milliseconds_late_is_not_late()
    {
        // The radar's allowance is two 5-s slices: 10 ms of real time at 1 000×, less than a busy machine's scheduling jitter.
        var time = new ScaledTimeProvider(1000, DateTimeOffset.UtcNow);
        var heartbeat = new SamplingHeartbeat(time, TimeProvider.System);
        heartbeat.Beat("ops243", TimeSpan.FromSeconds(10));

        Thread.Sleep(TimeSpan.FromMilliseconds(60));

        Assert.Empty(heartbeat.LateLoops());
        Assert.False(heartbeat.IsHung);
    }

    [Fact]
    public void One_stalled_loop_is_late_but_the_process_is_hung_only_when_no_loop_moves()
    {
        var time = new VirtualTimeProvider();
        var heartbeat = new SamplingHeartbeat(time);
        heartbeat.Beat("bme280", TimeSpan.FromMinutes(2));
        heartbeat.Beat("pms5003", TimeSpan.FromMinutes(10));

        for (int minute = 0; minute < 30; minute++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            heartbeat.Beat("bme280", TimeSpan.FromMinutes(2));
        }

        Assert.Equal(["pms5003"], heartbeat.LateLoops());
        Assert.False(heartbeat.IsHung, "one stalled sensor made the watchdog restart the whole node");

        time.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal(["bme280", "pms5003"], heartbeat.LateLoops());
        Assert.True(heartbeat.IsHung);
    }

    [Fact]
    public async Task The_radar_is_listened_to_without_pause_and_its_passages_delivered()
    {
        var time = new VirtualTimeProvider();
        var traffic = new PoissonTraffic(time.GetUtcNow(), approachingPerHour: 60, recedingPerHour: 40, seed: 3);
        var emulator = new Ops243Emulator(traffic);
        var sink = new RecordingSink(time, time.GetUtcNow().AddHours(1));
        var loop = new TrafficSamplingLoop("ops243", async ct =>
            {
                var counter = new Ops243Counter(new EmulatedSerialPort(emulator, time), time);
                await counter.StartAsync(ct);
                return counter;
            },
            TimeSpan.FromMinutes(1), sink, new SamplingHeartbeat(time), Backoff, time, NullLogger.Instance);

        await loop.RunAsync(sink.Stop.Token);

        Assert.Empty(sink.Faults);
        Assert.InRange(sink.Passages.Count, 70, 110);
        Assert.Contains(sink.Passages, p => p.Direction == TravelDirection.Receding);
    }

    [Fact]
    public void The_heartbeat_names_a_loop_that_stopped_beating()
    {
        var time = new VirtualTimeProvider();
        var heartbeat = new SamplingHeartbeat(time);
        heartbeat.Beat("bme280", TimeSpan.FromMinutes(2));
        heartbeat.Beat("sds011", TimeSpan.FromMinutes(10));

        time.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal(["bme280"], heartbeat.LateLoops());
    }

    [Fact]
    public void Back_off_doubles_within_its_jitter_up_to_its_cap()
    {
        var backoff = new FaultBackoff(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(15), new Random(7));

        Assert.InRange(backoff.Delay(1).TotalSeconds, 8, 12);
        Assert.InRange(backoff.Delay(2).TotalSeconds, 16, 24);
        Assert.InRange(backoff.Delay(4).TotalSeconds, 64, 96);
        Assert.InRange(backoff.Delay(40).TotalMinutes, 12, 18);
    }
}

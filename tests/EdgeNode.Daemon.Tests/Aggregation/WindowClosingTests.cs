using EdgeNode.Daemon.Aggregation;
using EdgeNode.Daemon.Windows;
using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors;
using static EdgeNode.Daemon.Tests.Aggregation.AggregatorRig;

namespace EdgeNode.Daemon.Tests.Aggregation;

public class WindowClosingTests
{
    [Fact]
    public void A_window_closes_once_the_clock_is_past_its_end_by_the_grace_period()
    {
        var rig = new AggregatorRig(At(10, 0));
        rig.Read("bme280", At(10, 1), 18.0);

        Assert.Empty(rig.CloseAt(At(10, 15, 1.999)));
        ClosedWindow window = Assert.Single(rig.CloseAt(At(10, 15, 2)));

        Assert.Equal(At(10, 0), window.Start);
        Assert.Equal(TimeSpan.FromMinutes(15), window.Length);
    }

    [Fact]
    public void A_reading_stamped_before_the_boundary_and_reported_within_the_grace_goes_to_its_own_window()
    {
        var rig = new AggregatorRig(At(10, 0));
        rig.AdvanceTo(At(10, 15, 1));
        rig.Read("bme280", At(10, 15, 0.5), 30.0);

        Assert.True(rig.Read("bme280", At(10, 14, 59.9), 10.0));

        List<ClosedWindow> windows = rig.CloseAt(At(10, 30, 2));
        Assert.Equal(10.0, windows[0].Sensors[0].Metrics[0].Mean);
        Assert.Equal(30.0, windows[1].Sensors[0].Metrics[0].Mean);
    }

    [Fact]
    public void A_late_reading_for_a_closed_window_is_dropped_and_counted_not_put_in_the_next()
    {
        var rig = new AggregatorRig(At(10, 0));
        rig.Read("bme280", At(10, 1), 18.0);
        Assert.Single(rig.CloseAt(At(10, 15, 2)));

        Assert.False(rig.Read("bme280", At(10, 14, 59), 99.0));
        Assert.False(rig.Aggregator.RecordFault("bme280", SensorFaultKind.Stuck, At(10, 14, 59)));

        ClosedWindow next = Assert.Single(rig.CloseAt(At(10, 30, 2)));
        Assert.Empty(next.Sensors);
        Assert.Equal(2, rig.Aggregator.Counters.LateRecordsDropped);
    }

    [Fact]
    public void A_record_stamped_more_than_a_window_ahead_of_the_clock_is_dropped_and_counted()
    {
        var rig = new AggregatorRig(At(10, 0));

        Assert.True(rig.Read("bme280", At(10, 14, 59), 18.0));
        Assert.False(rig.Read("bme280", At(10, 15), 18.0));
        Assert.Equal(1, rig.Aggregator.Counters.EarlyRecordsDropped);
    }

    [Fact]
    public void Windows_in_which_nothing_happened_are_still_emitted_empty_so_the_gap_shows()
    {
        var rig = new AggregatorRig(At(10, 0));
        rig.Read("bme280", At(10, 1), 18.0);

        List<ClosedWindow> windows = rig.CloseAt(At(11, 0, 2));

        Assert.Equal([At(10, 0), At(10, 15), At(10, 30), At(10, 45)], windows.Select(w => w.Start));
        Assert.All(windows.Skip(1), w => Assert.Empty(w.Sensors));
        Assert.All(windows, w => Assert.Null(w.Traffic));
        Assert.All(windows, w => Assert.False(w.Partial));
    }

    [Fact]
    public void Every_window_carries_each_fitted_sensor_with_its_fault_when_it_gave_nothing()
    {
        // The SDS011 failed once, then waits out a long back-off; the SCD41 never reported anything at all.
        var rig = new AggregatorRig(At(10, 0));
        rig.Aggregator.Expect("bme280");
        rig.Aggregator.Expect("sds011");
        rig.Aggregator.Expect("scd4x");
        rig.Read("bme280", At(10, 1), 18.0);
        rig.Aggregator.RecordFault("sds011", SensorFaultKind.NotAnswering, At(10, 2));

        List<ClosedWindow> windows = rig.CloseAt(At(10, 45, 2));

        Assert.Equal(3, windows.Count);
        Assert.All(windows, w => Assert.Equal(["bme280", "scd4x", "sds011"], w.Sensors.Select(s => s.Sensor)));
        SensorWindow[] sds = windows.Select(w => w.Sensors.Single(s => s.Sensor == "sds011")).ToArray();
        Assert.Equal([1, 0, 0], sds.Select(s => s.Faults));
        Assert.All(sds, s => Assert.Equal(SensorFaultKind.NotAnswering, s.LastFault));
        Assert.All(sds, s => Assert.Equal(0, s.Coverage));
        Assert.All(windows, w => Assert.Equal(SensorFaultKind.Stale, w.Sensors.Single(s => s.Sensor == "scd4x").LastFault));
        // The BME280 read in the first window only; after it, it gave nothing without a fault either.
        Assert.Null(windows[0].Sensors.Single(s => s.Sensor == "bme280").LastFault);
        Assert.Equal(SensorFaultKind.Stale, windows[2].Sensors.Single(s => s.Sensor == "bme280").LastFault);

        rig.Read("sds011", At(10, 46), 18.0);
        Assert.Null(rig.CloseAt(At(11, 0, 2)).Single().Sensors.Single(s => s.Sensor == "sds011").LastFault);
    }

    [Fact]
    public void A_process_stalled_for_hours_emits_every_window_it_missed_with_its_sensors_stale()
    {
        // The whole process stood still (a loaded machine, SIGSTOP): the wall clock and the monotonic clock moved
        // together, so this is no clock step and every window in between happened, without any reading.
        var rig = new AggregatorRig(At(10, 0));
        rig.Aggregator.Expect("bme280");
        rig.Aggregator.Expect("sds011");
        rig.Read("bme280", At(10, 1), 18.0);
        rig.Aggregator.RecordFault("sds011", SensorFaultKind.NotAnswering, At(10, 2));

        List<ClosedWindow> windows = rig.CloseAt(At(12, 15, 2));

        Assert.Equal(Enumerable.Range(0, 9).Select(i => At(10, 0) + TimeSpan.FromMinutes(15 * i)), windows.Select(w => w.Start));
        Assert.All(windows, w => Assert.False(w.Partial));
        Assert.All(windows.Skip(1), w => Assert.All(w.Sensors, s => Assert.Empty(s.Metrics)));
        Assert.All(windows.Skip(1), w => Assert.Equal(
            [("bme280", SensorFaultKind.Stale), ("sds011", SensorFaultKind.NotAnswering)], w.Sensors.Select(s => (s.Sensor, s.LastFault))));
        Assert.Equal(0, rig.Aggregator.Counters.ClockSteps);
    }

    [Fact]
    public void With_a_traffic_sensor_an_empty_window_says_no_vehicle_passed()
    {
        var rig = new AggregatorRig(At(10, 0), o => o.VehicleCounterFitted = true);

        TrafficWindow traffic = Assert.Single(rig.CloseAt(At(10, 15, 2))).Traffic!;

        Assert.Equal((0, 0, null), (traffic.Approaching, traffic.Receding, traffic.V85KilometresPerHour));
        Assert.Equal(new int[16], traffic.SpeedHistogram);
    }

    [Fact]
    public void A_service_that_starts_mid_window_marks_that_first_window_partial_and_only_that_one()
    {
        var rig = new AggregatorRig(At(10, 7));
        rig.Read("bme280", At(10, 7), TimeSpan.FromMinutes(8), new Measurement(Metric.TemperatureCelsius, 18));

        List<ClosedWindow> windows = rig.CloseAt(At(10, 30, 2));

        Assert.Equal([true, false], windows.Select(w => w.Partial));
        Assert.Equal(8.0 / 15.0, windows[0].Sensors[0].Coverage);
    }

    [Fact]
    public void A_service_that_starts_on_a_boundary_has_a_whole_first_window()
    {
        var rig = new AggregatorRig(At(10, 15));

        Assert.False(Assert.Single(rig.CloseAt(At(10, 30, 2))).Partial);
    }

    [Fact]
    public void A_graceful_stop_closes_the_window_in_progress_as_partial_with_coverage_up_to_the_stop()
    {
        var rig = new AggregatorRig(At(10, 0));
        for (DateTimeOffset at = At(10, 0); at < At(10, 5); at += TimeSpan.FromSeconds(5))
        {
            rig.AdvanceTo(at);
            rig.Read("bme280", at, 18.0);
        }

        rig.AdvanceTo(At(10, 5));
        rig.Aggregator.Stop();

        ClosedWindow window = Assert.Single(rig.Drain());
        Assert.True(window.Partial);
        Assert.Equal(At(10, 0), window.Start);
        Assert.Equal(TimeSpan.FromMinutes(15), window.Length);
        Assert.Equal(1.0 / 3.0, window.Sensors[0].Coverage);
        Assert.Equal(60, window.Sensors[0].Metrics[0].Count);
        Assert.True(rig.Aggregator.ClosedWindows.Completion.IsCompleted);
    }

    [Fact]
    public void A_stop_within_the_grace_period_emits_the_finished_window_whole_and_the_new_one_partial()
    {
        var rig = new AggregatorRig(At(10, 0));
        rig.Read("bme280", At(10, 1), 18.0);
        rig.AdvanceTo(At(10, 15, 1));

        rig.Aggregator.Stop();

        List<ClosedWindow> windows = rig.Drain();
        Assert.Equal([(At(10, 0), false), (At(10, 15), true)], windows.Select(w => (w.Start, w.Partial)));
        Assert.Equal(10.0 / 900.0, windows[0].Sensors[0].Coverage);
    }

    [Fact]
    public void Records_reported_after_the_stop_are_dropped_as_late()
    {
        var rig = new AggregatorRig(At(10, 0));
        rig.Aggregator.Stop();

        Assert.False(rig.Read("bme280", At(10, 0), 18.0));
        Assert.Equal(1, rig.Aggregator.Counters.LateRecordsDropped);
    }

    [Fact]
    public void A_window_carries_the_worst_time_quality_in_force_while_it_was_open()
    {
        var rig = new AggregatorRig(At(10, 0));
        rig.Aggregator.TimeQuality = WindowTimeQuality.Unconfirmed;
        rig.AdvanceTo(At(10, 10));
        rig.Aggregator.TimeQuality = WindowTimeQuality.Synchronised;

        List<ClosedWindow> windows = rig.CloseAt(At(10, 30, 2));

        Assert.Equal([WindowTimeQuality.Unconfirmed, WindowTimeQuality.Synchronised], windows.Select(w => w.Time));
    }

    [Fact]
    public void A_clock_set_forward_by_years_gives_one_partial_window_of_what_was_recorded_not_a_flood()
    {
        var clock = new SteppableClock(new DateTimeOffset(1970, 1, 1, 0, 2, 0, TimeSpan.Zero));
        var aggregator = new WindowAggregator(new WindowAggregationOptions(), clock);
        aggregator.RecordReading("bme280", [new(Metric.TemperatureCelsius, 18)], clock.Now, TimeSpan.FromSeconds(10));

        clock.Now = At(10, 7);
        aggregator.RecordReading("bme280", [new(Metric.TemperatureCelsius, 19)], clock.Now, TimeSpan.FromSeconds(10));
        clock.Now = At(10, 15, 2);
        aggregator.CloseDueWindows();

        Assert.True(aggregator.ClosedWindows.TryRead(out ClosedWindow? before));
        Assert.Equal((1970, true, 18.0), (before.Start.Year, before.Partial, before.Sensors[0].Metrics[0].Mean));
        Assert.True(aggregator.ClosedWindows.TryRead(out ClosedWindow? after));
        Assert.Equal((At(10, 0), true, 19.0), (after.Start, after.Partial, after.Sensors[0].Metrics[0].Mean));
        Assert.False(aggregator.ClosedWindows.TryRead(out _));
        Assert.Equal(1, aggregator.Counters.ClockSteps);
    }

    [Fact]
    public void A_small_step_back_emits_no_window_twice_and_drops_what_falls_in_closed_windows()
    {
        var clock = new SteppableClock(At(10, 15, 3));
        var aggregator = new WindowAggregator(new WindowAggregationOptions(), clock);
        clock.Now = At(10, 30, 3);
        aggregator.CloseDueWindows();
        Assert.True(aggregator.ClosedWindows.TryRead(out _));

        clock.Now = At(10, 29);
        Assert.False(aggregator.RecordReading("bme280", [new(Metric.TemperatureCelsius, 18)], clock.Now, TimeSpan.FromSeconds(10)));
        clock.Now = At(10, 45, 2);
        aggregator.CloseDueWindows();

        Assert.True(aggregator.ClosedWindows.TryRead(out ClosedWindow? next));
        Assert.Equal(At(10, 30), next.Start);
        Assert.Equal(0, aggregator.Counters.ClockSteps);
        Assert.Equal(1, aggregator.Counters.LateRecordsDropped);
    }

    [Fact]
    public void A_large_step_back_closes_what_was_recorded_as_partial_and_starts_again()
    {
        var clock = new SteppableClock(At(12, 0));
        var aggregator = new WindowAggregator(new WindowAggregationOptions(), clock);
        aggregator.RecordReading("bme280", [new(Metric.TemperatureCelsius, 18)], clock.Now, TimeSpan.FromSeconds(10));

        clock.Now = At(10, 7);
        Assert.True(aggregator.RecordReading("bme280", [new(Metric.TemperatureCelsius, 19)], clock.Now, TimeSpan.FromSeconds(10)));
        clock.Now = At(10, 15, 2);
        aggregator.CloseDueWindows();

        Assert.True(aggregator.ClosedWindows.TryRead(out ClosedWindow? before));
        Assert.Equal((At(12, 0), true), (before.Start, before.Partial));
        Assert.True(aggregator.ClosedWindows.TryRead(out ClosedWindow? after));
        Assert.Equal((At(10, 0), true, 19.0), (after.Start, after.Partial, after.Sensors[0].Metrics[0].Mean));
        Assert.Equal(1, aggregator.Counters.ClockSteps);
    }

    [Fact]
    public async Task Running_closes_windows_on_time_without_any_reading()
    {
        var clock = new VirtualTimeProvider(At(10, 7));
        var aggregator = new WindowAggregator(new WindowAggregationOptions(), clock);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        Task running = aggregator.RunAsync(cancellation.Token);
        var windows = new List<ClosedWindow>();
        while (windows.Count < 3)
        {
            windows.Add(await aggregator.ClosedWindows.ReadAsync(cancellation.Token));
        }

        await cancellation.CancelAsync();
        await running;
        Assert.Equal([At(10, 0), At(10, 15), At(10, 30)], windows.Select(w => w.Start));
        Assert.Equal([true, false, false], windows.Select(w => w.Partial));
        Assert.Equal(0, aggregator.Counters.ClockSteps);
    }

    [Fact]
    public async Task Running_ends_when_the_aggregator_is_stopped()
    {
        var clock = new VirtualTimeProvider(At(10, 7));
        var aggregator = new WindowAggregator(new WindowAggregationOptions(), clock);
        aggregator.Stop();

        await aggregator.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(Assert.Single(await aggregator.ClosedWindows.ReadAllAsync().ToListAsync()).Partial);
    }
}

using EdgeNode.Daemon.Aggregation;
using EdgeNode.Daemon.Windows;
using EdgeNode.Hardware.Emulation;
using static EdgeNode.Daemon.Tests.Aggregation.AggregatorRig;

namespace EdgeNode.Daemon.Tests.Aggregation;

public class WindowAlignmentTests
{
    [Fact]
    public void A_reading_at_10_07_belongs_to_the_window_from_10_00_to_10_15()
    {
        var rig = new AggregatorRig(At(10, 0));
        rig.AdvanceTo(At(10, 7));
        rig.Read("bme280", At(10, 7), 18.5);

        ClosedWindow window = Assert.Single(rig.CloseAt(At(10, 15, 2)));

        Assert.Equal(At(10, 0), window.Start);
        Assert.Equal(At(10, 15), window.End);
        Assert.Equal(18.5, Assert.Single(Assert.Single(window.Sensors).Metrics).Mean);
    }

    [Fact]
    public void A_timestamp_with_a_local_offset_falls_in_the_window_of_its_UTC_time()
    {
        var rig = new AggregatorRig(At(10, 0));
        rig.AdvanceTo(At(10, 20));
        rig.Read("bme280", new DateTimeOffset(2026, 1, 15, 11, 22, 0, TimeSpan.FromHours(1)), 18.5);

        ClosedWindow window = rig.CloseAt(At(10, 30, 2))[^1];

        Assert.Equal(At(10, 15), window.Start);
        Assert.Equal(TimeSpan.Zero, window.Start.Offset);
        Assert.Single(window.Sensors);
    }

    [Theory]
    [InlineData(5, 10, 7, 10, 5)]
    [InlineData(60, 10, 59, 10, 0)]
    [InlineData(30, 0, 29, 0, 0)]
    public void Windows_of_any_length_that_divides_a_day_start_on_its_multiples(int minutes, int hour, int minute, int startHour, int startMinute)
    {
        var grid = new WindowGrid(TimeSpan.FromMinutes(minutes));

        Assert.Equal(At(startHour, startMinute), grid.StartOf(At(hour, minute, 59.999)));
    }

    [Fact]
    public void A_window_starts_at_its_boundary_and_ends_just_before_the_next()
    {
        var grid = new WindowGrid(TimeSpan.FromMinutes(15));

        Assert.Equal(At(10, 15), grid.StartOf(At(10, 15)));
        Assert.Equal(At(10, 0), grid.StartOf(At(10, 15).AddTicks(-1)));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(25)]
    [InlineData(0)]
    [InlineData(2000)]
    public void A_window_length_that_does_not_divide_a_day_is_refused_with_what_to_set(int minutes)
    {
        var options = new WindowAggregationOptions { WindowLength = TimeSpan.FromMinutes(minutes) };

        ArgumentException error = Assert.Throws<ArgumentException>(() => new WindowAggregator(options, new VirtualTimeProvider()));

        Assert.Contains("Aggregation:WindowLength", error.Message);
        Assert.Contains("divide a day", error.Message);
        Assert.Contains("00:15:00", error.Message);
    }

    [Fact]
    public void Every_bad_setting_is_named_at_once()
    {
        var options = new WindowAggregationOptions
        {
            LateArrivalGrace = TimeSpan.FromMinutes(10),
            MaximumSpeedsPerWindow = 0,
            ClockStepThreshold = TimeSpan.Zero,
        };

        ArgumentException error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("LateArrivalGrace", error.Message);
        Assert.Contains("MaximumSpeedsPerWindow", error.Message);
        Assert.Contains("ClockStepThreshold", error.Message);
    }

    [Fact]
    public void The_defaults_are_fifteen_minute_windows_without_traffic()
    {
        var options = new WindowAggregationOptions();

        options.Validate();
        Assert.Equal(TimeSpan.FromMinutes(15), options.WindowLength);
        Assert.False(options.VehicleCounterFitted);
    }
}

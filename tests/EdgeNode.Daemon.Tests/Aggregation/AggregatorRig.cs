using EdgeNode.Daemon.Aggregation;
using EdgeNode.Daemon.Windows;
using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Tests.Aggregation;

/// <summary>An aggregator on a virtual clock, with the helpers the tests share.</summary>
internal sealed class AggregatorRig
{
    public AggregatorRig(DateTimeOffset start, Action<WindowAggregationOptions>? configure = null)
    {
        Clock = new VirtualTimeProvider(start);
        var options = new WindowAggregationOptions();
        configure?.Invoke(options);
        Aggregator = new WindowAggregator(options, Clock);
    }

    public VirtualTimeProvider Clock { get; }

    public WindowAggregator Aggregator { get; }

    /// <summary>15 January 2026, UTC: the day every scripted test runs on.</summary>
    public static DateTimeOffset At(int hour, int minute, double second = 0) =>
        new DateTimeOffset(2026, 1, 15, hour, minute, 0, TimeSpan.Zero).AddSeconds(second);

    public void AdvanceTo(DateTimeOffset when) => Clock.Advance(when - Clock.GetUtcNow());

    public bool Read(string sensor, DateTimeOffset at, TimeSpan standsFor, params Measurement[] values) =>
        Aggregator.RecordReading(sensor, values, at, standsFor);

    public bool Read(string sensor, DateTimeOffset at, double temperatureCelsius) =>
        Read(sensor, at, TimeSpan.FromSeconds(10), new Measurement(Metric.TemperatureCelsius, temperatureCelsius));

    /// <summary>Moves the clock to <paramref name="when"/>, closes what is due there, and returns every window closed so far.</summary>
    public List<ClosedWindow> CloseAt(DateTimeOffset when)
    {
        AdvanceTo(when);
        Aggregator.CloseDueWindows();
        return Drain();
    }

    public List<ClosedWindow> Drain()
    {
        var windows = new List<ClosedWindow>();
        while (Aggregator.ClosedWindows.TryRead(out ClosedWindow? window))
        {
            windows.Add(window);
        }

        return windows;
    }
}

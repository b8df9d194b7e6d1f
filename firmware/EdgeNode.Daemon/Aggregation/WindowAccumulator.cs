using EdgeNode.Daemon.Windows;

namespace EdgeNode.Daemon.Aggregation;

/// <summary>Everything recorded so far for one open window.</summary>
internal sealed class WindowAccumulator(DateTimeOffset start, WindowAggregationOptions options)
{
    private readonly SortedDictionary<string, SensorAccumulator> _sensors = new(StringComparer.Ordinal);
    private TrafficAccumulator? _traffic;

    public DateTimeOffset Start { get; } = start;

    /// <summary>False when the window holds more vehicles than speeds kept, so that its V85 is an estimate.</summary>
    public bool SpeedsAreExact => _traffic?.SpeedsAreExact ?? true;

    public bool HasSensor(string name) => _sensors.ContainsKey(name);

    public SensorAccumulator Sensor(string name)
    {
        if (!_sensors.TryGetValue(name, out SensorAccumulator? sensor))
        {
            sensor = new SensorAccumulator(name);
            _sensors.Add(name, sensor);
        }

        return sensor;
    }

    // Seeded by the window so that an overflowing window gives the same V85 every time it is replayed.
    public TrafficAccumulator Traffic => _traffic ??= new TrafficAccumulator(options.MaximumSpeedsPerWindow, Start.UtcTicks.GetHashCode());

    public ClosedWindow Close(WindowTimeQuality time, bool partial, TimeSpan observed) =>
        Build(Start, options, time, partial, [.. _sensors.Values.Select(s => s.ToWindow(options.WindowLength, observed))], _traffic);

    /// <summary>A window in which nothing was recorded: emitted all the same, so that the gap shows.</summary>
    public static ClosedWindow Nothing(DateTimeOffset start, WindowAggregationOptions options, WindowTimeQuality time, bool partial) =>
        Build(start, options, time, partial, [], null);

    private static ClosedWindow Build(DateTimeOffset start, WindowAggregationOptions options, WindowTimeQuality time, bool partial,
        IReadOnlyList<SensorWindow> sensors, TrafficAccumulator? traffic)
    {
        TrafficWindow? trafficWindow = options.VehicleCounterFitted ? traffic?.ToWindow() ?? TrafficAccumulator.Empty() : null;
        return new ClosedWindow(start, options.WindowLength, time, partial, sensors, trafficWindow);
    }
}

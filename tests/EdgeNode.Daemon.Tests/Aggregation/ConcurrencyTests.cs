using EdgeNode.Daemon.Windows;
using EdgeNode.Sensors;
using static EdgeNode.Daemon.Tests.Aggregation.AggregatorRig;

namespace EdgeNode.Daemon.Tests.Aggregation;

public class ConcurrencyTests
{
    [Fact]
    public async Task Sensor_loops_reporting_at_once_lose_nothing_and_the_counts_add_up()
    {
        const int Loops = 8;
        const int ReadingsPerLoop = 20_000;
        var rig = new AggregatorRig(At(10, 0), o => o.VehicleCounterFitted = true);
        rig.AdvanceTo(At(10, 14));

        // Two loops per sensor and per metric, so that the same running figures are updated from two threads.
        Task[] loops = [.. Enumerable.Range(0, Loops).Select(loop => Task.Run(() =>
        {
            string sensor = $"sensor{loop % 4}";
            for (int i = 0; i < ReadingsPerLoop; i++)
            {
                DateTimeOffset at = At(10, 0).AddTicks((long)i * 40_000);
                rig.Aggregator.RecordReading(sensor, [new(Metric.TemperatureCelsius, i % 2), new(Metric.PressureHectopascals, loop)], at, TimeSpan.FromMilliseconds(4));
                if (i % 100 == 0)
                {
                    rig.Aggregator.RecordFault(sensor, SensorFaultKind.CorruptData, at);
                    rig.Aggregator.RecordPassages([new(at, (TravelDirection)(loop % 2), 30 + loop)]);
                }
            }
        }))];
        await Task.WhenAll(loops);

        ClosedWindow window = Assert.Single(rig.CloseAt(At(10, 15, 2)));

        Assert.Equal(4, window.Sensors.Count);
        Assert.All(window.Sensors, s => Assert.Equal(2 * ReadingsPerLoop, s.Metrics[0].Count));
        Assert.All(window.Sensors, s => Assert.Equal(0.5, s.Metrics[0].Mean));
        Assert.All(window.Sensors, s => Assert.Equal(2 * ReadingsPerLoop / 100, s.Faults));
        Assert.Equal(Loops * ReadingsPerLoop / 100, window.Traffic!.Approaching + window.Traffic.Receding);
        Assert.Equal(window.Traffic.Approaching + window.Traffic.Receding, window.Traffic.SpeedHistogram.Sum());
        Assert.Equal(default, rig.Aggregator.Counters);
    }
}

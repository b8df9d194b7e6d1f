using EdgeNode.Sensors.Emulation;

namespace EdgeNode.Sensors.Tests.Emulation;

/// <summary>A year of a <see cref="RuralDayAmbient"/> at 5-minute steps, computed once per seed and shared by the tests.</summary>
internal static class SimulatedYear
{
    public static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(5);

    private static readonly Dictionary<ulong, (DateTimeOffset At, AmbientConditions Air)[]> Years = [];

    public static IReadOnlyList<(DateTimeOffset At, AmbientConditions Air)> Of(ulong seed)
    {
        lock (Years)
        {
            if (!Years.TryGetValue(seed, out (DateTimeOffset At, AmbientConditions Air)[]? year))
            {
                var model = new RuralDayAmbient(seed);
                int steps = (int)(TimeSpan.FromDays(365) / Step);
                year = new (DateTimeOffset, AmbientConditions)[steps];
                for (int i = 0; i < steps; i++)
                {
                    DateTimeOffset at = Start + (Step * i);
                    year[i] = (at, model.At(at));
                }

                Years[seed] = year;
            }

            return year;
        }
    }

    /// <summary>Days on which PM2.5 stays above the threshold for at least the given time in one stretch.</summary>
    public static HashSet<DateOnly> EpisodeDays(IEnumerable<(DateTimeOffset At, AmbientConditions Air)> samples, double threshold, TimeSpan atLeast)
    {
        var days = new HashSet<DateOnly>();
        int run = 0;
        int needed = (int)(atLeast / Step);
        foreach ((DateTimeOffset at, AmbientConditions? air) in samples)
        {
            run = air.Pm25MicrogramsPerCubicMetre > threshold ? run + 1 : 0;
            if (run >= needed)
            {
                days.Add(DateOnly.FromDateTime(FrenchLocalTime.Of(at)));
            }
        }

        return days;
    }
}

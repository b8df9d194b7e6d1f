namespace EdgeNode.Daemon.Gpio;

/// <summary>
/// Each <see cref="BlinkCode"/> as a repeating sequence of on/off steps. The status codes share a 5 s period and
/// differ by their count of 0.3 s blinks, which can be counted from the foot of a lamppost in daylight; a count
/// is never cut short by the next one.
/// </summary>
public static class BlinkPatterns
{
    public static readonly TimeSpan StatusPeriod = TimeSpan.FromSeconds(5);

    /// <summary>Long enough to be seen in daylight, short enough to be counted.</summary>
    public static readonly TimeSpan Blink = TimeSpan.FromSeconds(0.3);

    /// <summary>The "alive" blink of <see cref="BlinkCode.AllGood"/>: brief, so that a healthy node is not a beacon at night.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(0.1);

    public static IReadOnlyList<(bool On, TimeSpan For)> Of(BlinkCode code) => code switch
    {
        BlinkCode.AllGood => [(true, Heartbeat), (false, StatusPeriod - Heartbeat)],
        BlinkCode.SensorFault => Count(2),
        BlinkCode.NoFleet => Count(3),
        BlinkCode.Updating => [(true, TimeSpan.FromSeconds(1)), (false, TimeSpan.FromSeconds(1))],
        BlinkCode.SelfTestRunning => [(true, TimeSpan.FromSeconds(0.5)), (false, TimeSpan.FromSeconds(0.5))],
        BlinkCode.SelfTestPassed => [(true, TimeSpan.FromSeconds(1))],
        BlinkCode.SelfTestFailed => [(true, TimeSpan.FromSeconds(0.1)), (false, TimeSpan.FromSeconds(0.1))],
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "No blink pattern for this code."),
    };

    /// <summary><paramref name="blinks"/> blinks with equal gaps, then dark for the rest of the period.</summary>
    private static (bool On, TimeSpan For)[] Count(int blinks)
    {
        var steps = new List<(bool, TimeSpan)>();
        for (int i = 0; i < blinks; i++)
        {
            steps.Add((true, Blink));
            steps.Add((false, i < blinks - 1 ? Blink : StatusPeriod - (Blink * (2 * blinks - 1))));
        }

        return [.. steps];
    }
}

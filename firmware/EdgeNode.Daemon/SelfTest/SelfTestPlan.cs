namespace EdgeNode.Daemon.SelfTest;

/// <summary>How long to watch each sensor and how often to read it.</summary>
/// <param name="Observation">How long each sensor is read for once warmed up; the radar listens this long.</param>
/// <param name="SampleInterval">Time between two readings of one sensor.</param>
/// <param name="ReadBeforeWarmUp">Sensors (by name, lower case) read at once after waking instead of after their warm-up.</param>
/// <param name="ReadTogether">
/// Read all sensors at once so that warm-ups overlap on a real clock. Not on a virtual clock, where every
/// wait moves time for everyone and one sensor's long wait would look like another's silence.
/// </param>
public sealed record SelfTestPlan(TimeSpan Observation, TimeSpan SampleInterval, IReadOnlySet<string> ReadBeforeWarmUp, bool ReadTogether)
{
    /// <summary>On a lamppost: a short look, three readings per sensor. Stuck values need longer; the service watches for them.</summary>
    public static SelfTestPlan OnHardware { get; } = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), new HashSet<string>(), ReadTogether: true);

    /// <summary>
    /// On emulated hardware time is virtual, so the test can afford to watch each sensor for three hours
    /// (instantly) and see faults, such as a stuck value, that need time to show.
    /// </summary>
    public static SelfTestPlan Emulated { get; } = new(TimeSpan.FromHours(3), TimeSpan.FromMinutes(1), new HashSet<string>(), ReadTogether: false);
}

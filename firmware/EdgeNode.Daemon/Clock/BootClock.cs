namespace EdgeNode.Daemon.Clock;

/// <summary>
/// Where the node is in its current boot: which boot, and how long since it began, on a clock nobody sets. Times on
/// it can be turned into wall-clock times once the wall clock is synchronised, as long as the boot is the same.
/// </summary>
/// <remarks>
/// Monotonic time is the node's <see cref="TimeProvider"/> timestamp measured from zero. For
/// <see cref="TimeProvider.System"/> on Linux that is <c>Stopwatch</c>, which reads <c>clock_gettime(CLOCK_MONOTONIC)</c>:
/// it counts from boot, is never stepped by NTP or <c>date</c>, and reads the same in every process of one boot, so a
/// daemon restarted before synchronisation still finds its earlier windows on the same scale. (From .NET's documented
/// Unix Stopwatch, not yet checked on a Pi against <c>/proc/uptime</c>; it stops during suspend, which a Pi does not do.) An
/// emulated clock counts from when it was made, which is why emulated hardware has a fresh boot id per instance.
/// </remarks>
public sealed class BootClock(string bootId, TimeProvider time)
{
    /// <summary>The kernel's random id of this boot: a new one at every boot, the same for every process until then.</summary>
    public const string LinuxBootIdPath = "/proc/sys/kernel/random/boot_id";

    public string BootId { get; } = string.IsNullOrWhiteSpace(bootId) ? throw new ArgumentException("A boot id is required.", nameof(bootId)) : bootId;

    /// <summary>Time since boot (or since the emulated clock began), unaffected by any setting of the wall clock.</summary>
    public TimeSpan SinceBoot => time.GetElapsedTime(0, time.GetTimestamp());

    /// <summary>Wall clock minus monotonic time: constant while nobody sets the clock, and it jumps by exactly the step when someone does.</summary>
    public TimeSpan WallOffset()
    {
        TimeSpan since = SinceBoot;
        DateTimeOffset now = time.GetUtcNow();
        return TimeSpan.FromTicks(now.UtcTicks) - since;
    }

    /// <summary>The wall-clock time of a moment on this boot's monotonic scale, given the current <see cref="WallOffset"/>.</summary>
    public static DateTimeOffset WallTime(TimeSpan sinceBoot, TimeSpan wallOffset) => new((sinceBoot + wallOffset).Ticks, TimeSpan.Zero);

    /// <summary>The Linux boot id, or a per-process one when the kernel does not expose it (not Linux, or a restricted container).</summary>
    public static string ReadLinuxBootId()
    {
        try
        {
            string id = File.ReadAllText(LinuxBootIdPath).Trim();
            if (id.Length > 0)
            {
                return id;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        // Safe rather than wrong: windows of this process can still be re-stamped by it, never by a later one.
        return "process-" + Guid.NewGuid().ToString("N");
    }
}

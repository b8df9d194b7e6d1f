namespace EdgeNode.Fleet.Storage;

/// <summary>
/// Section "Fleet:DeadLetters": how much one sender may put in the dead letters, and for how long they are kept. A
/// stolen node credential must not be able to fill the fleet's disk.
/// </summary>
public sealed class DeadLetterOptions
{
    public const string SectionName = "Fleet:DeadLetters";

    /// <summary>The quota period; the quota starts afresh at each multiple of it (UTC).</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Dead letters one sender may add per period; beyond it they are only counted.</summary>
    public int MaxPerNodePerPeriod { get; set; } = 200;

    /// <summary>Payload bytes (as stored, at most 64 KiB each) one sender may add per period; beyond it they are only counted.</summary>
    public long MaxBytesPerNodePerPeriod { get; set; } = 4 * 1024 * 1024;

    /// <summary>Dead letters and drop counts older than this many days are deleted.</summary>
    public int KeepDays { get; set; } = 30;

    /// <summary>The start of the quota period <paramref name="at"/> falls in, in UTC.</summary>
    public DateTimeOffset PeriodStart(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % Period.Ticks), TimeSpan.Zero);
}

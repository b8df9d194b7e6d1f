namespace EdgeNode.Daemon.Tests.Aggregation;

/// <summary>A wall clock that can be set anywhere, backwards too, as NTP or a technician might set the node's.</summary>
internal sealed class SteppableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

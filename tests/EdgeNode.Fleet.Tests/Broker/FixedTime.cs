namespace EdgeNode.Fleet.Tests.Broker;

/// <summary>A clock that says what the test tells it to, for certificates "years from now".</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

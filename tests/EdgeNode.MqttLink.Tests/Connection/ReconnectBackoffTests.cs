using EdgeNode.MqttLink.Connection;

namespace EdgeNode.MqttLink.Tests.Connection;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void Ceiling_doubles_from_the_minimum_up_to_the_maximum_and_each_delay_is_within_it()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20), new Random(7));
        var ceilings = new List<double>();
        var delays = new List<TimeSpan>();
        for (int i = 0; i < 8; i++)
        {
            TimeSpan ceiling = backoff.Ceiling;
            ceilings.Add(ceiling.TotalSeconds);
            TimeSpan delay = backoff.Next();
            Assert.InRange(delay, TimeSpan.Zero, ceiling);
            delays.Add(delay);
        }
        Assert.Equal(new double[] { 1, 2, 4, 8, 16, 20, 20, 20 }, ceilings);
        // Full jitter: not all the same fraction of the ceiling.
        Assert.True(delays.Distinct().Count() > 1);

        backoff.Reset();
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Ceiling);
    }
}

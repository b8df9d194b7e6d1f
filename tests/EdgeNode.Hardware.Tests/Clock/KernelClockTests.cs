using EdgeNode.Hardware.Clock;

namespace EdgeNode.Hardware.Tests.Clock;

public class KernelClockTests
{
    [Theory]
    [InlineData(0, ClockSynchronisation.Synchronised)]
    [InlineData(1, ClockSynchronisation.Synchronised)]
    [InlineData(4, ClockSynchronisation.Synchronised)]
    [InlineData(5, ClockSynchronisation.Unsynchronised)]
    public void The_kernel_s_clock_states_map_to_synchronised_or_not(int state, ClockSynchronisation expected)
    {
        Assert.Equal(expected, KernelClock.FromClockState(state));
    }

    [Fact]
    public void This_machine_s_kernel_answers_without_changing_the_clock()
    {
        DateTimeOffset before = DateTimeOffset.UtcNow;

        ClockSynchronisation first = KernelClock.ReadSynchronisation();
        ClockSynchronisation second = KernelClock.ReadSynchronisation();

        Assert.True(Enum.IsDefined(first));
        Assert.Equal(first, second);
        Assert.InRange(DateTimeOffset.UtcNow - before, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }
}

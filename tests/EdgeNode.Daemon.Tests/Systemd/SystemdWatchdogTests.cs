using System.Globalization;
using EdgeNode.Daemon.Systemd;

namespace EdgeNode.Daemon.Tests.Systemd;

/// <summary>When the watchdog interval systemd passes applies to this process (sd_watchdog_enabled(3)).</summary>
public sealed class SystemdWatchdogTests
{
    [Theory]
    [InlineData("30000000", null, 30.0)]
    [InlineData("30000000", "self", 30.0)]
    [InlineData("30000000", "1", null)]
    [InlineData("0", null, null)]
    [InlineData("soon", null, null)]
    public void The_watchdog_interval_is_read_only_when_it_is_meant_for_this_process(string microseconds, string? pid, double? expectedSeconds)
    {
        string? watchdogPid = pid == "self" ? Environment.ProcessId.ToString(CultureInfo.InvariantCulture) : pid;
        var watchdog = new SystemdWatchdog(null, microseconds, watchdogPid);

        Assert.Equal(expectedSeconds is { } s ? TimeSpan.FromSeconds(s) : null, watchdog.Interval);
    }

    [Fact]
    public void Outside_systemd_feeding_does_nothing()
    {
        Assert.False(SystemdWatchdog.None.Feed());
        Assert.Null(SystemdWatchdog.None.Interval);
    }
}

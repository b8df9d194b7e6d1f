using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting.Systemd;

namespace EdgeNode.Daemon.Systemd;

/// <summary>
/// systemd's watchdog (<c>WatchdogSec=</c>), the one part of sd_notify(3) that Microsoft.Extensions.Hosting.Systemd
/// leaves to us: the package sends READY=1 and STOPPING=1, this sends WATCHDOG=1 through the package's notifier. The
/// node service decides when: only while sampling makes progress.
/// </summary>
public sealed class SystemdWatchdog
{
    private static readonly ServiceState Alive = new("WATCHDOG=1");

    private readonly ISystemdNotifier? _notifier;

    /// <param name="notifier">The package's notifier, registered only under systemd; null outside it.</param>
    public SystemdWatchdog(ISystemdNotifier? notifier)
        : this(notifier, Environment.GetEnvironmentVariable("WATCHDOG_USEC"), Environment.GetEnvironmentVariable("WATCHDOG_PID"))
    {
    }

    internal SystemdWatchdog(ISystemdNotifier? notifier, string? watchdogMicroseconds, string? watchdogPid)
    {
        _notifier = notifier;

        // sd_watchdog_enabled(3): the interval applies to us only if WATCHDOG_PID is unset or names us.
        bool forUs = string.IsNullOrEmpty(watchdogPid) || watchdogPid == Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        if (forUs && long.TryParse(watchdogMicroseconds, out long microseconds) && microseconds > 0)
        {
            Interval = TimeSpan.FromMicroseconds(microseconds);
        }
    }

    /// <summary>No systemd, no watchdog: the node run from a terminal, and tests.</summary>
    public static SystemdWatchdog None { get; } = new(null, null, null);

    /// <summary>
    /// The <c>WatchdogSec=</c> systemd set, or null without one. Feed the watchdog at half this interval, as
    /// sd_watchdog_enabled(3) recommends.
    /// </summary>
    public TimeSpan? Interval { get; }

    /// <summary>Tells systemd the node is alive. A failure to notify is not worth stopping the node for: it returns false.</summary>
    public bool Feed()
    {
        if (_notifier is not { IsEnabled: true })
        {
            return false;
        }

        try
        {
            _notifier.Notify(Alive);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

using System.Net.Sockets;
using System.Text;

namespace EdgeNode.Daemon.Systemd;

/// <summary>
/// sd_notify(3) without libsystemd: one datagram per state to the socket named by <c>NOTIFY_SOCKET</c>
/// (a leading '@' names an abstract socket). Outside systemd the variable is absent and every call does
/// nothing, so the daemon runs the same from a terminal.
/// </summary>
public sealed class SystemdNotifier : IDisposable
{
    private readonly Socket? _socket;
    private readonly UnixDomainSocketEndPoint? _endPoint;

    public SystemdNotifier()
        : this(Environment.GetEnvironmentVariable("NOTIFY_SOCKET"), Environment.GetEnvironmentVariable("WATCHDOG_USEC"), Environment.GetEnvironmentVariable("WATCHDOG_PID"))
    {
    }

    internal SystemdNotifier(string? notifySocket, string? watchdogMicroseconds, string? watchdogPid)
    {
        if (!string.IsNullOrEmpty(notifySocket))
        {
            _endPoint = new UnixDomainSocketEndPoint(notifySocket[0] == '@' ? "\0" + notifySocket[1..] : notifySocket);
            _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        }

        // sd_watchdog_enabled(3): the interval applies to us only if WATCHDOG_PID is unset or names us.
        bool forUs = string.IsNullOrEmpty(watchdogPid) || watchdogPid == Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (forUs && long.TryParse(watchdogMicroseconds, out long microseconds) && microseconds > 0)
        {
            WatchdogInterval = TimeSpan.FromMicroseconds(microseconds);
        }
    }

    /// <summary>True when started by systemd with a notify socket.</summary>
    public bool IsUnderSystemd => _socket is not null;

    /// <summary>
    /// The <c>WatchdogSec=</c> systemd set, or null without one. Feed the watchdog at half this interval, as
    /// sd_watchdog_enabled(3) recommends.
    /// </summary>
    public TimeSpan? WatchdogInterval { get; }

    /// <summary>Sends one state. A failure to notify is not worth stopping the node for: it returns false.</summary>
    public bool Notify(ServiceState state)
    {
        if (_socket is null || _endPoint is null)
        {
            return false;
        }

        try
        {
            _socket.SendTo(Encoding.UTF8.GetBytes(state.Text), _endPoint);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void Dispose() => _socket?.Dispose();
}

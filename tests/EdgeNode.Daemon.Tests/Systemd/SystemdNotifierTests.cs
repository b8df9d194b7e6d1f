using System.Net.Sockets;
using System.Text;
using EdgeNode.Daemon.Systemd;

namespace EdgeNode.Daemon.Tests.Systemd;

/// <summary>The notifier against a real Unix datagram socket standing in for systemd's.</summary>
public sealed class SystemdNotifierTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("edgenode-notify-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Receive(Socket systemd)
    {
        var buffer = new byte[256];
        systemd.ReceiveTimeout = 2000;
        int n = systemd.Receive(buffer);
        return Encoding.UTF8.GetString(buffer, 0, n);
    }

    [Fact]
    public void States_arrive_as_one_datagram_each_on_the_notify_socket()
    {
        string path = Path.Combine(_directory, "notify");
        using var systemd = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        systemd.Bind(new UnixDomainSocketEndPoint(path));
        using var notifier = new SystemdNotifier(path, null, null);

        Assert.True(notifier.Notify(ServiceState.Ready));
        Assert.True(notifier.Notify(ServiceState.Status("sampling 5 sensors\nall OK")));

        Assert.Equal("READY=1", Receive(systemd));
        Assert.Equal("STATUS=sampling 5 sensors all OK", Receive(systemd));
    }

    [Fact]
    public void An_at_sign_names_an_abstract_socket()
    {
        string name = $"edgenode-test-{Guid.NewGuid():N}";
        using var systemd = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        systemd.Bind(new UnixDomainSocketEndPoint("\0" + name));
        using var notifier = new SystemdNotifier("@" + name, null, null);

        Assert.True(notifier.Notify(ServiceState.Watchdog));

        Assert.Equal("WATCHDOG=1", Receive(systemd));
    }

    [Fact]
    public void Outside_systemd_notifying_does_nothing()
    {
        using var notifier = new SystemdNotifier(null, null, null);

        Assert.False(notifier.IsUnderSystemd);
        Assert.False(notifier.Notify(ServiceState.Ready));
        Assert.Null(notifier.WatchdogInterval);
    }

    [Theory]
    [InlineData("30000000", null, 30.0)]
    [InlineData("30000000", "self", 30.0)]
    [InlineData("30000000", "1", null)]
    [InlineData("0", null, null)]
    [InlineData("soon", null, null)]
    public void The_watchdog_interval_is_read_only_when_it_is_meant_for_this_process(string microseconds, string? pid, double? expectedSeconds)
    {
        string? watchdogPid = pid == "self" ? Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) : pid;
        using var notifier = new SystemdNotifier(null, microseconds, watchdogPid);

        Assert.Equal(expectedSeconds is { } s ? TimeSpan.FromSeconds(s) : null, notifier.WatchdogInterval);
    }
}

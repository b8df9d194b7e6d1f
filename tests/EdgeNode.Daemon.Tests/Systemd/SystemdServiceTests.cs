using System.Net.Sockets;
using System.Text;
using EdgeNode.TestSupport;

namespace EdgeNode.Daemon.Tests.Systemd;

/// <summary>
/// The real <c>edgenode run</c> as systemd runs a <c>Type=notify</c> unit with <c>WatchdogSec=</c>: a real Unix
/// datagram socket named by NOTIFY_SOCKET stands in for systemd's. Microsoft.Extensions.Hosting.Systemd recognises
/// systemd by its parent process's name, so the node is started by a shell linked under the name "systemd", which
/// passes SIGTERM on as systemd sends it.
/// </summary>
public sealed class SystemdServiceTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly TemporaryDirectory _directory = new("edgenode-systemd-");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Under_systemd_the_node_says_ready_feeds_the_watchdog_says_stopping_and_logs_for_the_journal()
    {
        using var systemd = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        systemd.Bind(new UnixDomainSocketEndPoint(_directory.File("notify")));
        File.CreateSymbolicLink(_directory.File("systemd"), "/bin/sh");
        Directory.CreateDirectory(_directory.File("data"));
        await using var node = new ChildProcess("edgenode", _directory.File("systemd"),
            [
                "-c", "\"$0\" \"$@\" & node=$!; trap 'kill -TERM $node' TERM; wait $node; wait $node",
                Path.Combine(AppContext.BaseDirectory, "edgenode"), "run", "--emulate", "--data-directory", _directory.File("data"),
            ],
            new Dictionary<string, string>
            {
                ["EDGENODE_Node__Id"] = "systemd-test",
                ["NOTIFY_SOCKET"] = _directory.File("notify"),
                // 2 s: fed every second, so that the test sees it soon.
                ["WATCHDOG_USEC"] = "2000000",
            });
        node.Start();

        List<string> started = await ReceiveUntilAsync(systemd, "READY=1", node);
        List<string> running = await ReceiveUntilAsync(systemd, "WATCHDOG=1", node);
        await node.TerminateAsync();
        List<string> stopping = await ReceiveUntilAsync(systemd, "STOPPING=1", node);

        Assert.DoesNotContain("STOPPING=1", started.Concat(running));
        Assert.True(0 == node.ExitCode, $"exit code {node.ExitCode}, not 0. Output:\n{node.Tail()}");
        Assert.Contains("<6>EdgeNode.Daemon.Node.NodeLifetimeLog[0] Node systemd-test sampling", node.Output, StringComparison.Ordinal);
        Assert.Contains("<6>EdgeNode.Daemon.Node.NodeLifetimeLog[0] Node systemd-test stopped", node.Output, StringComparison.Ordinal);
        Assert.Equal("STOPPING=1", stopping[^1]);
    }

    [Fact]
    public async Task Outside_systemd_the_node_logs_one_plain_line_per_event()
    {
        Directory.CreateDirectory(_directory.File("data"));
        await using var node = new ChildProcess("edgenode", Path.Combine(AppContext.BaseDirectory, "edgenode"),
            ["run", "--emulate", "--data-directory", _directory.File("data")],
            new Dictionary<string, string> { ["EDGENODE_Node__Id"] = "terminal-test" });
        node.Start();
        await node.WaitForOutputAsync("sampling", Patience);
        await node.TerminateAsync();

        Assert.Contains("info: EdgeNode.Daemon.Node.NodeLifetimeLog[0] Node terminal-test sampling", node.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("<6>", node.Output, StringComparison.Ordinal);
    }

    /// <summary>Every state received until <paramref name="expected"/>, that one included.</summary>
    private static async Task<List<string>> ReceiveUntilAsync(Socket systemd, string expected, ChildProcess node)
    {
        var received = new List<string>();
        using var timeout = new CancellationTokenSource(Patience);
        byte[] buffer = new byte[256];
        try
        {
            while (received.LastOrDefault() != expected)
            {
                int n = await systemd.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
                received.Add(Encoding.UTF8.GetString(buffer, 0, n));
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"no {expected} within {Patience.TotalSeconds} s; received: {string.Join(", ", received)}. Output:\n{node.Tail()}");
        }

        return received;
    }
}

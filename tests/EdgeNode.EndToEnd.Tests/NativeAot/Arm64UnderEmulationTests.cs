using System.Globalization;
using System.Text.RegularExpressions;
using EdgeNode.Daemon.Buffer;
using EdgeNode.Daemon.Status;
using EdgeNode.TestSupport;

namespace EdgeNode.EndToEnd.Tests.NativeAot;

/// <summary>
/// The linux-arm64 binary that goes onto the Raspberry Pi, run here under qemu-aarch64 user emulation with the
/// arm64 C library of libc6-dev-arm64-cross: the technician's self-test, the service back-filling six hours into its
/// SQLite buffer, and <c>edgenode status</c> reading that back.
/// </summary>
[Collection(NativeNodeCollection.Name)]
public sealed partial class Arm64UnderEmulationTests(NativeNodeBinaries binaries)
{
    // qemu translates every instruction: generous, for a loaded CI machine.
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task The_arm64_self_test_on_emulated_sensors_passes_under_qemu()
    {
        await using ChildProcess selftest = Arm64("selftest", ["selftest", "--emulate"]);
        selftest.Start();

        int exitCode = await selftest.WaitForExitAsync(CommandTimeout);

        Assert.True(exitCode == 0, $"selftest exited with {exitCode}:\n{selftest.Output}");
        foreach (string sensor in new[] { "BME280", "SCD4x", "SDS011", "PMS5003", "OPS243" })
        {
            Assert.Matches(new Regex($@"(?m)^{sensor}\s.*\sOK\s"), selftest.Output);
        }
    }

    [Fact]
    public async Task The_arm64_service_back_fills_six_hours_into_its_buffer_and_status_reads_them_back_under_qemu()
    {
        using var data = new TemporaryDirectory("edgenode-arm64-");
        await using ChildProcess node = Arm64("arm64 node", ["run", "--emulate", "--speed", "1000", "--history", "06:00:00", "--data-directory", data.Path]);
        node.Start();
        // Six hours at 1000 times real speed take about 22 s of the emulated clock's time; the windows are stored as
        // they close, and the status once a minute of emulated time.
        DateTime deadline = DateTime.UtcNow + CommandTimeout;
        while (UnsentWindows(data.Path) < 20)
        {
            Assert.True(DateTime.UtcNow < deadline && node.IsRunning, $"the arm64 node reported {UnsentWindows(data.Path)} windows in {CommandTimeout}:\n{node.Tail()}");
            await Task.Delay(500);
        }
        await node.TerminateAsync();
        Assert.True(node.ExitCode == 0, $"the arm64 node exited with {node.ExitCode} on SIGTERM:\n{node.Tail()}");

        await using ChildProcess status = Arm64("arm64 status", ["status", "--data-directory", data.Path]);
        status.Start();
        await status.WaitForExitAsync(CommandTimeout);

        Match buffer = BufferLine().Match(status.Output);
        Assert.True(buffer.Success, $"no buffer line in edgenode status:\n{status.Output}");
        int reported = int.Parse(buffer.Groups[1].Value, CultureInfo.InvariantCulture);
        int stored = await StoredWindowsAsync(data.Path);
        // The last status is written up to a minute of emulated time before the stop, so it may lag the buffer by a window.
        Assert.InRange(reported, 20, stored);
        Assert.Contains("storage OK", status.Output, StringComparison.Ordinal);
    }

    private ChildProcess Arm64(string name, IEnumerable<string> arguments) =>
        new(name, NativeNodeBinaries.QemuAarch64, ["-L", NativeNodeBinaries.Arm64LibraryRoot, binaries.Arm64, .. arguments], new Dictionary<string, string>());

    /// <summary>What the arm64 node's status.json says, read with the tests' own x64 code.</summary>
    private static int UnsentWindows(string dataDirectory)
    {
        try
        {
            return StatusFile.Read(dataDirectory)?.Buffer.UnsentWindows ?? 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>The windows in the buffer the arm64 node wrote, opened by the x64 buffer code: one file format.</summary>
    private static async Task<int> StoredWindowsAsync(string dataDirectory)
    {
        await using WindowBuffer buffer = WindowBuffer.Open(new WindowBufferOptions { DatabasePath = Path.Combine(dataDirectory, "buffer.db") });
        return buffer.PeekOldest(100_000).Count;
    }

    [GeneratedRegex(@"Buffer: (\d+) windows waiting")]
    private static partial Regex BufferLine();
}

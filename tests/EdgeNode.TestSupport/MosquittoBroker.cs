using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EdgeNode.TestSupport;

/// <summary>
/// A real Mosquitto broker for one test: its own temp directory, configuration file, loopback port and
/// child process. Persistence is on, in the temp directory, so <see cref="RestartAsync"/> (and a stop with
/// SIGTERM) keeps sessions and queued messages. Mosquitto's own system service plays no part; this
/// process is only ever signalled by its own pid.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/mosquitto";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    private readonly TemporaryDirectory _directory;
    private readonly string _configurationPath;
    private readonly StringBuilder _output = new();
    private Process? _process;

    private MosquittoBroker(TemporaryDirectory directory, string configurationPath, int port)
    {
        _directory = directory;
        _configurationPath = configurationPath;
        Port = port;
    }

    public string Host => "127.0.0.1";
    public int Port { get; }

    /// <summary>The broker's temp directory (configuration, persistence); tests may put their files here too.</summary>
    public string DirectoryPath => _directory.Path;

    /// <summary>Everything the broker printed so far (it logs to stderr).</summary>
    public string Output
    {
        get { lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The broker's process id while it runs (to read its CPU time from /proc, say).</summary>
    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    /// <param name="extraConfiguration">Appended after the listener line, so listener options (cafile,
    /// certfile, keyfile) apply to it. If it mentions allow_anonymous, the default "true" is left out.</param>
    /// <param name="port">A fixed port; by default a free loopback port is picked, and another one if a process takes
    /// it before Mosquitto binds it (<see cref="LoopbackPort.StartOnFreePortAsync{T}"/>).</param>
    /// <exception cref="PortTakenException">Mosquitto could not bind the port: another process holds it.</exception>
    public static Task<MosquittoBroker> StartAsync(string? extraConfiguration = null, int? port = null) =>
        port is { } fixedPort
            ? StartOnAsync(extraConfiguration, fixedPort)
            : LoopbackPort.StartOnFreePortAsync(free => StartOnAsync(extraConfiguration, free));

    private static async Task<MosquittoBroker> StartOnAsync(string? extraConfiguration, int port)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: install mosquitto: apt-get install mosquitto");
        }

        var directory = new TemporaryDirectory("edgenode-mosquitto-");
        StringBuilder configuration = new StringBuilder()
            .AppendLine($"listener {port} 127.0.0.1");
        if (extraConfiguration is null || !extraConfiguration.Contains("allow_anonymous", StringComparison.Ordinal))
        {
            configuration.AppendLine("allow_anonymous true");
        }

        configuration
            // As the fleet's own broker has it (MosquittoConfigurationWriter): a fleet briefly behind a flood loses nothing.
            .AppendLine("max_queued_messages 100000")
            .AppendLine("max_queued_bytes 268435456")
            .AppendLine("persistence true")
            .AppendLine($"persistence_location {directory.Path}/")
            // Run as whoever runs the tests: as root, Mosquitto would otherwise switch to the "mosquitto"
            // user, which cannot read this test's temp directory. No effect when not root.
            .AppendLine($"user {Environment.UserName}")
            .AppendLine("log_dest stderr")
            .AppendLine("log_type all")
            .AppendLine(extraConfiguration ?? "");
        string configurationPath = directory.File("mosquitto.conf");
        await File.WriteAllTextAsync(configurationPath, configuration.ToString());

        var broker = new MosquittoBroker(directory, configurationPath, port);
        try
        {
            await broker.LaunchAsync();
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }
        return broker;
    }

    /// <summary>SIGTERM and wait: Mosquitto saves its persistence file on the way out.</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        if (Posix.Kill(process.Id, Posix.SIGTERM) != 0)
        {
            throw new InvalidOperationException($"kill(SIGTERM) on mosquitto pid {process.Id} failed.");
        }

        try
        {
            await process.WaitForExitAsync().WaitAsync(StopTimeout);
        }
        catch (TimeoutException)
        {
            await KillAsync();
        }
    }

    /// <summary>
    /// SIGHUP: Mosquitto re-reads its configuration, password and ACL files in its main loop. Completes once it has
    /// logged "Reloading config." (the reload itself runs synchronously right after that line).
    /// </summary>
    public async Task ReloadConfigurationAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            throw new InvalidOperationException("mosquitto is not running; nothing to reload.");
        }

        int before = CountOccurrences(Output, "Reloading config.");
        if (Posix.Kill(process.Id, Posix.SIGHUP) != 0)
        {
            throw new InvalidOperationException($"kill(SIGHUP) on mosquitto pid {process.Id} failed.");
        }

        var deadline = Stopwatch.StartNew();
        while (CountOccurrences(Output, "Reloading config.") == before)
        {
            if (deadline.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"mosquitto did not log a reload within {StartTimeout.TotalSeconds} s of SIGHUP. Its output:\n{Output}");
            }

            await Task.Delay(20);
        }
        // The line is printed before the files are read; a moment later the reload is done. A new connection's CONNACK
        // is answered by the same loop, so a test that connects next sees the reloaded state.
    }

    private static int CountOccurrences(string text, string fragment)
    {
        int count = 0;
        for (int at = text.IndexOf(fragment, StringComparison.Ordinal); at >= 0; at = text.IndexOf(fragment, at + fragment.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>SIGKILL: the broker dies as in a power cut, without saving anything since its last autosave.</summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        process.Kill();
        await process.WaitForExitAsync().WaitAsync(StopTimeout);
    }

    /// <summary>Stops (SIGTERM) if running, then starts again on the same port with the same persistence.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
        }
        _process?.Dispose();
        _directory.Dispose();
    }

    private async Task LaunchAsync()
    {
        _process?.Dispose();
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(_configurationPath);
        var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, line) => Append(line.Data);
        process.OutputDataReceived += (_, line) => Append(line.Data);
        int outputBefore = Output.Length;
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        _process = process;
        await WaitUntilListeningAsync(process, outputBefore);
    }

    // Mosquitto logs "mosquitto version 2.0.11 running" once every listener is bound. Until then a TCP probe proves
    // nothing: it may reach whichever process took the port first.
    private static bool ReportsRunning(string output) =>
        output.Split('\n').Any(line => line.Contains("mosquitto version ", StringComparison.Ordinal) && line.TrimEnd().EndsWith(" running", StringComparison.Ordinal));

    private async Task WaitUntilListeningAsync(Process process, int outputBefore)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                // Exited: its last lines are in (the reads end when the pipes close).
                await process.WaitForExitAsync();
                if (LoopbackPort.TakenIn(Output[outputBefore..]))
                {
                    throw new PortTakenException($"mosquitto could not bind 127.0.0.1:{Port}: another process holds it. Its output:\n{Output}");
                }

                throw new InvalidOperationException($"mosquitto exited with code {process.ExitCode} at start. Its output:\n{Output}");
            }
            if (ReportsRunning(Output[outputBefore..]))
            {
                using var probe = new TcpClient();
                try
                {
                    await probe.ConnectAsync(IPAddress.Loopback, Port);
                    return;
                }
                catch (SocketException)
                {
                }
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"mosquitto did not accept TCP on 127.0.0.1:{Port} within {StartTimeout.TotalSeconds} s. Its output:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}

using System.Diagnostics;

namespace EdgeNode.Fleet.Broker.Supervision;

/// <summary>
/// One run of <c>mosquitto -c {configuration}</c>, in a session of its own (<see cref="OwnSession"/>): its stderr goes line
/// by line into the fleet's log, and the last lines are kept to explain an exit. Signalled only by its own pid.
/// </summary>
internal sealed class MosquittoProcess : IAsyncDisposable
{
    private const int KeptLines = 10;

    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private readonly ILogger _logger;

    private MosquittoProcess(Process process, ILogger logger)
    {
        _process = process;
        _logger = logger;
    }

    public int ProcessId { get; private set; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The last lines it printed, oldest first.</summary>
    public IReadOnlyList<string> LastLines
    {
        get { lock (_lastLines)
            {
                return [.. _lastLines];
            }
        }
    }

    public static MosquittoProcess Start(string executable, string configurationFile, ILogger logger)
    {
        ProcessStartInfo start = OwnSession.StartInfo(executable, ["-c", configurationFile], out bool ownSession);
        if (!ownSession)
        {
            logger.LogWarning("{Setsid} is missing (util-linux): Mosquitto runs in the fleet's process group, so a Ctrl-C in the fleet's terminal reaches it too", OwnSession.SetsidPath);
        }

        var run = new MosquittoProcess(new Process { StartInfo = start }, logger);
        run._process.ErrorDataReceived += (_, line) => run.Receive(line.Data);
        run._process.OutputDataReceived += (_, line) => run.Receive(line.Data);
        run._process.Start();
        run.ProcessId = run._process.Id;
        run._process.BeginErrorReadLine();
        run._process.BeginOutputReadLine();
        return run;
    }

    /// <summary>Completes when it has exited and everything it printed has been read.</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken = default) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>SIGTERM (it saves its persistence file), then SIGKILL if it has not exited within <paramref name="timeout"/>.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return;
        }
        PosixSignals.Terminate(ProcessId);
        using var patience = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(patience.Token);
            return;
        }
        catch (OperationCanceledException)
        {
        }
        _logger.LogWarning("Mosquitto (pid {Pid}) did not exit within {Timeout} of SIGTERM: killing it", ProcessId, timeout);
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }

    private void Receive(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > KeptLines)
            {
                _lastLines.Dequeue();
            }
        }
        _logger.Log(MosquittoLogLine.LevelOf(line), "mosquitto[{Pid}]: {Line}", ProcessId, line);
    }
}

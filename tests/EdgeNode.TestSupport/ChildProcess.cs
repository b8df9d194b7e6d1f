using System.Diagnostics;
using System.Text;

namespace EdgeNode.TestSupport;

/// <summary>
/// A program of ours run as a real process for an end-to-end test (the fleet, a node), so that it can be stopped
/// with SIGTERM as systemd does or killed with SIGKILL as a power cut does. Output is kept for failure messages.
/// Only ever signalled by its own pid.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private const string SetsidPath = "/usr/bin/setsid";

    private const string EnvPath = "/usr/bin/env";

    // A shell starting the tests as a background job (./test.sh &, a CI runner) ignores SIGINT and SIGQUIT, and an
    // ignored signal is inherited down to every process the tests start: the fleet then never saw Ctrl-C. A job a
    // terminal runs in the foreground has them at their defaults, so coreutils' env puts them back.
    private const string DefaultSignals = "--default-signal=INT,QUIT";

    private readonly ProcessStartInfo _start;
    private readonly StringBuilder _output = new();
    private Process? _process;

    public ChildProcess(string name, string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        Name = name;
        _start = new ProcessStartInfo(file)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            _start.ArgumentList.Add(argument);
        }
        foreach ((string key, string value) in environment)
        {
            _start.Environment[key] = value;
        }
    }

    public string Name { get; }

    /// <summary>
    /// Started in a session and process group of its own (through util-linux's setsid, which keeps the pid), as a job a
    /// terminal runs in the foreground, with SIGINT and SIGQUIT at their defaults: <see cref="InterruptGroup"/> then
    /// plays Ctrl-C without reaching the test host.
    /// </summary>
    public bool OwnSession
    {
        get => _start.FileName == EnvPath && _start.ArgumentList.Count > 1 && _start.ArgumentList[1] == SetsidPath;
        init
        {
            if (value && !OwnSession)
            {
                _start.ArgumentList.Insert(0, _start.FileName);
                _start.ArgumentList.Insert(0, SetsidPath);
                _start.ArgumentList.Insert(0, DefaultSignals);
                _start.FileName = EnvPath;
            }
        }
    }

    /// <summary>Where it runs; the test's own directory unless set (a command that must work from anywhere, say).</summary>
    public string? WorkingDirectory
    {
        get => _start.WorkingDirectory;
        init => _start.WorkingDirectory = value;
    }

    public bool IsRunning => _process is { HasExited: false };

    public int? ExitCode => _process is { HasExited: true } p ? p.ExitCode : null;

    /// <summary>The running process's id (to read its CPU time from /proc, say), or null when not running.</summary>
    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    public string Output
    {
        get { lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts (or starts again, with the same arguments and environment).</summary>
    public void Start()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"{Name} is already running");
        }
        _process?.Dispose();
        Append($"--- {Name} starting ---");
        var process = new Process { StartInfo = _start };
        process.OutputDataReceived += (_, line) => Append(line.Data);
        process.ErrorDataReceived += (_, line) => Append(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    /// <summary>Waits until the output contains <paramref name="fragment"/> (counting from the beginning).</summary>
    /// <param name="hopeless">Given the output, whether it shows <paramref name="fragment"/> will never come (a port
    /// taken, say, that a supervised child retries forever): then <see cref="InvalidOperationException"/> at once.</param>
    public async Task WaitForOutputAsync(string fragment, TimeSpan timeout, Func<string, bool>? hopeless = null)
    {
        var clock = Stopwatch.StartNew();
        while (!Output.Contains(fragment, StringComparison.Ordinal))
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{Name} did not print '{fragment}' within {timeout}. Its output:\n{Tail()}");
            }
            if (hopeless is not null && hopeless(Output))
            {
                throw new InvalidOperationException($"{Name} will not print '{fragment}': its output says why:\n{Tail()}");
            }
            if (_process is { HasExited: true } exited)
            {
                // The last lines may still be on their way from the pipe when the exit is seen.
                await exited.WaitForExitAsync().WaitAsync(StopTimeout);
                if (Output.Contains(fragment, StringComparison.Ordinal))
                {
                    return;
                }
                throw new InvalidOperationException($"{Name} exited with code {exited.ExitCode} before printing '{fragment}'. Its output:\n{Tail()}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Waits for a process that ends by itself (a command) and returns its exit code, with its output read to the
    /// end: the exit can be seen before the last lines have been read from the pipe.
    /// </summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        Process process = _process ?? throw new InvalidOperationException($"{Name} was never started");
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Name} did not finish within {timeout}. Its output:\n{Tail()}");
        }
        return process.ExitCode;
    }

    /// <summary>SIGINT to its whole process group, as Ctrl-C in its terminal sends it; only for one started in <see cref="OwnSession"/>.</summary>
    public void InterruptGroup()
    {
        if (!OwnSession || _process is not { HasExited: false } process)
        {
            throw new InvalidOperationException($"{Name} is not running in a process group of its own");
        }
        Posix.Kill(-process.Id, Posix.SIGINT);
    }

    /// <summary>SIGTERM and wait for the exit, as systemd stops a service.</summary>
    public async Task TerminateAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }
        Posix.Kill(process.Id, Posix.SIGTERM);
        try
        {
            await process.WaitForExitAsync().WaitAsync(StopTimeout);
        }
        catch (TimeoutException)
        {
            await KillAsync();
            throw new TimeoutException($"{Name} did not stop within {StopTimeout} of SIGTERM and was killed. Its output:\n{Tail()}");
        }
    }

    /// <summary>SIGKILL: no chance to save anything, like a power cut.</summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }
        process.Kill();
        await process.WaitForExitAsync().WaitAsync(StopTimeout);
        Append($"--- {Name} killed ---");
    }

    /// <summary>The last lines of output, for assertion messages.</summary>
    public string Tail(int lines = 60)
    {
        string[] all = Output.Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
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

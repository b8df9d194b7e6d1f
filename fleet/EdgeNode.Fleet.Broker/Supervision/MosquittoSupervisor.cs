using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using EdgeNode.Fleet.Broker.Configuration;
using EdgeNode.Fleet.Broker.Tls;
using Microsoft.Extensions.Options;

namespace EdgeNode.Fleet.Broker.Supervision;

/// <summary>
/// Runs the local Mosquitto when Fleet:Broker:Mode is Supervised: prepares its TLS files and configuration, starts it,
/// waits until it accepts TCP, starts it again with a growing back-off whenever it dies, restarts it when the broker
/// certificate is renewed, and stops it (SIGTERM, then SIGKILL) when the fleet stops. <see cref="State"/> is what the
/// health check reports.
/// </summary>
public sealed class MosquittoSupervisor(
    IOptions<LocalBrokerOptions> options,
    IOptions<FleetDataOptions> data,
    BrokerCertificates certificates,
    IEnumerable<IMosquittoConfigurationPart> parts,
    TimeProvider time,
    ILogger<MosquittoSupervisor> logger) : BackgroundService
{
    /// <summary>A run at least this long was a success: the next failure starts the back-off from the beginning.</summary>
    private static readonly TimeSpan StableRun = TimeSpan.FromMinutes(1);

    /// <summary>How often the broker certificate's end is looked at while Mosquitto runs.</summary>
    private static readonly TimeSpan RenewalCheckInterval = TimeSpan.FromHours(12);

    private readonly LocalBrokerOptions _options = options.Value;

    /// <summary>Who Mosquitto runs as; known once prepared.</summary>
    private BrokerAccount? _account;
    private volatile BrokerState _state = new(BrokerPhase.Starting, "not started yet", null, time.GetUtcNow());

    /// <summary>Completed (and replaced) at every change of <see cref="State"/>.</summary>
    private TaskCompletionSource _stateChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public BrokerState State => _state;

    /// <summary>
    /// Completes once <see cref="State"/> is no longer <paramref name="seen"/>: at once if it has changed already. For
    /// those who act when the broker (re)starts, such as the registry's reconciliation.
    /// </summary>
    public Task ChangedAsync(BrokerState seen, CancellationToken cancellationToken)
    {
        // The task before the state: a change between the two reads is then seen in the state, one after completes the task.
        Task changed = Volatile.Read(ref _stateChanged).Task;
        return ReferenceEquals(_state, seen) ? changed.WaitAsync(cancellationToken) : Task.CompletedTask;
    }

    /// <summary>The written configuration file, once prepared.</summary>
    public string? ConfigurationFile { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.Mode != BrokerMode.Supervised)
        {
            SetState(BrokerPhase.External, $"external broker: the fleet does not run one ({LocalBrokerOptions.SectionName}:Mode is {_options.Mode})", null);
            return;
        }
        string? executable = MosquittoExecutable.Find(_options.Executable);
        if (executable is null)
        {
            string where = _options.Executable.Length > 0 ? _options.Executable : $"{MosquittoExecutable.DebianPath} or mosquitto on PATH";
            logger.LogError("{Message} (looked for {Where}); the fleet runs without its broker", MosquittoExecutable.NotInstalledMessage, where);
            SetState(BrokerPhase.NotInstalled, MosquittoExecutable.NotInstalledMessage, null);
            return;
        }
        try
        {
            ConfigurationFile = Prepare();
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or IOException or UnauthorizedAccessException or CryptographicException)
        {
            logger.LogError(exception, "The broker cannot be started: {Reason}", exception.Message);
            SetState(BrokerPhase.Failed, $"cannot start: {exception.Message}", null);
            return;
        }
        if (await LeftoverBroker.StopAsync(data.Value.BrokerDirectory, ConfigurationFile, _options.StopTimeout) is { } leftover)
        {
            logger.LogWarning("Stopped the Mosquitto (pid {Pid}) an earlier run of the fleet left running, to start this run's own", leftover);
        }
        await SuperviseAsync(executable, ConfigurationFile, stoppingToken);
    }

    private async Task SuperviseAsync(string executable, string configurationFile, CancellationToken stoppingToken)
    {
        TimeSpan delay = _options.RestartMinimumDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            var run = Stopwatch.StartNew();
            string? failure;
            try
            {
                // Again before every start: a renewed broker key is a new file, the fleet's own.
                GrantFiles();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                logger.LogError(exception, "The broker cannot be started: {Reason}", exception.Message);
                SetState(BrokerPhase.Failed, $"cannot start: {exception.Message}", null);
                return;
            }

            await using (MosquittoProcess process = MosquittoProcess.Start(executable, configurationFile, logger))
            {
                LeftoverBroker.Remember(data.Value.BrokerDirectory, process.ProcessId);
                SetState(BrokerPhase.Starting, $"starting (pid {process.ProcessId})", process.ProcessId);
                failure = await RunAsync(process, stoppingToken);
                if (stoppingToken.IsCancellationRequested)
                {
                    await process.StopAsync(_options.StopTimeout);
                    logger.LogInformation("Mosquitto (pid {Pid}) stopped with the fleet", process.ProcessId);
                    SetState(BrokerPhase.Stopped, "stopped with the fleet", null);
                    return;
                }
                if (failure is null)
                {
                    // Stopped on purpose to load a renewed certificate: start again at once.
                    await process.StopAsync(_options.StopTimeout);
                    delay = _options.RestartMinimumDelay;
                    continue;
                }
            }
            if (run.Elapsed >= StableRun)
            {
                delay = _options.RestartMinimumDelay;
            }
            SetState(BrokerPhase.Restarting, $"restarting in {delay.TotalSeconds:0.#} s: {failure}", null);
            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                SetState(BrokerPhase.Stopped, "stopped with the fleet", null);
                return;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.RestartMaximumDelay.Ticks));
        }
    }

    /// <summary>
    /// Until it exits, the fleet stops, or its certificate is renewed. Null when it should be stopped (by the caller)
    /// and started again at once, else why it failed.
    /// </summary>
    private async Task<string?> RunAsync(MosquittoProcess process, CancellationToken stoppingToken)
    {
        if (!await WaitUntilAcceptingAsync(process, stoppingToken))
        {
            if (stoppingToken.IsCancellationRequested)
            {
                return "stopping";
            }
            if (!process.HasExited)
            {
                string reason = $"it did not accept connections within {_options.StartTimeout.TotalSeconds:0} s";
                logger.LogWarning("Mosquitto (pid {Pid}): {Reason}; stopping it to start again. Its last lines: {Lines}",
                    process.ProcessId, reason, string.Join(" | ", process.LastLines));
                await process.StopAsync(_options.StopTimeout);
                return reason;
            }
            await process.WaitForExitAsync(CancellationToken.None);
            return Exited(process);
        }
        SetState(BrokerPhase.Running, RunningDescription(process.ProcessId), process.ProcessId);
        logger.LogInformation("Mosquitto running (pid {Pid}): {Listeners}", process.ProcessId, Listeners());
        while (true)
        {
            using var renewalCheck = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            renewalCheck.CancelAfter(RenewalCheckInterval);
            try
            {
                await process.WaitForExitAsync(renewalCheck.Token);
                return Exited(process);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return "stopping";
            }
            catch (OperationCanceledException)
            {
                if (RenewedCertificate())
                {
                    logger.LogInformation("Restarting Mosquitto (pid {Pid}) to load the renewed broker certificate", process.ProcessId);
                    return null;
                }
            }
        }
    }

    private string Exited(MosquittoProcess process)
    {
        IReadOnlyList<string> lines = process.LastLines;
        logger.LogWarning("Mosquitto (pid {Pid}) exited with code {ExitCode}; starting it again. Its last lines: {Lines}",
            process.ProcessId, process.ExitCode, lines.Count > 0 ? string.Join(" | ", lines) : "(none)");
        return lines.Count > 0 ? $"it exited with code {process.ExitCode}: {lines[^1]}" : $"it exited with code {process.ExitCode}";
    }

    private bool RenewedCertificate()
    {
        try
        {
            return certificates.Ensure().Issued;
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or UnauthorizedAccessException or CryptographicException)
        {
            logger.LogError(exception, "Could not check or renew the broker certificate: {Reason}", exception.Message);
            return false;
        }
    }

    private async Task<bool> WaitUntilAcceptingAsync(MosquittoProcess process, CancellationToken stoppingToken)
    {
        int port = _options.TlsPort;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < _options.StartTimeout && !stoppingToken.IsCancellationRequested)
        {
            if (process.HasExited)
            {
                return false;
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, stoppingToken);
                // The port may belong to someone else (a left-over broker): only a child still alive counts.
                return !process.HasExited;
            }
            catch (SocketException)
            {
            }
            catch (OperationCanceledException)
            {
                return false;
            }
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>TLS files, persistence directory and mosquitto.conf; returns the configuration's path.</summary>
    private string Prepare()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The supervised broker runs on Linux.");
        }
        string brokerDirectory = data.Value.BrokerDirectory;
        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Directory.CreateDirectory(brokerDirectory, OwnerOnly);
        string persistence = Path.Combine(brokerDirectory, "persistence");
        Directory.CreateDirectory(persistence, OwnerOnly);
        BrokerTlsFiles tls = certificates.Ensure().Files;
        _account = BrokerAccount.For(_options);
        var configuration = new MosquittoConfiguration(
            _options.TlsPort,
            tls,
            persistence,
            _account.Name,
            [.. parts.SelectMany(part => part.Lines(brokerDirectory))]);
        string file = MosquittoConfigurationWriter.Write(brokerDirectory, configuration);
        logger.LogInformation("Wrote the broker configuration {File}", file);
        return file;
    }

    private void GrantFiles()
    {
        if (OperatingSystem.IsWindows() || _account is not { Separate: true } account)
        {
            return;
        }

        string brokerDirectory = data.Value.BrokerDirectory;
        account.Grant(
            brokerDirectory,
            Path.Combine(brokerDirectory, "persistence"),
            Path.GetDirectoryName(Accounts.DynamicSecurityConfigurationPart.PathIn(brokerDirectory))!,
            certificates.Directory,
            _options.TlsCertificateFile.Length == 0 ? certificates.Ensure().Files.KeyFile : null);
    }

    private string Listeners() => $"TLS on port {_options.TlsPort}, the only listener";

    private string RunningDescription(int pid) => $"running (pid {pid}), {Listeners()}";

    private void SetState(BrokerPhase phase, string description, int? pid)
    {
        _state = new BrokerState(phase, description, pid, time.GetUtcNow());
        Interlocked.Exchange(ref _stateChanged, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }
}

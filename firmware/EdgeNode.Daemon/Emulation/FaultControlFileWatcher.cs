using EdgeNode.Daemon.NodeHardware;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeNode.Daemon.Emulation;

/// <summary>
/// Injects faults into a running emulated node: the <c>--fault</c> list at start, then whatever the
/// <see cref="FaultControlFile"/> says, read again every <see cref="PollInterval"/> of real time (not emulated
/// time, so a person editing the file sees it applied within seconds at any <c>--speed</c>). A line that cannot
/// be used is logged once as a warning and ignored; nothing in the file stops the node.
/// </summary>
public sealed class FaultControlFileWatcher(
    string dataDirectory,
    RuntimeFaults faults,
    SensorWiring wiring,
    IReadOnlyList<InjectedFault> atStart,
    ILogger<FaultControlFileWatcher> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    private string? _lastText;
    private string? _lastReadError;

    /// <summary>
    /// Puts the start faults in force (on the wire once the node has identified each sensor, see
    /// <see cref="RuntimeFaults.SetAtStart"/>) and writes them to the file before the node's service starts looking for sensors.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        faults.SetAtStart(atStart);
        try
        {
            FaultControlFile.Write(dataDirectory, atStart);
            _lastText = File.ReadAllText(FaultControlFile.PathIn(dataDirectory));
            logger.LogInformation("Emulation: faults can be injected while running by editing {File}", FaultControlFile.PathIn(dataDirectory));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Emulation: cannot write {File} ({Message}); faults can only be given with --fault", FaultControlFile.PathIn(dataDirectory), e.Message);
        }

        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(PollInterval, TimeProvider.System, stoppingToken);
                CheckOnce();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Reads the file and, if it changed since last time, applies it. A missing file means no faults.</summary>
    internal void CheckOnce()
    {
        string path = FaultControlFile.PathIn(dataDirectory);
        string text;
        try
        {
            text = File.Exists(path) ? File.ReadAllText(path) : "";
            _lastReadError = null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (_lastReadError != e.Message)
            {
                _lastReadError = e.Message;
                logger.LogWarning("Emulation: cannot read {File} ({Message}); the faults in force stay", path, e.Message);
            }

            return;
        }

        if (text == _lastText)
        {
            return;
        }

        _lastText = text;
        (IReadOnlyList<InjectedFault>? wanted, IReadOnlyList<string>? problems) = FaultControlFile.Parse(text, wiring.Fitted);
        foreach (string problem in problems)
        {
            logger.LogWarning("Emulation: {Problem} The line is ignored.", problem);
        }

        faults.Set(wanted);
    }
}

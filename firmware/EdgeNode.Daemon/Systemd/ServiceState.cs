namespace EdgeNode.Daemon.Systemd;

/// <summary>A state line for sd_notify(3): what the service tells systemd.</summary>
public readonly record struct ServiceState(string Text)
{
    /// <summary>Start-up is finished: with <c>Type=notify</c>, systemd waits for this before "started".</summary>
    public static ServiceState Ready { get; } = new("READY=1");

    public static ServiceState Stopping { get; } = new("STOPPING=1");

    /// <summary>Keeps <c>WatchdogSec=</c> from restarting the service; sent only from a loop that really works.</summary>
    public static ServiceState Watchdog { get; } = new("WATCHDOG=1");

    /// <summary>A one-line status shown by <c>systemctl status</c>.</summary>
    public static ServiceState Status(string text) => new($"STATUS={text.ReplaceLineEndings(" ")}");

    public override string ToString() => Text;
}

namespace EdgeNode.Daemon.Uplink;

/// <summary>
/// Section "Uplink" of the node's configuration: where the broker is, who the node is to it, and how soberly it
/// sends. With no <see cref="Broker"/> the node only buffers, which is how it runs before enrolment.
/// </summary>
public sealed class UplinkOptions
{
    public const string SectionName = "Uplink";

    /// <summary>The broker's host name or address; empty to keep windows on the node only.</summary>
    public string Broker { get; set; } = "";

    /// <summary>8883 is MQTT over TLS; 1883 (plain) is only for a broker on the same machine.</summary>
    public int Port { get; set; } = 8883;

    /// <summary>The node's broker user name; the node id when empty.</summary>
    public string Username { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>The site CA the fleet handed out at enrolment (PEM); empty for plain MQTT.</summary>
    public string CaFile { get; set; } = "";

    /// <summary>How often windows and health go up. Alerts never wait for it.</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>
    /// Cap on what a backlog drain sends, so a node back from a week offline does not saturate (or exhaust) a
    /// metered link. Regular syncs are far below it.
    /// </summary>
    public int BacklogBytesPerSecond { get; set; } = 2_048;

    /// <summary>Windows per batch: a day of 15-minute windows fits in one.</summary>
    public int MaxWindowsPerBatch { get; set; } = 96;

    /// <summary>
    /// How often the health report goes up with a sync; by default with every hourly sync, as the fleet's panel
    /// expects. It also goes at the first sync after a start and whenever a sensor's fault state changes, so on a
    /// metered link it can be spaced out (4 h saves about 3 KB a day, a fifth of the node's bytes) without staff
    /// missing a fault.
    /// </summary>
    public TimeSpan HealthInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long to wait for the fleet's ack before leaving the batch for the next sync.</summary>
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Long, because every PINGREQ/PINGRESP pair costs bytes on a metered link; short enough for a mobile
    /// operator's NAT to keep the connection (most keep idle TCP for 30 min or more).
    /// </summary>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long after start windows recorded before the clock was synchronised are held back, waiting to be
    /// re-stamped. Past it they go flagged Unconfirmed, so a node whose time source is blocked still delivers.
    /// </summary>
    public TimeSpan UndatedHoldBack { get; set; } = TimeSpan.FromHours(6);

    public bool Enabled => Broker.Length > 0;

    internal UplinkOptions Copy() => (UplinkOptions)MemberwiseClone();

    public IEnumerable<string> Problems()
    {
        if (!Enabled)
        {
            yield break;
        }
        if (Port is < 1 or > 65535)
        {
            yield return $"Uplink:Port is {Port}: give a TCP port, 8883 for MQTT over TLS.";
        }
        if (CaFile.Length > 0 && !File.Exists(CaFile))
        {
            yield return $"Uplink:CaFile '{CaFile}' does not exist: copy the CA certificate the fleet gave at enrolment there.";
        }
        if (SyncInterval < TimeSpan.FromMinutes(1) || SyncInterval > TimeSpan.FromDays(1))
        {
            yield return $"Uplink:SyncInterval is {SyncInterval}: give between 00:01:00 and 1.00:00:00.";
        }
        if (BacklogBytesPerSecond < 100)
        {
            yield return $"Uplink:BacklogBytesPerSecond is {BacklogBytesPerSecond}: give at least 100.";
        }
        if (MaxWindowsPerBatch is < 1 or > 2000)
        {
            yield return $"Uplink:MaxWindowsPerBatch is {MaxWindowsPerBatch}: give 1 to 2000.";
        }
        if (HealthInterval < TimeSpan.FromMinutes(1) || HealthInterval > TimeSpan.FromDays(1))
        {
            yield return $"Uplink:HealthInterval is {HealthInterval}: give between 00:01:00 and 1.00:00:00.";
        }
        if (AckTimeout < TimeSpan.FromSeconds(5))
        {
            yield return $"Uplink:AckTimeout is {AckTimeout}: give at least 00:00:05.";
        }
        if (KeepAlive < TimeSpan.FromSeconds(10) || KeepAlive > TimeSpan.FromHours(18))
        {
            yield return $"Uplink:KeepAlive is {KeepAlive}: give between 00:00:10 and 18:00:00 (MQTT's limit).";
        }
    }
}

namespace EdgeNode.Fleet.Broker.Session;

/// <summary>Section "Fleet:Broker": the MQTT broker the fleet reads nodes from and writes to them through.</summary>
public sealed class FleetBrokerOptions
{
    public const string SectionName = "Fleet:Broker";

    /// <summary>Empty turns ingest off (the web part still runs).</summary>
    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 1883;

    public string Username { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>The CA the broker's certificate chains to (PEM); empty for plain MQTT (a broker on a trusted network only).</summary>
    public string CaFile { get; set; } = "";

    /// <summary>
    /// The name the broker's certificate must carry, when <see cref="Host"/> is an address or alias it does not name;
    /// empty: <see cref="Host"/>. Only with <see cref="CaFile"/>.
    /// </summary>
    public string TlsName { get; set; } = "";

    /// <summary>TLS as these settings ask for it (the CA file is read now), or null for plain MQTT.</summary>
    public MqttLink.MqttTlsOptions? Tls() =>
        CaFile.Length > 0 ? MqttLink.MqttTlsOptions.FromPemFile(CaFile, TlsName.Length > 0 ? TlsName : null) : null;

    /// <summary>
    /// An external broker's dynamic-security admin, with which the fleet creates and revokes node accounts. Not used
    /// with a supervised broker: the fleet made that one's admin itself.
    /// </summary>
    public string AdminUsername { get; set; } = DefaultAdminUsername;

    /// <summary>
    /// The admin's user name, the supervised broker's too. The '.' keeps it outside the node-id alphabet, so no node
    /// can ever be enrolled under it.
    /// </summary>
    public const string DefaultAdminUsername = "fleet.admin";

    public string AdminPassword { get; set; } = "";

    /// <summary>Unique per fleet instance: the broker keeps this instance's session (and its queued messages) under it.</summary>
    /// <remarks>
    /// Never a valid node id (hence the '.'): Mosquitto hands a client id's session to whoever connects with it next,
    /// and a node may connect with its own id, so a node enrolled as "fleet-1" could throw a "fleet-1" fleet off.
    /// </remarks>
    public string ClientId { get; set; } = "fleet.1";

    /// <summary>Null when the settings can be used; otherwise what is wrong, naming the setting.</summary>
    public string? Problem() =>
        EdgeNode.Protocol.Topics.NodeId.IsValid(ClientId, out _)
            ? $"{SectionName}:ClientId '{ClientId}' is a valid node id, so a node enrolled under it could take the fleet's session over: use one with a '.', such as fleet.1"
            : null;

    /// <summary>Instances in the same group share the nodes' messages between them ($share/{group}/…).</summary>
    public string SharedGroup { get; set; } = "fleet";

    /// <summary>Rows committed in one transaction at most; bigger batches amortise the commit, smaller ones ack sooner.</summary>
    public int MaxRowsPerCommit { get; set; } = 20_000;

    /// <summary>
    /// Commits in flight at once. Two let PostgreSQL work on one while the fleet gathers and acks the other (the
    /// store benchmark measured 81,000 against 65,000 rows/s); SQLite queues its writers, so it gains little.
    /// </summary>
    public int CommitConcurrency { get; set; } = 2;

    /// <summary>How long the first message of a commit may wait for others to join it.</summary>
    public TimeSpan MaxCommitDelay { get; set; } = TimeSpan.FromMilliseconds(200);
}

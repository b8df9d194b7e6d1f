namespace EdgeNode.Fleet.Broker;

/// <summary>
/// Section "Fleet:Broker", the part that says how the fleet runs its own broker (the part that says how ingest
/// connects is <see cref="Session.FleetBrokerOptions"/>, bound to the same section).
/// </summary>
public sealed class LocalBrokerOptions
{
    public const string SectionName = "Fleet:Broker";

    /// <summary>
    /// Supervised unless configured: a municipality with one server should not have to learn Mosquitto. A deployment
    /// with a broker of its own (or a cluster) sets <c>Fleet__Broker__Mode=External</c> and Host, Port, CaFile, and
    /// the plugin's AdminUsername/AdminPassword for enrolment.
    /// </summary>
    public BrokerMode Mode { get; set; } = BrokerMode.Supervised;

    /// <summary>
    /// The broker's only listener, TLS on every address: nodes connect to it, and so does the fleet itself, at 127.0.0.1.
    /// </summary>
    public int TlsPort { get; set; } = 8883;

    /// <summary>
    /// Names and addresses the broker certificate carries (subject alternative names), comma separated; the names
    /// nodes use to reach the broker. Empty: this machine's host name, localhost and 127.0.0.1.
    /// </summary>
    public string TlsNames { get; set; } = "";

    /// <summary>A certificate from a real CA (PEM, the full chain: leaf first). Empty: the fleet's own site CA signs one.</summary>
    public string TlsCertificateFile { get; set; } = "";

    /// <summary>The private key of <see cref="TlsCertificateFile"/> (PEM).</summary>
    public string TlsKeyFile { get; set; } = "";

    /// <summary>The root CA that <see cref="TlsCertificateFile"/> chains to (PEM): what nodes are given to trust.</summary>
    public string TlsCaFile { get; set; } = "";

    /// <summary>The broker certificate the fleet signs is renewed (and Mosquitto restarted) when it has less left than this.</summary>
    public TimeSpan TlsRenewBefore { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// The account Mosquitto drops to when the fleet runs as root (the demo, CI, a container); Debian's package creates
    /// "mosquitto". A fleet that is not root runs Mosquitto as its own user and does not use this.
    /// </summary>
    public string User { get; set; } = "mosquitto";

    /// <summary>Mosquitto's program. Empty: /usr/sbin/mosquitto, else "mosquitto" on PATH.</summary>
    public string Executable { get; set; } = "";

    /// <summary>How long Mosquitto has to accept TCP after it starts before it counts as failed.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long Mosquitto has to exit after SIGTERM (it saves its persistence file) before it gets SIGKILL.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first wait before restarting a Mosquitto that died; doubled at each failure in a row.</summary>
    public TimeSpan RestartMinimumDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between restarts.</summary>
    public TimeSpan RestartMaximumDelay { get; set; } = TimeSpan.FromMinutes(1);
}

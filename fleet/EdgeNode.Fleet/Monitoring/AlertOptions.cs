namespace EdgeNode.Fleet.Monitoring;

/// <summary>How the fleet raises alerts and tells the outside about pollution (section <see cref="SectionName"/>).</summary>
public sealed class AlertOptions
{
    public const string SectionName = "Fleet:Alerts";

    /// <summary>How often alerts are evaluated.</summary>
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Where pollution alerts are POSTed as JSON; none when empty.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>
    /// Key with which each delivery is signed (<see cref="WebhookSignature"/>), shared with the receiver; unsigned when
    /// empty. At least 32 characters: a short key can be guessed from signed requests.
    /// </summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Attempts per alert, the first included, before it is given up (and logged).</summary>
    public int WebhookAttempts { get; set; } = 8;

    /// <summary>Wait after the first failure; doubled after each further one, up to <see cref="WebhookMaximumRetryDelay"/>.</summary>
    public TimeSpan WebhookFirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan WebhookMaximumRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one POST may take.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Deliveries waiting at most; beyond, the oldest is dropped (and logged) rather than memory growing.</summary>
    public int WebhookQueueLength { get; set; } = 1000;

    /// <summary>
    /// Thresholds the fleet checks itself, by metric ("pm25_ugm3" → 50): a node whose newest window (within two sync
    /// intervals) has a mean at or above one is in pollution alert, as if it had raised one. Empty by default: nodes
    /// raise pollution alerts themselves on their rolling means; these are for nodes configured without bands, or
    /// for a municipality's own stricter limit. Costs one small read per node and metric per evaluation.
    /// </summary>
    public Dictionary<string, double> PollutionThresholds { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How far back the alerts page lists cleared alerts.</summary>
    public TimeSpan RecentlyClearedWindow { get; set; } = TimeSpan.FromDays(7);
}

namespace EdgeNode.Fleet.Monitoring;

/// <summary>How the fleet raises alerts and tells the outside about pollution (section <see cref="SectionName"/>).</summary>
public sealed class AlertOptions
{
    public const string SectionName = "Fleet:Alerts";

    /// <summary>How often alerts are evaluated.</summary>
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Where pollution alerts are POSTed as JSON; none when empty.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Attempts per alert, the first included, before it is given up (and logged).</summary>
    public int WebhookAttempts { get; set; } = 8;

    /// <summary>Wait after the first failure; doubled after each further one, up to <see cref="WebhookMaximumRetryDelay"/>.</summary>
    public TimeSpan WebhookFirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan WebhookMaximumRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one POST may take.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Deliveries waiting at most; beyond, the oldest is dropped (and logged) rather than memory growing.</summary>
    public int WebhookQueueLength { get; set; } = 1000;

    /// <summary>How far back the alerts page lists cleared alerts.</summary>
    public TimeSpan RecentlyClearedWindow { get; set; } = TimeSpan.FromDays(7);
}

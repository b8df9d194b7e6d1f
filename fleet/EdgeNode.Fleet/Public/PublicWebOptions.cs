namespace EdgeNode.Fleet.Public;

/// <summary>Settings of the public pages and open data, section <c>Fleet:Web</c>.</summary>
public sealed class PublicWebOptions
{
    public const string SectionName = "Fleet:Web";

    /// <summary>
    /// A Leaflet tile URL template such as <c>https://tile.example/{z}/{x}/{y}.png</c>. Empty (the default): the map
    /// shows its markers on a plain background, and no visitor's browser calls a third-party tile server.
    /// </summary>
    public string MapTileUrl { get; set; } = "";

    /// <summary>The attribution the tile provider asks for, shown on the map.</summary>
    public string MapAttribution { get; set; } = "";

    /// <summary>The IANA time zone the pages speak in ("today", hours on the chart).</summary>
    public string TimeZone { get; set; } = "Europe/Paris";

    /// <summary>
    /// How late a node may be, beyond its sync interval (<c>Fleet:Monitoring:SyncInterval</c>) and a window, before its
    /// band goes out and the pages say "no measurement since …".
    /// </summary>
    public TimeSpan LateMargin { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Requests one client IP may make to the public pages and open data per <see cref="RateLimitWindowSeconds"/>.</summary>
    public int RateLimitPermits { get; set; } = 120;

    public int RateLimitWindowSeconds { get; set; } = 60;

    /// <summary>The longest time range one open-data request may ask for.</summary>
    public int OpenDataMaxRangeDays { get; set; } = 31;
}

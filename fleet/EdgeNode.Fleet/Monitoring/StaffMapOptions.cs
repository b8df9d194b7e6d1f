namespace EdgeNode.Fleet.Monitoring;

/// <summary>The staff map's background (section <see cref="SectionName"/>).</summary>
public sealed class StaffMapOptions
{
    public const string SectionName = "Fleet:Web";

    /// <summary>
    /// A Leaflet tile URL template ("https://tile.openstreetmap.org/{z}/{x}/{y}.png"); empty for markers on a plain
    /// background, which needs no outside server and no consent.
    /// </summary>
    public string? MapTileUrl { get; set; }

    /// <summary>The tiles' required credit, shown under the map ("© OpenStreetMap contributors").</summary>
    public string? MapTileAttribution { get; set; }
}

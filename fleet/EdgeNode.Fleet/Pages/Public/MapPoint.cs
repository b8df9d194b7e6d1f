namespace EdgeNode.Fleet.Pages.Public;

/// <summary>One marker for the map script: where, what to call it, where it links, and its band in words and colour.</summary>
public sealed record MapPoint(double Lat, double Lon, string Name, string Url, string? Band, string? Colour);

namespace EdgeNode.Fleet.Monitoring;

/// <summary>One node on the staff map: where, what, and its status as a colour and words.</summary>
public sealed record MapMarker(string Id, string Name, double Latitude, double Longitude, string Status, string Label, string Colour, string Url);

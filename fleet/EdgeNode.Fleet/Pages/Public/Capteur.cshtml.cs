using EdgeNode.Fleet.AirQuality;
using EdgeNode.Fleet.Public;

namespace EdgeNode.Fleet.Pages.Public;

/// <summary>One node's page: the air now and what it means, the last 24 hours, today's traffic, where it is, its open data.</summary>
public sealed class CapteurModel(PublicAirQualityReader reader) : PublicPageModel
{
    public NodeSituation? Node { get; private set; }

    public IReadOnlyList<MapPoint> Points { get; private set; } = [];

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        if (await reader.NodeAsync(id, ct) is not { } node)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        Node = await reader.SituationAsync(node, ct);
        if (node is { Latitude: { } lat, Longitude: { } lon })
        {
            CurrentAirQuality? current = Node.Current;
            Points = [new MapPoint(lat, lon, node.Name, $"/capteur/{Uri.EscapeDataString(node.Id)}",
                current is null ? null : Text.BandName(current.Band), current is null ? null : BandStyle.Background(current.Band))];
        }
    }
}

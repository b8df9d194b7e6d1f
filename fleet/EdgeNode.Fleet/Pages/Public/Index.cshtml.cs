using EdgeNode.Fleet.AirQuality;
using EdgeNode.Fleet.Public;
using EdgeNode.Fleet.Registry;
using EdgeNode.Protocol.AirQuality;

namespace EdgeNode.Fleet.Pages.Public;

/// <summary>The home page: the municipalities with sensors, each with its current band and a link to its page.</summary>
public sealed class IndexModel(PublicAirQualityReader reader) : PublicPageModel
{
    public IReadOnlyList<MunicipalityAirNow> Municipalities { get; private set; } = [];

    public IReadOnlyList<MapPoint> Points { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var municipalities = new List<MunicipalityAirNow>();
        var points = new List<MapPoint>();
        foreach (PublicMunicipality municipality in await reader.MunicipalitiesAsync(ct))
        {
            AirQualityBand? worst = null;
            foreach (RegisteredNode node in municipality.Nodes)
            {
                CurrentAirQuality? current = await reader.CurrentAsync(node, ct);
                if (current is not null && (worst is null || current.Band > worst))
                {
                    worst = current.Band;
                }
                if (node is { Latitude: { } lat, Longitude: { } lon })
                {
                    points.Add(new MapPoint(lat, lon, $"{node.Name} ({node.Municipality})", $"/capteur/{Uri.EscapeDataString(node.Id)}",
                        current is null ? null : Text.BandName(current.Band), current is null ? null : BandStyle.Background(current.Band)));
                }
            }
            municipalities.Add(new MunicipalityAirNow(municipality, worst));
        }
        Municipalities = municipalities;
        Points = points;
    }
}

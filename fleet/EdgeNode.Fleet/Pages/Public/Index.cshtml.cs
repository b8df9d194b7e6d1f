using EdgeNode.Fleet.Public;

namespace EdgeNode.Fleet.Pages.Public;

/// <summary>The home page: the municipalities with sensors, each linking to its page.</summary>
public sealed class IndexModel(PublicAirQualityReader reader) : PublicPageModel
{
    public IReadOnlyList<PublicMunicipality> Municipalities { get; private set; } = [];

    public IReadOnlyList<MapPoint> Points { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Municipalities = await reader.MunicipalitiesAsync(ct);
        Points = Municipalities.SelectMany(m => m.Nodes)
            .Where(n => n is { Latitude: not null, Longitude: not null })
            .Select(n => new MapPoint(n.Latitude!.Value, n.Longitude!.Value, $"{n.Name} ({n.Municipality})", $"/capteur/{Uri.EscapeDataString(n.Id)}", null, null))
            .ToList();
    }
}

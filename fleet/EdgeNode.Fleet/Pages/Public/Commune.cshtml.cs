using EdgeNode.Fleet.AirQuality;
using EdgeNode.Fleet.Public;
using EdgeNode.Fleet.Registry;
using EdgeNode.Protocol.AirQuality;

namespace EdgeNode.Fleet.Pages.Public;

/// <summary>A municipality's page: each of its nodes with the air now, the last 24 hours and today's traffic, then what the bands mean.</summary>
public sealed class CommuneModel(PublicAirQualityReader reader) : PublicPageModel
{
    public PublicMunicipality? Municipality { get; private set; }

    public IReadOnlyList<NodeSituation> Nodes { get; private set; } = [];

    /// <summary>The bands shown as current on the page, best first: the advice section explains each.</summary>
    public IReadOnlyList<AirQualityBand> BandsShown { get; private set; } = [];

    public IReadOnlyList<MapPoint> Points { get; private set; } = [];

    public PublicAirQualityReader Reader => reader;

    public async Task OnGetAsync(string slug, CancellationToken ct)
    {
        Municipality = await reader.MunicipalityAsync(slug, ct);
        if (Municipality is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var nodes = new List<NodeSituation>();
        foreach (RegisteredNode node in Municipality.Nodes)
        {
            nodes.Add(await reader.SituationAsync(node, ct));
        }
        Nodes = nodes;
        BandsShown = nodes.Where(n => n.Current is not null).Select(n => n.Current!.Band).Distinct().Order().ToList();
        Points = nodes.Where(n => n.Node is { Latitude: not null, Longitude: not null })
            .Select(n => new MapPoint(
                n.Node.Latitude!.Value, n.Node.Longitude!.Value, n.Node.Name, $"/capteur/{Uri.EscapeDataString(n.Node.Id)}",
                n.Current is { } c ? Text.BandName(c.Band) : null,
                n.Current is { } current ? BandStyle.Background(current.Band) : null))
            .ToList();
    }
}

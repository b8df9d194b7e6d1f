using EdgeNode.Fleet.Localisation;
using EdgeNode.Fleet.Monitoring;
using EdgeNode.Fleet.Public;
using EdgeNode.Fleet.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace EdgeNode.Fleet.Pages.Staff;

/// <summary>The fleet at a glance: counts by status, the map, and the table sorted and filtered by the query string.</summary>
[Authorize(Policy = StaffPolicies.Staff)]
public sealed class IndexModel(FleetStatusReader reader, IMonitoringStore alerts, IOptions<PublicWebOptions> web) : PageModel
{
    public FleetStatus Fleet { get; private set; } = null!;

    public FleetTableQuery Query { get; private set; } = null!;

    public IReadOnlyList<NodeState> Rows { get; private set; } = [];

    public IReadOnlyList<MapMarker> Markers { get; private set; } = [];

    /// <summary>The tile server and its credit: the same settings as the public map's, one background for both.</summary>
    public PublicWebOptions Map => web.Value;

    public int OpenAlerts { get; private set; }

    public async Task OnGetAsync(string? sort, string? dir, string? status, string? q, CancellationToken ct)
    {
        Fleet = await reader.ReadAsync(ct);
        OpenAlerts = (await alerts.ReadOpenAlertsAsync(null, ct)).Count;
        Query = FleetTableQuery.From(sort, dir, status, q);
        Rows = Query.Apply(Fleet.Nodes);
        Markers = [.. Rows
            .Where(node => node.Registered is { Latitude: not null, Longitude: not null })
            .Select(node => new MapMarker(node.NodeId, node.Name, node.Registered!.Latitude!.Value, node.Registered.Longitude!.Value,
                StatusStyle.Slug(node.Status), StaffText.French.Status(node.Status), StatusStyle.Colour(node.Status), NodeUrl(node.NodeId)))];
    }

    public static string NodeUrl(string id) => "/staff/nodes/" + Uri.EscapeDataString(id);
}

namespace EdgeNode.Fleet.Monitoring;

/// <summary>
/// The overview table's sort and filters, as they travel in the query string (so that the table works without
/// JavaScript and a filtered view can be bookmarked): <c>?status=silent&amp;q=ecole&amp;sort=lastseen&amp;dir=desc</c>.
/// </summary>
/// <param name="Sort">name, lamppost, municipality, lastseen, backlog, firmware or status (the default: most urgent first).</param>
/// <param name="Descending">dir=desc.</param>
/// <param name="Status">Only nodes in this status, or all.</param>
/// <param name="Search">Part of the name, id, municipality or lamppost id, any case; or empty.</param>
public sealed record FleetTableQuery(string Sort, bool Descending, NodeStatus? Status, string Search)
{
    public static readonly IReadOnlyList<string> Columns = ["name", "lamppost", "municipality", "lastseen", "backlog", "firmware", "status"];

    public static FleetTableQuery From(string? sort, string? dir, string? status, string? search) => new(
        Columns.Contains(sort) ? sort! : "status",
        string.Equals(dir, "desc", StringComparison.OrdinalIgnoreCase),
        StatusStyle.FromSlug(status),
        search?.Trim() ?? "");

    public IReadOnlyList<NodeState> Apply(IEnumerable<NodeState> nodes)
    {
        IEnumerable<NodeState> kept = nodes;
        if (Status is { } status)
        {
            kept = kept.Where(node => node.Status == status);
        }

        if (Search.Length > 0)
        {
            // Accents folded too: "ecole" finds "École", as someone typing on a phone would expect.
            string wanted = FrenchOrder.Fold(Search);
            kept = kept.Where(node => new[] { node.Name, node.NodeId, node.Municipality, node.LampPostId }
                .Any(text => FrenchOrder.Fold(text).Contains(wanted, StringComparison.Ordinal)));
        }

        FrenchOrder text = FrenchOrder.Instance;
        IOrderedEnumerable<NodeState> sorted = Sort switch
        {
            "name" => Order(kept, node => node.Name, text),
            "lamppost" => Order(kept, node => node.LampPostId, text),
            "municipality" => Order(kept, node => node.Municipality, text),
            // Never seen sorts as the oldest.
            "lastseen" => Order(kept, node => node.LastSeen ?? DateTimeOffset.MinValue, Comparer<DateTimeOffset>.Default),
            "backlog" => Order(kept, node => node.Health?.BacklogWindows ?? -1, Comparer<int>.Default),
            "firmware" => Order(kept, node => FirmwareVersion.TryParse(node.Health?.FirmwareVersion), Comparer<FirmwareVersion?>.Create((a, b) =>
                a is null ? (b is null ? 0 : -1) : a.CompareTo(b))),
            _ => Order(kept, node => node.Status, Comparer<NodeStatus>.Default),
        };

        // Ties in a stable, predictable order.
        return [.. sorted.ThenBy(node => node.Municipality, text).ThenBy(node => node.Name, text).ThenBy(node => node.NodeId, StringComparer.Ordinal)];
    }

    /// <summary>The query string for this view with some parts changed (for the column links and the filter reset).</summary>
    public string With(string? sort = null, bool? descending = null, NodeStatus? status = null, bool clearStatus = false, string? search = null)
    {
        var parts = new List<string>();
        NodeStatus? keptStatus = clearStatus ? null : status ?? Status;
        if (keptStatus is { } s)
        {
            parts.Add("status=" + StatusStyle.Slug(s));
        }

        string keptSearch = search ?? Search;
        if (keptSearch.Length > 0)
        {
            parts.Add("q=" + Uri.EscapeDataString(keptSearch));
        }

        parts.Add("sort=" + (sort ?? Sort));
        if (descending ?? Descending)
        {
            parts.Add("dir=desc");
        }

        return "?" + string.Join("&", parts);
    }

    private IOrderedEnumerable<NodeState> Order<TKey>(IEnumerable<NodeState> nodes, Func<NodeState, TKey> key, IComparer<TKey> comparer) =>
        Descending ? nodes.OrderByDescending(key, comparer) : nodes.OrderBy(key, comparer);
}

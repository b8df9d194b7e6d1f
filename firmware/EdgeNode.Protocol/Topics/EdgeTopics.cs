namespace EdgeNode.Protocol.Topics;

/// <summary>
/// The topic tree. Everything a node says is under <c>edge/{nodeId}/up/…</c> (plus its retained status), everything
/// said to it under <c>edge/{nodeId}/down/…</c>, so one ACL pattern per direction confines a node to its own branch.
/// </summary>
public static class EdgeTopics
{
    public const string Root = "edge";

    /// <summary>What the fleet subscribes to: every node's upward messages.</summary>
    public const string AllUp = "edge/+/up/#";

    /// <summary>Every node's retained status (online/offline).</summary>
    public const string AllStatus = "edge/+/status";

    public static string Up(string nodeId, UpChannel channel) => $"{Root}/{NodeId.Require(nodeId)}/up/{Name(channel)}";

    public static string Down(string nodeId, DownChannel channel) => $"{Root}/{NodeId.Require(nodeId)}/down/{Name(channel)}";

    /// <summary>What a node subscribes to.</summary>
    public static string AllDown(string nodeId) => $"{Root}/{NodeId.Require(nodeId)}/down/#";

    public static string Status(string nodeId) => $"{Root}/{NodeId.Require(nodeId)}/status";

    /// <summary>
    /// Reads a topic from the tree. Returns false for anything that is not exactly one of the known topics with a
    /// valid node id; <paramref name="problem"/> then says what is wrong, for the dead-letter table.
    /// </summary>
    public static bool TryParse(string topic, out ParsedTopic parsed, out string problem)
    {
        parsed = default;
        string[] levels = topic.Split('/');
        if (levels.Length < 3 || levels[0] != Root)
        {
            problem = $"topic '{Shorten(topic)}' is not under {Root}/{{nodeId}}/";
            return false;
        }
        if (!NodeId.IsValid(levels[1], out string idProblem))
        {
            problem = $"topic '{Shorten(topic)}': {idProblem}";
            return false;
        }
        string node = levels[1];
        if (levels.Length == 3 && levels[2] == "status")
        {
            parsed = new ParsedTopic(node, TopicKind.Status, default, default);
            problem = "";
            return true;
        }
        if (levels.Length == 4 && levels[2] == "up" && TryUp(levels[3], out UpChannel up))
        {
            parsed = new ParsedTopic(node, TopicKind.Up, up, default);
            problem = "";
            return true;
        }
        if (levels.Length == 4 && levels[2] == "down" && TryDown(levels[3], out DownChannel down))
        {
            parsed = new ParsedTopic(node, TopicKind.Down, default, down);
            problem = "";
            return true;
        }
        problem = $"topic '{Shorten(topic)}' is not a known EdgeNode topic";
        return false;
    }

    private static string Name(UpChannel channel) => channel switch
    {
        UpChannel.Batch => "batch",
        UpChannel.Health => "health",
        UpChannel.Alert => "alert",
        UpChannel.Ack => "ack",
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };

    private static string Name(DownChannel channel) => channel switch
    {
        DownChannel.Config => "config",
        DownChannel.Ack => "ack",
        DownChannel.Update => "update",
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };

    private static bool TryUp(string level, out UpChannel channel)
    {
        foreach (UpChannel c in Enum.GetValues<UpChannel>())
        {
            if (Name(c) == level)
            {
                channel = c;
                return true;
            }
        }
        channel = default;
        return false;
    }

    private static bool TryDown(string level, out DownChannel channel)
    {
        foreach (DownChannel c in Enum.GetValues<DownChannel>())
        {
            if (Name(c) == level)
            {
                channel = c;
                return true;
            }
        }
        channel = default;
        return false;
    }

    // A hostile topic can be 64 KB long; the dead-letter reason only needs its beginning.
    private static string Shorten(string topic) => topic.Length <= 120 ? topic : topic[..120] + "…";
}

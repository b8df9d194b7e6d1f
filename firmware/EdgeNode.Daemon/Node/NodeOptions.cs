using EdgeNode.Protocol.Topics;

namespace EdgeNode.Daemon.Node;

/// <summary>Section "Node" of /etc/edgenode/edgenode.json: who this node is and where it keeps its data.</summary>
public sealed class NodeOptions
{
    public const string SectionName = "Node";

    /// <summary>The node's identity with the fleet: lower-case letters, digits and hyphens, as it appears in MQTT topics.</summary>
    public string Id { get; set; } = "";

    /// <summary>Where the window buffer lives; the service user must be able to write here (ReadWritePaths= in the unit).</summary>
    public string DataDirectory { get; set; } = "/var/lib/edgenode";

    /// <summary>
    /// Where status.json is rewritten every minute. Under systemd it is the unit's RuntimeDirectory (/run/edgenode, in
    /// memory): written to the SD card, that file alone would be most of the node's daily writes.
    /// </summary>
    public string StatusDirectory { get; set; } = Environment.GetEnvironmentVariable("RUNTIME_DIRECTORY") is { Length: > 0 } runtime ? runtime : "";

    /// <summary>The status directory in effect: the data directory when none is set.</summary>
    public string EffectiveStatusDirectory => StatusDirectory.Length > 0 ? StatusDirectory : DataDirectory;

    public IEnumerable<string> Problems()
    {
        if (!NodeId.IsValid(Id, out string problem))
        {
            yield return $"Node:Id is '{Id}': {problem}. Give the node's id from the fleet.";
        }

        if (!Path.IsPathFullyQualified(DataDirectory))
        {
            yield return $"Node:DataDirectory is '{DataDirectory}': give an absolute path such as /var/lib/edgenode.";
        }
    }
}

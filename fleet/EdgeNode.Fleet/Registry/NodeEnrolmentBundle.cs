using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeNode.Fleet.Broker.Tls;

namespace EdgeNode.Fleet.Registry;

/// <summary>
/// What a technician copies to the node, into the directory of its configuration (<c>/etc/edgenode/</c>): the node's
/// id, the broker, its credential and the CA to trust. The node reads <see cref="ConfigurationFileName"/> after its own
/// configuration, so nothing needs editing.
/// </summary>
/// <param name="ConfigurationJson">The contents of <see cref="ConfigurationFileName"/>; it holds the secret.</param>
/// <param name="AuthorityPem">The contents of <see cref="AuthorityFileName"/>.</param>
public sealed record NodeEnrolmentBundle(string ConfigurationJson, string AuthorityPem)
{
    public const string ConfigurationFileName = "fleet.json";

    public const string AuthorityFileName = "fleet-ca.pem";

    public static NodeEnrolmentBundle Create(string nodeId, string secret, string brokerHost, int brokerPort, string authorityPem)
    {
        var configuration = new JsonObject
        {
            ["Node"] = new JsonObject { ["Id"] = nodeId },
            ["Uplink"] = new JsonObject
            {
                ["Broker"] = brokerHost,
                ["Port"] = brokerPort,
                ["Username"] = nodeId,
                ["Password"] = secret,
                ["CaFile"] = AuthorityFileName,
            },
        };
        return new NodeEnrolmentBundle(configuration.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n", authorityPem);
    }

    /// <summary>Writes both files into <paramref name="directory"/>; the configuration readable by its owner only.</summary>
    public void WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        PrivateFile.WriteSecret(Path.Combine(directory, ConfigurationFileName), ConfigurationJson);
        PrivateFile.WritePublic(Path.Combine(directory, AuthorityFileName), AuthorityPem);
    }
}

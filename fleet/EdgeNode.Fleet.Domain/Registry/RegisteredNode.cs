namespace EdgeNode.Fleet.Registry;

/// <summary>
/// A node the fleet knows: its identity (also its MQTT user name and client id), where it stands, and whether its
/// credential is in force. The credential's secret is never here: only its hash is stored, apart from this record.
/// </summary>
/// <param name="Id">A valid <see cref="EdgeNode.Protocol.Topics.NodeId"/>, fixed for the node's life.</param>
/// <param name="Name">What staff and citizens call it ("École Jules-Ferry, rue de la Gare").</param>
/// <param name="Municipality">The commune it stands in, as written ("Saint-Jean-de-Luz"); the public page groups by it.</param>
/// <param name="LampPostId">The municipality's own reference of the lamppost it is mounted on; may be empty.</param>
/// <param name="Latitude">WGS 84 degrees, or null when not recorded yet.</param>
/// <param name="Longitude">WGS 84 degrees, or null when not recorded yet.</param>
/// <param name="Enabled">False once disabled: the broker refuses its credential until it is enabled again.</param>
/// <param name="EnrolledAt">When the node was enrolled.</param>
/// <param name="CredentialIssuedAt">When its current secret was issued (enrolment or the latest rotation).</param>
public sealed record RegisteredNode(
    string Id,
    string Name,
    string Municipality,
    string LampPostId,
    double? Latitude,
    double? Longitude,
    bool Enabled,
    DateTimeOffset EnrolledAt,
    DateTimeOffset CredentialIssuedAt);

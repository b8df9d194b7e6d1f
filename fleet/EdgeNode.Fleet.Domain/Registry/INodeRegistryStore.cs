namespace EdgeNode.Fleet.Registry;

/// <summary>
/// Where the node registry is kept: the fleet's database (SQLite or PostgreSQL, the same store object as
/// <see cref="Storage.IFleetStore"/>). Broker accounts are not its business: the enrolment service keeps the two
/// in step.
/// </summary>
public interface INodeRegistryStore
{
    /// <summary>Adds a node with the hash of its first secret.</summary>
    /// <exception cref="NodeAlreadyRegisteredException">A node with this id exists (enabled or not).</exception>
    Task AddAsync(RegisteredNode node, string credentialHash, CancellationToken ct);

    Task<RegisteredNode?> FindAsync(string id, CancellationToken ct);

    /// <summary>Every node, by municipality, then name, then id (ordinal).</summary>
    Task<IReadOnlyList<RegisteredNode>> ListAsync(CancellationToken ct);

    /// <summary>Changes what staff may edit about a node; false when there is no such node.</summary>
    Task<bool> UpdateDetailsAsync(string id, string name, string municipality, string lampPostId, double? latitude, double? longitude, CancellationToken ct);

    /// <summary>False when there is no such node.</summary>
    Task<bool> SetEnabledAsync(string id, bool enabled, CancellationToken ct);

    /// <summary>Replaces the credential's hash (rotation); false when there is no such node.</summary>
    Task<bool> SetCredentialAsync(string id, string credentialHash, DateTimeOffset issuedAt, CancellationToken ct);

    /// <summary>Null when there is no such node.</summary>
    Task<string?> ReadCredentialHashAsync(string id, CancellationToken ct);

    /// <summary>Forgets the node (its measurements stay); false when there was no such node.</summary>
    Task<bool> RemoveAsync(string id, CancellationToken ct);
}

using System.Collections.Concurrent;
using EdgeNode.Fleet.Registry;

namespace EdgeNode.Fleet.Tests.Monitoring;

/// <summary>
/// A registry in a dictionary, so that monitoring's tests do not depend on the registry's store (landing separately);
/// monitoring only lists nodes.
/// </summary>
internal sealed class InMemoryNodeRegistry : INodeRegistryStore
{
    private readonly ConcurrentDictionary<string, (RegisteredNode Node, string Hash)> _nodes = new(StringComparer.Ordinal);

    public InMemoryNodeRegistry(params RegisteredNode[] nodes)
    {
        foreach (RegisteredNode node in nodes)
        {
            _nodes[node.Id] = (node, "hash");
        }
    }

    public Task AddAsync(RegisteredNode node, string credentialHash, CancellationToken ct) =>
        _nodes.TryAdd(node.Id, (node, credentialHash)) ? Task.CompletedTask : throw new NodeAlreadyRegisteredException(node.Id);

    public Task<RegisteredNode?> FindAsync(string id, CancellationToken ct) =>
        Task.FromResult(_nodes.TryGetValue(id, out (RegisteredNode Node, string Hash) entry) ? entry.Node : null);

    public Task<IReadOnlyList<RegisteredNode>> ListAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<RegisteredNode>>([.. _nodes.Values.Select(entry => entry.Node)
            .OrderBy(node => node.Municipality, StringComparer.Ordinal).ThenBy(node => node.Name, StringComparer.Ordinal).ThenBy(node => node.Id, StringComparer.Ordinal)]);

    public Task<bool> UpdateDetailsAsync(string id, string name, string municipality, string lampPostId, double? latitude, double? longitude, CancellationToken ct) =>
        Task.FromResult(Change(id, node => node with { Name = name, Municipality = municipality, LampPostId = lampPostId, Latitude = latitude, Longitude = longitude }));

    public Task<bool> SetEnabledAsync(string id, bool enabled, CancellationToken ct) => Task.FromResult(Change(id, node => node with { Enabled = enabled }));

    public Task<bool> SetCredentialAsync(string id, string credentialHash, DateTimeOffset issuedAt, CancellationToken ct) =>
        Task.FromResult(Change(id, node => node with { CredentialIssuedAt = issuedAt }));

    public Task<string?> ReadCredentialHashAsync(string id, CancellationToken ct) =>
        Task.FromResult(_nodes.TryGetValue(id, out (RegisteredNode Node, string Hash) entry) ? entry.Hash : null);

    public Task<bool> RemoveAsync(string id, CancellationToken ct) => Task.FromResult(_nodes.TryRemove(id, out _));

    private bool Change(string id, Func<RegisteredNode, RegisteredNode> change)
    {
        if (!_nodes.TryGetValue(id, out (RegisteredNode Node, string Hash) entry))
        {
            return false;
        }

        _nodes[id] = (change(entry.Node), entry.Hash);
        return true;
    }
}

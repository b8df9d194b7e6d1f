using System.Collections.Concurrent;
using EdgeNode.Fleet.Registry;

namespace EdgeNode.Fleet.Tests.Public;

/// <summary>The node registry in memory, for the public pages' tests until the stores implement it.</summary>
internal sealed class InMemoryNodeRegistry : INodeRegistryStore
{
    private readonly ConcurrentDictionary<string, (RegisteredNode Node, string Hash)> _nodes = new(StringComparer.Ordinal);

    public Task AddAsync(RegisteredNode node, string credentialHash, CancellationToken ct) =>
        _nodes.TryAdd(node.Id, (node, credentialHash)) ? Task.CompletedTask : throw new NodeAlreadyRegisteredException(node.Id);

    public Task<RegisteredNode?> FindAsync(string id, CancellationToken ct) =>
        Task.FromResult(_nodes.TryGetValue(id, out var entry) ? entry.Node : null);

    public Task<IReadOnlyList<RegisteredNode>> ListAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<RegisteredNode>>(_nodes.Values.Select(e => e.Node)
            .OrderBy(n => n.Municipality, StringComparer.Ordinal).ThenBy(n => n.Name, StringComparer.Ordinal).ThenBy(n => n.Id, StringComparer.Ordinal).ToList());

    public Task<bool> UpdateDetailsAsync(string id, string name, string municipality, string lampPostId, double? latitude, double? longitude, CancellationToken ct) =>
        Task.FromResult(Change(id, n => n with { Name = name, Municipality = municipality, LampPostId = lampPostId, Latitude = latitude, Longitude = longitude }));

    public Task<bool> SetEnabledAsync(string id, bool enabled, CancellationToken ct) => Task.FromResult(Change(id, n => n with { Enabled = enabled }));

    public Task<bool> SetCredentialAsync(string id, string credentialHash, DateTimeOffset issuedAt, CancellationToken ct)
    {
        if (!_nodes.TryGetValue(id, out var entry))
        {
            return Task.FromResult(false);
        }
        _nodes[id] = (entry.Node with { CredentialIssuedAt = issuedAt }, credentialHash);
        return Task.FromResult(true);
    }

    public Task<string?> ReadCredentialHashAsync(string id, CancellationToken ct) =>
        Task.FromResult(_nodes.TryGetValue(id, out var entry) ? entry.Hash : null);

    public Task<bool> RemoveAsync(string id, CancellationToken ct) => Task.FromResult(_nodes.TryRemove(id, out _));

    private bool Change(string id, Func<RegisteredNode, RegisteredNode> change)
    {
        if (!_nodes.TryGetValue(id, out var entry))
        {
            return false;
        }
        _nodes[id] = (change(entry.Node), entry.Hash);
        return true;
    }
}

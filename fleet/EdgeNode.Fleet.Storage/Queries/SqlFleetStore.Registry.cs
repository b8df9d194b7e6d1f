using System.Data.Common;
using Dapper;
using EdgeNode.Fleet.Registry;

namespace EdgeNode.Fleet.Storage.Queries;

/// <summary>The node registry (table nodes).</summary>
internal abstract partial class SqlFleetStore : INodeRegistryStore
{
    private const string NodeColumns =
        "node_id, name, municipality, lamppost_id, latitude, longitude, enabled, enrolled_at, credential_issued_at";

    public async Task AddAsync(RegisteredNode node, string credentialHash, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentException.ThrowIfNullOrEmpty(credentialHash);
        try
        {
            await ChangeOneAsync(
                $"INSERT INTO nodes ({NodeColumns}, credential_hash) VALUES (@id, @name, @municipality, @lamppost, @lat, @lon, @enabled, @enrolled, @issued, @hash)",
                new
                {
                    id = node.Id, name = node.Name, municipality = node.Municipality, lamppost = node.LampPostId, lat = node.Latitude,
                    lon = node.Longitude, enabled = node.Enabled, enrolled = Dialect.Instant(node.EnrolledAt),
                    issued = Dialect.Instant(node.CredentialIssuedAt), hash = credentialHash,
                },
                ct);
        }
        catch (FleetStoreException exception) when (IsDuplicateKey(exception))
        {
            throw new NodeAlreadyRegisteredException(node.Id);
        }
    }

    public Task<RegisteredNode?> FindAsync(string id, CancellationToken ct) =>
        OnConnectionAsync(
            async (connection, token) =>
                (await QueryAsync(connection, Command($"SELECT {NodeColumns} FROM nodes WHERE node_id = @id", new { id }, token), ReadNode)).SingleOrDefault(),
            ct);

    public Task<IReadOnlyList<RegisteredNode>> ListAsync(CancellationToken ct) =>
        OnConnectionAsync(
            // Ordered here, not by SQL: SQLite's collation and PostgreSQL's would differ for accented names.
            async (connection, token) =>
                (IReadOnlyList<RegisteredNode>)[.. RegistryOrder.Sort(await QueryAsync(connection, Command($"SELECT {NodeColumns} FROM nodes", null, token), ReadNode))],
            ct);

    public Task<bool> UpdateDetailsAsync(string id, string name, string municipality, string lampPostId, double? latitude, double? longitude, CancellationToken ct) =>
        ChangeOneAsync(
            "UPDATE nodes SET name = @name, municipality = @municipality, lamppost_id = @lamppost, latitude = @lat, longitude = @lon WHERE node_id = @id",
            new { id, name, municipality, lamppost = lampPostId, lat = latitude, lon = longitude },
            ct);

    public Task<bool> SetEnabledAsync(string id, bool enabled, CancellationToken ct) =>
        ChangeOneAsync("UPDATE nodes SET enabled = @enabled WHERE node_id = @id", new { id, enabled }, ct);

    public Task<bool> SetCredentialAsync(string id, string credentialHash, DateTimeOffset issuedAt, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(credentialHash);
        return ChangeOneAsync(
            "UPDATE nodes SET credential_hash = @hash, credential_issued_at = @issued WHERE node_id = @id",
            new { id, hash = credentialHash, issued = Dialect.Instant(issuedAt) },
            ct);
    }

    public Task<string?> ReadCredentialHashAsync(string id, CancellationToken ct) =>
        OnConnectionAsync(
            (connection, token) => connection.ExecuteScalarAsync<string?>(Command("SELECT credential_hash FROM nodes WHERE node_id = @id", new { id }, token)),
            ct);

    public Task<bool> RemoveAsync(string id, CancellationToken ct) =>
        ChangeOneAsync("DELETE FROM nodes WHERE node_id = @id", new { id }, ct);

    private RegisteredNode ReadNode(DbDataReader row) => new(
        row.GetString(0),
        row.GetString(1),
        row.GetString(2),
        row.GetString(3),
        row.IsDBNull(4) ? null : row.GetDouble(4),
        row.IsDBNull(5) ? null : row.GetDouble(5),
        row.GetBoolean(6),
        Dialect.ReadInstant(row, 7),
        Dialect.ReadInstant(row, 8));
}

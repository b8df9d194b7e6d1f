using EdgeNode.Fleet.Registry;
using Npgsql;
using NpgsqlTypes;

namespace EdgeNode.Fleet.Storage.Postgres;

internal sealed partial class PostgresFleetStore : INodeRegistryStore
{
    private const string NodeColumns =
        "node_id, name, municipality, lamppost_id, latitude, longitude, enabled, enrolled_at, credential_issued_at";

    public async Task AddAsync(RegisteredNode node, string credentialHash, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentException.ThrowIfNullOrEmpty(credentialHash);
        try
        {
            await ChangeNodeAsync(
                ct,
                $"INSERT INTO nodes ({NodeColumns}, credential_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                Text(node.Id), Text(node.Name), Text(node.Municipality), Text(node.LampPostId), Degrees(node.Latitude), Degrees(node.Longitude),
                new NpgsqlParameter { Value = node.Enabled, NpgsqlDbType = NpgsqlDbType.Boolean },
                Instant(node.EnrolledAt), Instant(node.CredentialIssuedAt), Text(credentialHash));
        }
        catch (FleetStoreException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new NodeAlreadyRegisteredException(node.Id);
        }
    }

    public Task<RegisteredNode?> FindAsync(string id, CancellationToken ct) =>
        ReadAsync(ct, async (connection, token) =>
        {
            await using NpgsqlCommand command = Command(connection, $"SELECT {NodeColumns} FROM nodes WHERE node_id = $1", Text(id));
            return (await ReadAllAsync(command, token, ReadNode)).SingleOrDefault();
        });

    public Task<IReadOnlyList<RegisteredNode>> ListAsync(CancellationToken ct) =>
        ReadAsync(ct, async (connection, token) =>
        {
            await using NpgsqlCommand command = Command(connection, $"SELECT {NodeColumns} FROM nodes");
            return (IReadOnlyList<RegisteredNode>)[.. RegistryOrder.Sort(await ReadAllAsync(command, token, ReadNode))];
        });

    public Task<bool> UpdateDetailsAsync(string id, string name, string municipality, string lampPostId, double? latitude, double? longitude, CancellationToken ct) =>
        ChangeNodeAsync(
            ct,
            "UPDATE nodes SET name = $2, municipality = $3, lamppost_id = $4, latitude = $5, longitude = $6 WHERE node_id = $1",
            Text(id), Text(name), Text(municipality), Text(lampPostId), Degrees(latitude), Degrees(longitude));

    public Task<bool> SetEnabledAsync(string id, bool enabled, CancellationToken ct) =>
        ChangeNodeAsync(ct, "UPDATE nodes SET enabled = $2 WHERE node_id = $1", Text(id), new NpgsqlParameter { Value = enabled, NpgsqlDbType = NpgsqlDbType.Boolean });

    public Task<bool> SetCredentialAsync(string id, string credentialHash, DateTimeOffset issuedAt, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(credentialHash);
        return ChangeNodeAsync(ct, "UPDATE nodes SET credential_hash = $2, credential_issued_at = $3 WHERE node_id = $1", Text(id), Text(credentialHash), Instant(issuedAt));
    }

    public Task<string?> ReadCredentialHashAsync(string id, CancellationToken ct) =>
        ReadAsync(ct, async (connection, token) =>
        {
            await using NpgsqlCommand command = Command(connection, "SELECT credential_hash FROM nodes WHERE node_id = $1", Text(id));
            return await command.ExecuteScalarAsync(token) as string;
        });

    public Task<bool> RemoveAsync(string id, CancellationToken ct) =>
        ChangeNodeAsync(ct, "DELETE FROM nodes WHERE node_id = $1", Text(id));

    private async Task<bool> ChangeNodeAsync(CancellationToken ct, string sql, params NpgsqlParameter[] parameters)
    {
        try
        {
            await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(ct);
            await using NpgsqlCommand command = Command(connection, sql, parameters);
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }
        catch (NpgsqlException exception)
        {
            throw new FleetStoreException($"Writing to the fleet database {Where} failed: {exception.Message}", exception);
        }
    }

    private static NpgsqlParameter Degrees(double? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Double };

    private static NpgsqlParameter Instant(DateTimeOffset instant) => new() { Value = StoredInstant.ToUtcMicroseconds(instant), NpgsqlDbType = NpgsqlDbType.TimestampTz };

    private static RegisteredNode ReadNode(NpgsqlDataReader row) => new(
        row.GetString(0),
        row.GetString(1),
        row.GetString(2),
        row.GetString(3),
        row.IsDBNull(4) ? null : row.GetDouble(4),
        row.IsDBNull(5) ? null : row.GetDouble(5),
        row.GetBoolean(6),
        row.GetFieldValue<DateTimeOffset>(7),
        row.GetFieldValue<DateTimeOffset>(8));
}

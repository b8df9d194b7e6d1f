using EdgeNode.Fleet.Registry;
using Microsoft.Data.Sqlite;

namespace EdgeNode.Fleet.Storage.Sqlite;

internal sealed partial class SqliteFleetStore : INodeRegistryStore
{
    private const string NodeColumns =
        "node_id, name, municipality, lamppost_id, latitude, longitude, enabled, enrolled_at_us, credential_issued_at_us";

    private const int SqliteConstraintPrimaryKey = 1555;

    public async Task AddAsync(RegisteredNode node, string credentialHash, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentException.ThrowIfNullOrEmpty(credentialHash);
        try
        {
            await WriteAsync(ct, (connection, transaction) =>
            {
                using SqliteCommand command = Command(
                    connection,
                    $"INSERT INTO nodes ({NodeColumns}, credential_hash) VALUES ($id, $name, $municipality, $lamppost, $lat, $lon, $enabled, $enrolled, $issued, $hash)",
                    ("$id", node.Id), ("$name", node.Name), ("$municipality", node.Municipality), ("$lamppost", node.LampPostId),
                    ("$lat", node.Latitude), ("$lon", node.Longitude), ("$enabled", node.Enabled ? 1 : 0),
                    ("$enrolled", StoredInstant.ToUnixMicroseconds(node.EnrolledAt)), ("$issued", StoredInstant.ToUnixMicroseconds(node.CredentialIssuedAt)),
                    ("$hash", credentialHash));
                command.Transaction = transaction;
                return command.ExecuteNonQuery();
            });
        }
        catch (FleetStoreException exception) when (exception.InnerException is SqliteException { SqliteExtendedErrorCode: SqliteConstraintPrimaryKey })
        {
            throw new NodeAlreadyRegisteredException(node.Id);
        }
    }

    public Task<RegisteredNode?> FindAsync(string id, CancellationToken ct) =>
        ReadAsync(ct, connection =>
        {
            using SqliteCommand command = Command(connection, $"SELECT {NodeColumns} FROM nodes WHERE node_id = $id", ("$id", id));
            return ReadAll(command, ReadNode).SingleOrDefault();
        });

    public Task<IReadOnlyList<RegisteredNode>> ListAsync(CancellationToken ct) =>
        ReadAsync(ct, connection =>
        {
            using SqliteCommand command = Command(connection, $"SELECT {NodeColumns} FROM nodes");
            // Ordered here, not by SQL: SQLite's collation and PostgreSQL's would differ for accented names.
            return (IReadOnlyList<RegisteredNode>)[.. RegistryOrder.Sort(ReadAll(command, ReadNode))];
        });

    public Task<bool> UpdateDetailsAsync(string id, string name, string municipality, string lampPostId, double? latitude, double? longitude, CancellationToken ct) =>
        ChangeNodeAsync(
            ct,
            "UPDATE nodes SET name = $name, municipality = $municipality, lamppost_id = $lamppost, latitude = $lat, longitude = $lon WHERE node_id = $id",
            ("$id", id), ("$name", name), ("$municipality", municipality), ("$lamppost", lampPostId), ("$lat", latitude), ("$lon", longitude));

    public Task<bool> SetEnabledAsync(string id, bool enabled, CancellationToken ct) =>
        ChangeNodeAsync(ct, "UPDATE nodes SET enabled = $enabled WHERE node_id = $id", ("$id", id), ("$enabled", enabled ? 1 : 0));

    public Task<bool> SetCredentialAsync(string id, string credentialHash, DateTimeOffset issuedAt, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(credentialHash);
        return ChangeNodeAsync(
            ct,
            "UPDATE nodes SET credential_hash = $hash, credential_issued_at_us = $issued WHERE node_id = $id",
            ("$id", id), ("$hash", credentialHash), ("$issued", StoredInstant.ToUnixMicroseconds(issuedAt)));
    }

    public Task<string?> ReadCredentialHashAsync(string id, CancellationToken ct) =>
        ReadAsync(ct, connection =>
        {
            using SqliteCommand command = Command(connection, "SELECT credential_hash FROM nodes WHERE node_id = $id", ("$id", id));
            return command.ExecuteScalar() as string;
        });

    public Task<bool> RemoveAsync(string id, CancellationToken ct) =>
        ChangeNodeAsync(ct, "DELETE FROM nodes WHERE node_id = $id", ("$id", id));

    private Task<bool> ChangeNodeAsync(CancellationToken ct, string sql, params (string Name, object? Value)[] parameters) =>
        WriteAsync(ct, (connection, transaction) =>
        {
            using SqliteCommand command = Command(connection, sql, parameters);
            command.Transaction = transaction;
            return command.ExecuteNonQuery() == 1;
        });

    private static RegisteredNode ReadNode(SqliteDataReader row) => new(
        row.GetString(0),
        row.GetString(1),
        row.GetString(2),
        row.GetString(3),
        row.IsDBNull(4) ? null : row.GetDouble(4),
        row.IsDBNull(5) ? null : row.GetDouble(5),
        row.GetInt64(6) != 0,
        StoredInstant.FromUnixMicroseconds(row.GetInt64(7)),
        StoredInstant.FromUnixMicroseconds(row.GetInt64(8)));
}

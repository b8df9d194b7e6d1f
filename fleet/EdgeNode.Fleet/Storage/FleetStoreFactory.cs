using System.Data.Common;
using EdgeNode.Fleet.Storage.Postgres;
using EdgeNode.Fleet.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeNode.Fleet.Storage;

/// <summary>Picks the store from the connection string's shape, so that switching to PostgreSQL is one setting.</summary>
public static class FleetStoreFactory
{
    private static readonly string[] SqliteFileExtensions = [".db", ".sqlite", ".sqlite3"];

    /// <param name="connectionString">
    /// SQLite: "Data Source=/var/lib/edgenode/fleet.db" or just a path ending in .db, .sqlite or .sqlite3.
    /// PostgreSQL: "Host=…;Database=…;Username=…;Password=…".
    /// </param>
    /// <exception cref="ArgumentException">The string is neither; the message names the setting to fix.</exception>
    public static IFleetStore Create(string? connectionString, ILoggerFactory? loggerFactory = null) =>
        Create(connectionString, loggerFactory, validateBatches: true);

    /// <summary>
    /// Registers the store the connection string names as the process's one store, under each store interface (the
    /// engine's own registration), so that choosing PostgreSQL stays one setting.
    /// </summary>
    /// <exception cref="ArgumentException">The string is neither; the message names the setting to fix.</exception>
    public static IServiceCollection AddFleetStoreFor(this IServiceCollection services, string? connectionString) =>
        Classify(connectionString) switch
        {
            StoreKind.SqliteConnectionString => services.AddSqliteFleetStore(connectionString!),
            StoreKind.SqlitePath => services.AddSqliteFleetStore($"Data Source={connectionString!.Trim()}"),
            StoreKind.Postgres => services.AddPostgresFleetStore(connectionString!),
            _ => throw Unrecognised(),
        };

    /// <param name="validateBatches">False only in tests that need a malformed row to reach the database's own constraints.</param>
    internal static IFleetStore Create(string? connectionString, ILoggerFactory? loggerFactory, bool validateBatches)
    {
        loggerFactory ??= NullLoggerFactory.Instance;
        return Classify(connectionString) switch
        {
            StoreKind.SqliteConnectionString => new SqliteFleetStore(connectionString!, loggerFactory, validateBatches),
            StoreKind.SqlitePath => new SqliteFleetStore($"Data Source={connectionString!.Trim()}", loggerFactory, validateBatches),
            StoreKind.Postgres => new PostgresFleetStore(connectionString!, loggerFactory, validateBatches),
            _ => throw Unrecognised(),
        };
    }

    /// <summary>
    /// The full path of the SQLite file a connection string names (a relative one against the current directory, as
    /// SQLite opens it), or null for PostgreSQL, an in-memory database or a string that is neither.
    /// </summary>
    public static string? SqliteFile(string? connectionString)
    {
        string? file = Classify(connectionString) switch
        {
            StoreKind.SqlitePath => connectionString!.Trim(),
            StoreKind.SqliteConnectionString => new SqliteConnectionStringBuilder(connectionString!.Trim()).DataSource,
            _ => null,
        };
        return string.IsNullOrWhiteSpace(file) || file == ":memory:" || file.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? null
            : Path.GetFullPath(file);
    }

    private static ArgumentException Unrecognised() => new(
        $"{FleetStorageOptions.ConnectionStringSetting} is neither a SQLite file (\"Data Source=/var/lib/edgenode/fleet.db\", or a path ending in .db) " +
        "nor a PostgreSQL connection string (\"Host=db.example;Database=edgenode;Username=fleet;Password=…\"). Set it to one of these.",
        "connectionString");

    private static StoreKind Classify(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return StoreKind.Unknown;
        }

        string trimmed = connectionString.Trim();
        if (!trimmed.Contains('=', StringComparison.Ordinal))
        {
            return SqliteFileExtensions.Any(extension => trimmed.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                ? StoreKind.SqlitePath
                : StoreKind.Unknown;
        }

        var keys = new DbConnectionStringBuilder();
        try
        {
            keys.ConnectionString = trimmed;
        }
        catch (ArgumentException)
        {
            return StoreKind.Unknown;
        }

        if (keys.ContainsKey("Data Source") || keys.ContainsKey("DataSource") || keys.ContainsKey("Filename"))
        {
            return StoreKind.SqliteConnectionString;
        }

        return keys.ContainsKey("Host") || keys.ContainsKey("Server") ? StoreKind.Postgres : StoreKind.Unknown;
    }

    private enum StoreKind
    {
        Unknown,
        SqliteConnectionString,
        SqlitePath,
        Postgres,
    }
}

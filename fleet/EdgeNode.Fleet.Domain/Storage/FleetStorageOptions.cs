namespace EdgeNode.Fleet.Storage;

/// <summary>The "Fleet:Storage" configuration section.</summary>
public sealed class FleetStorageOptions
{
    public const string SectionName = "Fleet:Storage";

    /// <summary>Full name of the connection-string setting, for error messages.</summary>
    public const string ConnectionStringSetting = SectionName + ":ConnectionString";

    /// <summary>
    /// "Data Source=fleet.db" (or a path ending in .db) for a SQLite file; "Host=…;Database=…;Username=…" for PostgreSQL.
    /// The default is a SQLite file beside the service: nothing to set up.
    /// </summary>
    public string ConnectionString { get; set; } = "Data Source=fleet.db";
}

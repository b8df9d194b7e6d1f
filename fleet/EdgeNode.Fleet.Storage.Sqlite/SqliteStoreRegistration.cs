using Microsoft.Extensions.DependencyInjection;

namespace EdgeNode.Fleet.Storage.Sqlite;

public static class SqliteStoreRegistration
{
    /// <summary>The Sqlite store as the fleet's one store, under each store interface (<see cref="FleetStoreRegistration"/>).</summary>
    public static IServiceCollection AddSqliteFleetStore(this IServiceCollection services, string connectionString) =>
        services.AddFleetStore(provider => new SqliteFleetStore(connectionString, provider.GetRequiredService<ILoggerFactory>(), validateBatches: true));
}

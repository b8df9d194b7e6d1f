using Microsoft.Extensions.DependencyInjection;

namespace EdgeNode.Fleet.Storage.Postgres;

public static class PostgresStoreRegistration
{
    /// <summary>The Postgres store as the fleet's one store, under each store interface (<see cref="FleetStoreRegistration"/>).</summary>
    public static IServiceCollection AddPostgresFleetStore(this IServiceCollection services, string connectionString) =>
        services.AddFleetStore(provider => new PostgresFleetStore(connectionString, provider.GetRequiredService<ILoggerFactory>(), validateBatches: true));
}

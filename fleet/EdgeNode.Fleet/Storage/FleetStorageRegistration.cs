using EdgeNode.Fleet.Registry;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace EdgeNode.Fleet.Storage;

/// <summary>Wires storage into the host: options, the one store, its schema initialisation at start, a health check.</summary>
public static class FleetStorageRegistration
{
    public static IHostApplicationBuilder AddFleetStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FleetStorageOptions>()
            .Bind(builder.Configuration.GetSection(FleetStorageOptions.SectionName))
            .Validate(options => !string.IsNullOrWhiteSpace(options.ConnectionString), $"{FleetStorageOptions.ConnectionStringSetting} is empty")
            .ValidateOnStart();
        builder.Services.AddSingleton(services => FleetStoreFactory.Create(
            services.GetRequiredService<IOptions<FleetStorageOptions>>().Value.ConnectionString,
            services.GetRequiredService<ILoggerFactory>()));
        // Each store class also keeps the registry (and the web's own tables): one database, one object per process.
        builder.Services.AddSingleton(services => (INodeRegistryStore)services.GetRequiredService<IFleetStore>());

        // Initialise before anything else starts, so that ingest never meets a missing table and a bad setting stops the start.
        builder.Services.AddHostedService<FleetStoreInitialisation>();
        builder.Services.AddHealthChecks().AddCheck<FleetStoreHealthCheck>("storage", HealthStatus.Unhealthy, ["ready"]);
        return builder;
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;
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
        // The engine is chosen here, from the setting as configured: each engine registers its one store object under
        // every store interface, so that no feature casts one interface to another.
        builder.Services.AddFleetStoreFor(
            builder.Configuration[FleetStorageOptions.ConnectionStringSetting] ?? new FleetStorageOptions().ConnectionString);

        builder.Services.AddOptions<DeadLetterOptions>()
            .Bind(builder.Configuration.GetSection(DeadLetterOptions.SectionName))
            .Validate(options => options.Period >= TimeSpan.FromMinutes(1) && TimeSpan.FromDays(1).Ticks % options.Period.Ticks == 0,
                $"{DeadLetterOptions.SectionName}:Period must divide a day, from 00:01:00 to 1.00:00:00 (default 01:00:00)")
            .Validate(options => options.MaxPerNodePerPeriod >= 0 && options.MaxBytesPerNodePerPeriod >= 0,
                $"{DeadLetterOptions.SectionName}:MaxPerNodePerPeriod and MaxBytesPerNodePerPeriod must be 0 or more (0 keeps no dead letter)")
            .Validate(options => options.KeepDays >= 1, $"{DeadLetterOptions.SectionName}:KeepDays must be 1 or more (default 30)")
            .ValidateOnStart();

        // Initialise before anything else starts, so that ingest never meets a missing table and a bad setting stops the start.
        builder.Services.AddHostedService<FleetStoreInitialisation>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<DeadLetterRetention>();
        builder.Services.AddHealthChecks().AddCheck<FleetStoreHealthCheck>("storage", HealthStatus.Unhealthy, ["ready"]);
        return builder;
    }
}

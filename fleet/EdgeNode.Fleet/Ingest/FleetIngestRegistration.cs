using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EdgeNode.Fleet.Ingest;

public static class FleetIngestRegistration
{
    /// <summary>Ingest from the fleet's MQTT session (<see cref="Broker.FleetBrokerRegistration.AddFleetBroker"/>).</summary>
    public static IHostApplicationBuilder AddFleetIngest(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<Monitoring.NodeActivity>();
        builder.Services.AddSingleton<IngestService>();
        builder.Services.AddHostedService(services => services.GetRequiredService<IngestService>());
        return builder;
    }
}

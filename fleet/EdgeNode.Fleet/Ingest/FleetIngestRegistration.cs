using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EdgeNode.Fleet.Ingest;

public static class FleetIngestRegistration
{
    /// <summary>Ingest from the broker in section <see cref="FleetBrokerOptions.SectionName"/>.</summary>
    public static IHostApplicationBuilder AddFleetIngest(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FleetBrokerOptions>()
            .Bind(builder.Configuration.GetSection(FleetBrokerOptions.SectionName))
            .Validate(options => options.Problem() is null, $"{FleetBrokerOptions.SectionName}:ClientId must not be a valid node id (use one with a '.', such as fleet.1)")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<Monitoring.NodeActivity>();
        builder.Services.AddSingleton<IngestService>();
        builder.Services.AddHostedService(services => services.GetRequiredService<IngestService>());
        return builder;
    }
}

using EdgeNode.Fleet.Broker.Accounts;
using EdgeNode.Fleet.Broker.Configuration;
using EdgeNode.Fleet.Broker.Supervision;
using EdgeNode.Fleet.Ingest;
using Microsoft.Extensions.Options;
using EdgeNode.Fleet.Broker.Tls;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EdgeNode.Fleet.Broker;

/// <summary>
/// Wires the fleet's own broker into the host: its settings, TLS files, the supervisor (which does nothing unless
/// Fleet:Broker:Mode is Supervised) and the "broker" health check.
/// </summary>
public static class FleetBrokerRegistration
{
    public static IHostApplicationBuilder AddFleetBroker(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LocalBrokerOptions>()
            .Bind(builder.Configuration.GetSection(LocalBrokerOptions.SectionName))
            .Validate(options => options.TlsPort is >= 1 and <= 65535, $"{LocalBrokerOptions.SectionName}:TlsPort must be a TCP port (1-65535)")
            .Validate(options => options.LoopbackPort is >= 0 and <= 65535, $"{LocalBrokerOptions.SectionName}:LoopbackPort must be a TCP port, or 0 for none")
            .Validate(options => options.LoopbackPort != options.TlsPort, $"{LocalBrokerOptions.SectionName}:LoopbackPort and TlsPort must differ")
            .Validate(options => options.Mode != BrokerMode.Supervised || options.LoopbackPort > 0, $"{LocalBrokerOptions.SectionName}:LoopbackPort must be set in Supervised mode: the fleet reaches its own broker there")
            .ValidateOnStart();
        builder.Services.AddOptions<FleetDataOptions>()
            .Configure<IConfiguration>((options, configuration) =>
            {
                string? directory = configuration[FleetDataOptions.SettingName];
                if (!string.IsNullOrWhiteSpace(directory))
                {
                    options.DataDirectory = directory;
                }
            });
        // A supervised broker's ingest account is the one the fleet made for it, on the loopback listener: whatever
        // Host, Port and credential are configured are for an external broker.
        builder.Services.AddOptions<FleetBrokerOptions>()
            .PostConfigure<IOptions<LocalBrokerOptions>, IOptions<FleetDataOptions>>((ingest, local, data) =>
            {
                if (local.Value.Mode == BrokerMode.Supervised)
                {
                    BrokerCredential account = FleetBrokerSecrets.LoadOrCreate(data.Value.BrokerDirectory).Ingest;
                    ingest.Host = "127.0.0.1";
                    ingest.Port = local.Value.LoopbackPort;
                    ingest.Username = account.Username;
                    ingest.Password = account.Password;
                    ingest.CaFile = "";
                }
            });
        builder.Services.AddSingleton<IMosquittoConfigurationPart, DynamicSecurityConfigurationPart>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<BrokerCertificates>();
        builder.Services.AddSingleton<MosquittoSupervisor>();
        builder.Services.AddHostedService(services => services.GetRequiredService<MosquittoSupervisor>());
        builder.Services.AddHealthChecks().AddCheck<BrokerHealthCheck>("broker", HealthStatus.Unhealthy, ["ready"]);
        return builder;
    }
}

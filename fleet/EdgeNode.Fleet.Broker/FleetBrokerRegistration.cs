using EdgeNode.Fleet.Broker.Accounts;
using EdgeNode.Fleet.Broker.Configuration;
using EdgeNode.Fleet.Broker.Session;
using EdgeNode.Fleet.Broker.Supervision;
using EdgeNode.Fleet.Broker.Tls;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace EdgeNode.Fleet.Broker;

/// <summary>
/// Wires the fleet's own broker into the host: its settings, TLS files, the supervisor (which does nothing unless
/// Fleet:Broker:Mode is Supervised), the "broker" health check, and the fleet's one MQTT session
/// (<see cref="FleetMqttSession"/>) that ingest, calibration and updates go through.
/// </summary>
public static class FleetBrokerRegistration
{
    public static IHostApplicationBuilder AddFleetBroker(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LocalBrokerOptions>()
            .Bind(builder.Configuration.GetSection(LocalBrokerOptions.SectionName))
            .Validate(options => options.TlsPort is >= 1 and <= 65535, $"{LocalBrokerOptions.SectionName}:TlsPort must be a TCP port (1-65535)")
            .ValidateOnStart();
        builder.Services.AddOptions<FleetBrokerOptions>()
            .Bind(builder.Configuration.GetSection(FleetBrokerOptions.SectionName))
            .Validate(options => options.Problem() is null, $"{FleetBrokerOptions.SectionName}:ClientId must not be a valid node id (use one with a '.', such as fleet.1)")
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
        // A supervised broker's ingest account is the one the fleet made for it: whatever Host, Port, CaFile and
        // credential are configured are for an external broker. The fleet reaches its broker over TLS like any node,
        // only at 127.0.0.1: a plain listener "for the fleet only" would let in any credential that reached it, a
        // node's included, since Mosquitto 2.0 cannot tie accounts to a listener without per_listener_settings,
        // which confines the dynamic-security plugin to one listener (and is deprecated from 2.1). With TLS only,
        // a node's credential gets its own topics wherever it connects from, and nothing else.
        builder.Services.AddOptions<FleetBrokerOptions>()
            .PostConfigure<IOptions<LocalBrokerOptions>, IOptions<FleetDataOptions>, BrokerCertificates>((ingest, local, data, certificates) =>
            {
                if (local.Value.Mode == BrokerMode.Supervised)
                {
                    BrokerCredential account = FleetBrokerSecrets.LoadOrCreate(data.Value.BrokerDirectory).Ingest;
                    ingest.Host = "127.0.0.1";
                    ingest.Port = local.Value.TlsPort;
                    ingest.Username = account.Username;
                    ingest.Password = account.Password;
                    ingest.CaFile = certificates.AuthorityFile;
                    // Made here, not only when the supervisor prepares the broker: hosted services start side by side, and
                    // ingest reads the CA file when it starts. A failure is the supervisor's to report (log and /health).
                    try
                    {
                        certificates.Ensure();
                    }
                    catch (Exception exception) when (exception is InvalidOperationException or IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or PlatformNotSupportedException)
                    {
                    }
                    ingest.TlsName = certificates.LoopbackTlsName();
                }
            });
        builder.Services.AddSingleton<IMosquittoConfigurationPart, DynamicSecurityConfigurationPart>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<BrokerCertificates>();
        builder.Services.AddSingleton<MosquittoSupervisor>();
        builder.Services.AddHostedService(services => services.GetRequiredService<MosquittoSupervisor>());
        builder.Services.AddSingleton<FleetMqttSession>();
        builder.Services.AddHostedService(services => services.GetRequiredService<FleetMqttSession>());
        builder.Services.AddHealthChecks().AddCheck<BrokerHealthCheck>("broker", HealthStatus.Unhealthy, ["ready"]);
        return builder;
    }
}

using EdgeNode.Fleet.Broker.Accounts;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EdgeNode.Fleet.Registry;

/// <summary>
/// Wires the node registry's enrolment (the store itself comes with storage), the broker admin connection, and the
/// reconciliation that keeps the broker's accounts in step with the registry.
/// </summary>
public static class FleetRegistryRegistration
{
    public static IHostApplicationBuilder AddFleetRegistry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EnrolmentOptions>()
            .Bind(builder.Configuration.GetSection(EnrolmentOptions.SectionName))
            .Validate(options => options.BrokerPort is >= 0 and <= 65535, $"{EnrolmentOptions.SectionName}:BrokerPort must be a TCP port, or 0 for Fleet:Broker:TlsPort");
        builder.Services.AddOptions<RegistryReconciliationOptions>()
            .Bind(builder.Configuration.GetSection(RegistryReconciliationOptions.SectionName))
            .Validate(options => options.ReconcileInterval >= TimeSpan.FromSeconds(1), $"{RegistryReconciliationOptions.SectionName}:ReconcileInterval must be a second or more")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<BrokerAdministration>();
        builder.Services.AddSingleton<NodeAccessLock>();
        builder.Services.AddSingleton<RegistryReconciliationStatus>();
        builder.Services.AddSingleton<RegistryReconciler>();
        builder.Services.AddHostedService<RegistryReconciliationService>();
        builder.Services.AddHealthChecks().AddCheck<RegistryHealthCheck>("registry");
        builder.Services.AddSingleton<NodeEnrolment>();
        return builder;
    }
}

using EdgeNode.Fleet.Broker.Accounts;

namespace EdgeNode.Fleet.Registry;

/// <summary>Wires the node registry's enrolment (the store itself comes with storage) and the broker admin connection.</summary>
public static class FleetRegistryRegistration
{
    public static IHostApplicationBuilder AddFleetRegistry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EnrolmentOptions>()
            .Bind(builder.Configuration.GetSection(EnrolmentOptions.SectionName))
            .Validate(options => options.BrokerPort is >= 0 and <= 65535, $"{EnrolmentOptions.SectionName}:BrokerPort must be a TCP port, or 0 for Fleet:Broker:TlsPort");
        builder.Services.AddSingleton<BrokerAdministration>();
        builder.Services.AddSingleton<NodeEnrolment>();
        return builder;
    }
}

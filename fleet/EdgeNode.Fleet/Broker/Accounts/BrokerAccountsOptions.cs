using EdgeNode.Mqtt;

namespace EdgeNode.Fleet.Broker.Accounts;

/// <summary>How <see cref="BrokerAccounts"/> reaches the broker and logs in as the plugin's admin.</summary>
public sealed class BrokerAccountsOptions
{
    public required string Host { get; init; }
    public int Port { get; init; } = 1883;

    /// <summary>The admin credential written into the plugin's file at bootstrap (<see cref="DynamicSecurityFile"/>).</summary>
    public required BrokerCredential Admin { get; init; }

    public MqttTlsOptions? Tls { get; init; }

    /// <summary>Outside the node-id alphabet, like the admin's user name, so no node can take this session over.</summary>
    public string ClientId { get; init; } = "fleet.admin";

    /// <summary>How long to wait for the connection at start, and for the plugin's answer to each request.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(15);
}

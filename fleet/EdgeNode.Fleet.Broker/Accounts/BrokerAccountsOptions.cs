using EdgeNode.MqttLink;

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

    /// <summary>
    /// Clients asked for per listClients request. One answer is one MQTT message, and the control client takes at most
    /// 1 MiB per message; a verbose client is about 200 bytes, so 1000 a page stays well under that with any fleet size.
    /// </summary>
    public int ListPageSize { get; init; } = 1000;
}

using System.Text.Json.Nodes;

namespace EdgeNode.Fleet.Broker.Accounts;

/// <summary>One account the dynamic-security plugin holds (a node, a fleet account or the admin), as far as the registry cares.</summary>
/// <param name="Username">The user name; for a node, its id.</param>
/// <param name="Disabled">The plugin refuses its logins (disableClient) until it is enabled.</param>
public sealed record BrokerClient(string Username, bool Disabled)
{
    /// <summary>
    /// Reads one client as <c>listClients</c> with <c>"verbose": true</c> and <c>getClient</c> describe it. Mosquitto
    /// 2.0.11 writes <c>"disabled": true</c> for a disabled client and leaves the key out for an enabled one, even one
    /// disabled and enabled again (seen on the broker; <c>ClientListingTests</c> checks the outcome), so a missing key
    /// means enabled. Null for anything that is not a client.
    /// </summary>
    internal static BrokerClient? FromPlugin(JsonNode? client)
    {
        if (client is not JsonObject entry || entry["username"] is not JsonValue name || !name.TryGetValue(out string? username))
        {
            return null;
        }

        bool disabled = entry["disabled"] is JsonValue flag && flag.TryGetValue(out bool value) && value;
        return new BrokerClient(username, disabled);
    }
}

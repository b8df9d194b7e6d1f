using System.Text.Json.Nodes;

namespace EdgeNode.Fleet.Broker.Accounts;

/// <summary>The plugin's commands we use, as the JSON objects that go in <c>{"commands":[…]}</c>.</summary>
internal static class DynamicSecurityCommands
{
    public static JsonObject CreateRole(string role, string description, IEnumerable<RoleAcl> acls) => new()
    {
        ["command"] = "createRole",
        ["rolename"] = role,
        ["textname"] = description,
        ["acls"] = DynamicSecurityFile.Acls(acls),
    };

    public static JsonObject DeleteRole(string role) => new() { ["command"] = "deleteRole", ["rolename"] = role };

    /// <summary>
    /// With <paramref name="clientId"/>, the plugin refuses this user name under any other client id (auth.c compares
    /// them before the password), so nobody holding the credential can connect as, or take over the session of,
    /// another client.
    /// </summary>
    public static JsonObject CreateClient(string username, string password, string? clientId, string role, string description)
    {
        var command = new JsonObject
        {
            ["command"] = "createClient",
            ["username"] = username,
            ["password"] = password,
            ["textname"] = description,
            ["roles"] = new JsonArray(new JsonObject { ["rolename"] = role }),
        };
        if (clientId is not null)
        {
            command["clientid"] = clientId;
        }

        return command;
    }

    /// <summary>addClientRole or removeClientRole.</summary>
    public static JsonObject ForClientRole(string command, string username, string role) => new()
    {
        ["command"] = command,
        ["username"] = username,
        ["rolename"] = role,
    };

    public static JsonObject ForUser(string command, string username) => new() { ["command"] = command, ["username"] = username };

    public static JsonObject SetClientPassword(string username, string password) => new()
    {
        ["command"] = "setClientPassword",
        ["username"] = username,
        ["password"] = password,
    };

    /// <summary>One page of the clients, each with its details (verbose), among them whether it is disabled.</summary>
    public static JsonObject ListClients(int offset, int count) => new()
    {
        ["command"] = "listClients",
        ["verbose"] = true,
        ["offset"] = offset,
        ["count"] = count,
    };
}

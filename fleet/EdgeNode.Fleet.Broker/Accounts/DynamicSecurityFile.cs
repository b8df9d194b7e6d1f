using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdgeNode.Fleet.Broker.Accounts;

/// <summary>
/// The plugin's initial configuration for a fresh broker: the admin client, the fleet role, and default deny for
/// everything. Written by us rather than by <c>mosquitto_ctrl dynsec init</c>, which is not always installed and gives
/// its admin broad read access we do not want.
/// <para>
/// Format: the JSON the Mosquitto 2.0.x plugin loads and saves (plugins/dynamic-security, checked against 2.0.11):
/// top-level <c>clients</c>, <c>groups</c>, <c>roles</c>, <c>defaultACLAccess</c>; no version field. After the first start
/// the plugin owns the file and rewrites it on every change; never write it while the broker runs.
/// </para>
/// </summary>
public static class DynamicSecurityFile
{
    /// <summary>
    /// The configuration as JSON: the admin and any fleet accounts (role <see cref="BrokerRoles.Fleet"/>), their
    /// passwords only as the plugin's salted hashes.
    /// </summary>
    public static JsonObject Build(BrokerCredential admin, params BrokerCredential[] fleetAccounts)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(fleetAccounts);
        var clients = new JsonArray(Client(admin, "EdgeNode fleet: administers the broker's accounts", BrokerRoles.Admin));
        foreach (BrokerCredential fleet in fleetAccounts)
        {
            BrokerAccounts.RequireFleetUsername(fleet.Username);
            clients.Add(Client(fleet, "EdgeNode fleet instance", BrokerRoles.Fleet));
        }

        return new JsonObject
        {
            ["defaultACLAccess"] = new JsonObject
            {
                [AclType.PublishClientSend] = false,
                [AclType.PublishClientReceive] = false,
                ["subscribe"] = false,
                ["unsubscribe"] = false,
            },
            ["clients"] = clients,
            ["groups"] = new JsonArray(),
            ["roles"] = new JsonArray(
                Role(BrokerRoles.Admin, "Administers the dynamic-security plugin, nothing else", BrokerRoles.AdminAcls),
                Role(BrokerRoles.Fleet, "The fleet: reads every node's up and status, writes every node's down", BrokerRoles.FleetAcls)),
        };
    }

    private static JsonObject Client(BrokerCredential credential, string description, string role)
    {
        var password = DynamicSecurityPassword.Create(credential.Password);
        return new JsonObject
        {
            ["username"] = credential.Username,
            ["textname"] = description,
            ["password"] = password.HashBase64,
            ["salt"] = password.SaltBase64,
            ["iterations"] = password.Iterations,
            ["roles"] = new JsonArray(new JsonObject { ["rolename"] = role }),
        };
    }

    /// <summary>
    /// Writes the configuration to <paramref name="path"/>, readable and writable by its owner only (it holds the admin's
    /// password hash). Refuses to replace an existing file: that would throw away every node's account.
    /// </summary>
    public static void WriteNew(string path, BrokerCredential admin, params BrokerCredential[] fleetAccounts)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        FileStream stream;
        try
        {
            stream = new FileStream(path, options);
        }
        catch (IOException e) when (File.Exists(path))
        {
            throw new IOException($"The dynamic-security file {path} exists already; it holds every node's account, so it is never overwritten. Delete it only to start the broker's accounts afresh.", e);
        }
        using (stream)
        {
            JsonSerializer.Serialize(stream, Build(admin, fleetAccounts), new JsonSerializerOptions { WriteIndented = true });
            stream.Flush(flushToDisk: true);
        }
    }

    internal static JsonObject Role(string name, string description, IEnumerable<RoleAcl> acls) => new()
    {
        ["rolename"] = name,
        ["textname"] = description,
        ["acls"] = Acls(acls),
    };

    internal static JsonArray Acls(IEnumerable<RoleAcl> acls) => new(acls.Select(acl => (JsonNode)new JsonObject
    {
        ["acltype"] = acl.Type,
        ["topic"] = acl.Topic,
        ["allow"] = acl.Allow,
    }).ToArray());
}

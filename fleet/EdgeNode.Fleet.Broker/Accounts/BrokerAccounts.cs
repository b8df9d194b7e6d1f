using System.Text;
using System.Text.Json.Nodes;
using EdgeNode.MqttLink;
using EdgeNode.Protocol.Topics;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeNode.Fleet.Broker.Accounts;

/// <summary>
/// The fleet's hand on the broker's accounts: it logs in as the dynamic-security plugin's admin and sends the plugin's
/// JSON commands on <c>$CONTROL/dynamic-security/v1</c>, awaiting each answer (matched by correlationData) for at most
/// <see cref="BrokerAccountsOptions.Timeout"/>. Changes apply at once: disabling, deleting or re-passwording a client
/// disconnects it if it is connected. Node ids are checked with <see cref="NodeId"/> before anything is sent.
/// </summary>
public sealed class BrokerAccounts : IAsyncDisposable
{
    /// <summary>The plugin's answer to a command about a user name it does not hold (Mosquitto 2.0.11's words).</summary>
    public const string ClientNotFound = "Client not found";

    /// <summary>The plugin's answer to createRole for a name it already holds.</summary>
    private const string RoleAlreadyExists = "Role already exists";

    private readonly BrokerAccountsOptions _options;
    private readonly ILogger _logger;
    private readonly PendingCommands _pending = new();
    private readonly MqttClient _client;
    private bool _started;

    public BrokerAccounts(BrokerAccountsOptions options, ILogger<BrokerAccounts>? logger = null, ILogger<MqttClient>? mqttLogger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _client = new MqttClient(new MqttClientOptions
        {
            Host = options.Host,
            Port = options.Port,
            ClientId = options.ClientId,
            Username = options.Admin.Username,
            Password = options.Admin.Password,
            Tls = options.Tls,
            // Nothing to keep between connections: every request waits for its own answer.
            CleanSession = true,
            KeepAlive = TimeSpan.FromSeconds(30),
            ConnectTimeout = options.Timeout,
            ReconnectMinimumDelay = TimeSpan.FromMilliseconds(200),
            ReconnectMaximumDelay = TimeSpan.FromSeconds(10),
            Subscriptions = [new MqttSubscription(BrokerRoles.ControlResponseTopic, MqttQualityOfService.AtMostOnce)],
        }, ReceiveAsync, mqttLogger);
    }

    public MqttConnectionState Connection => _client.State;

    /// <summary>Connects as the admin; throws <see cref="TimeoutException"/> saying why if that does not happen in time.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        _started = true;
        await _client.StartAsync(cancellationToken).ConfigureAwait(false);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(_options.Timeout);
        try
        {
            await _client.WaitUntilConnectedAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            MqttConnectionState state = _client.State;
            throw new TimeoutException(
                $"Could not log in to the broker {_options.Host}:{_options.Port} as '{_options.Admin.Username}' within {_options.Timeout.TotalSeconds:0} s " +
                $"(last failure: {state.LastFailure}{(state.LastFailureDetail is { } detail ? $", {detail}" : "")}). " +
                "Check that the broker runs with the dynamic-security plugin and that the fleet's admin credential is the one in the plugin's file.");
        }
    }

    /// <summary>
    /// Creates node <paramref name="nodeId"/>'s account: user name and client id both the node id (any other client id
    /// is refused), a role allowing only its own branch of the topic tree (<see cref="BrokerRoles.NodeAcls"/>).
    /// </summary>
    public async Task CreateNodeAsync(string nodeId, string password, CancellationToken cancellationToken = default)
    {
        NodeId.Require(nodeId);
        RequirePassword(password);
        string role = BrokerRoles.NodeRole(nodeId);
        DynamicSecurityResponse[] answers = await SendAsync(
        [
            DynamicSecurityCommands.CreateRole(role, $"Node {nodeId}: its own topics only", BrokerRoles.NodeAcls(nodeId)),
            DynamicSecurityCommands.CreateClient(nodeId, password, clientId: nodeId, role, $"EdgeNode node {nodeId}"),
        ], cancellationToken).ConfigureAwait(false);
        string? roleError = answers[0].Error, clientError = answers[1].Error;
        if (clientError is not null)
        {
            // Do not leave a role behind for a node that has no account (but never touch a role that was there before).
            if (roleError is null)
            {
                await SendAsync([DynamicSecurityCommands.DeleteRole(role)], cancellationToken).ConfigureAwait(false);
            }

            throw new BrokerCommandRefusedException("createClient", nodeId, clientError);
        }
        if (roleError == RoleAlreadyExists)
        {
            // The role is named after this node and no account stood on it (the account is new): a leftover of an
            // account deleted by hand or a removal cut short. Its ACLs are not ours to trust, and refusing would leave
            // the node without an account for good, so the role is written afresh under the new account.
            roleError = await ReplaceNodeRoleAsync(nodeId, role, cancellationToken).ConfigureAwait(false);
        }
        if (roleError is not null)
        {
            // No account may stand on a role with ACLs we did not write this time.
            await SendAsync([DynamicSecurityCommands.ForUser("deleteClient", nodeId)], cancellationToken).ConfigureAwait(false);
            throw new BrokerCommandRefusedException("createRole", role, roleError);
        }
        _logger.LogInformation("Broker account created for node {Node}", nodeId);
    }

    /// <summary>
    /// Takes the node's role from its account, deletes it, creates it with the node's ACLs and gives it back. Until the
    /// last step the account holds no role, so it may do nothing.
    /// </summary>
    /// <returns>The plugin's first refusal, or null.</returns>
    private async Task<string?> ReplaceNodeRoleAsync(string nodeId, string role, CancellationToken cancellationToken)
    {
        DynamicSecurityResponse[] answers = await SendAsync(
        [
            // First, or the account would keep a pointer to the deleted role: Mosquitto 2.0.11's createClient links
            // the account to its roles but not the roles back to the account, so deleteRole cannot find it.
            DynamicSecurityCommands.ForClientRole("removeClientRole", nodeId, role),
            DynamicSecurityCommands.DeleteRole(role),
            DynamicSecurityCommands.CreateRole(role, $"Node {nodeId}: its own topics only", BrokerRoles.NodeAcls(nodeId)),
            DynamicSecurityCommands.ForClientRole("addClientRole", nodeId, role),
        ], cancellationToken).ConfigureAwait(false);
        string? error = answers.Select(answer => answer.Error).FirstOrDefault(error => error is not null);
        if (error is null)
        {
            _logger.LogWarning("Broker role {Role} was left over without its account; written afresh for node {Node}", role, nodeId);
        }

        return error;
    }

    /// <summary>Refuses the node's logins from now on and disconnects it if connected; its account stays.</summary>
    public Task DisableNodeAsync(string nodeId, CancellationToken cancellationToken = default) =>
        ForNodeAsync("disableClient", nodeId, cancellationToken);

    public Task EnableNodeAsync(string nodeId, CancellationToken cancellationToken = default) =>
        ForNodeAsync("enableClient", nodeId, cancellationToken);

    /// <summary>Rotation: the old password stops working at once (a connection made with it is closed).</summary>
    public async Task SetNodePasswordAsync(string nodeId, string password, CancellationToken cancellationToken = default)
    {
        NodeId.Require(nodeId);
        RequirePassword(password);
        await SendOneAsync(DynamicSecurityCommands.SetClientPassword(nodeId, password), nodeId, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Broker password changed for node {Node}", nodeId);
    }

    /// <summary>Deletes the node's account and role; a connected node is disconnected at once.</summary>
    public async Task DeleteNodeAsync(string nodeId, CancellationToken cancellationToken = default)
    {
        NodeId.Require(nodeId);
        string role = BrokerRoles.NodeRole(nodeId);
        DynamicSecurityResponse[] answers = await SendAsync([DynamicSecurityCommands.ForUser("deleteClient", nodeId), DynamicSecurityCommands.DeleteRole(role)], cancellationToken).ConfigureAwait(false);
        if (answers[0].Error is { } clientError)
        {
            throw new BrokerCommandRefusedException("deleteClient", nodeId, clientError);
        }

        if (answers[1].Error is { } roleError)
        {
            throw new BrokerCommandRefusedException("deleteRole", role, roleError);
        }

        _logger.LogInformation("Broker account deleted for node {Node}", nodeId);
    }

    /// <summary>
    /// An account for a fleet instance (ingest, acks, downlink), with the <see cref="BrokerRoles.Fleet"/> role. The user
    /// name must not be a valid node id (use a '.', e.g. "fleet.ingest"), so fleet and node accounts never collide.
    /// </summary>
    public async Task CreateFleetAccountAsync(string username, string password, CancellationToken cancellationToken = default)
    {
        RequireFleetUsername(username);
        RequirePassword(password);
        await SendOneAsync(DynamicSecurityCommands.CreateClient(username, password, clientId: null, BrokerRoles.Fleet, "EdgeNode fleet instance"), username, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Broker fleet account {Username} created", username);
    }

    /// <summary>
    /// Every account the plugin holds (nodes, fleet accounts, the admin), each with whether it is disabled: to reconcile
    /// with the registry. Asked for a page at a time (<see cref="BrokerAccountsOptions.ListPageSize"/>); an account
    /// created or deleted between two pages may be missed or seen twice (it is listed once) until the next call.
    /// </summary>
    public async Task<IReadOnlyList<BrokerClient>> ListClientsAsync(CancellationToken cancellationToken = default)
    {
        int pageSize = Math.Max(1, _options.ListPageSize);
        var clients = new Dictionary<string, BrokerClient>(StringComparer.Ordinal);
        for (int offset = 0; ; offset += pageSize)
        {
            DynamicSecurityResponse answer = await SendOneAsync(DynamicSecurityCommands.ListClients(offset, pageSize), "all clients", cancellationToken).ConfigureAwait(false);
            if (answer.Data?["clients"] is not JsonArray page)
            {
                break;
            }

            foreach (BrokerClient client in page.Select(BrokerClient.FromPlugin).OfType<BrokerClient>())
            {
                clients.TryAdd(client.Username, client);
            }

            int total = answer.Data["totalCount"] is JsonValue count && count.TryGetValue(out int value) ? value : 0;
            if (page.Count < pageSize || offset + page.Count >= total)
            {
                break;
            }
        }
        return [.. clients.Values];
    }

    /// <summary>One account as the plugin holds it now; null when it has no client by that user name.</summary>
    public async Task<BrokerClient?> FindClientAsync(string username, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        DynamicSecurityResponse answer = (await SendAsync([DynamicSecurityCommands.ForUser("getClient", username)], cancellationToken).ConfigureAwait(false))[0];
        if (answer.Error is { } error)
        {
            return error == ClientNotFound ? null : throw new BrokerCommandRefusedException("getClient", username, error);
        }
        return BrokerClient.FromPlugin(answer.Data?["client"]);
    }

    private async Task ForNodeAsync(string command, string nodeId, CancellationToken cancellationToken)
    {
        NodeId.Require(nodeId);
        await SendOneAsync(DynamicSecurityCommands.ForUser(command, nodeId), nodeId, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Broker {Command} for node {Node}", command, nodeId);
    }

    private async Task<DynamicSecurityResponse> SendOneAsync(JsonObject command, string subject, CancellationToken cancellationToken)
    {
        DynamicSecurityResponse answer = (await SendAsync([command], cancellationToken).ConfigureAwait(false))[0];
        if (answer.Error is { } error)
        {
            throw new BrokerCommandRefusedException(answer.Command.Length > 0 ? answer.Command : (string)command["command"]!, subject, error);
        }

        return answer;
    }

    /// <summary>Sends the commands in one message and returns their answers in the same order.</summary>
    private async Task<DynamicSecurityResponse[]> SendAsync(IReadOnlyList<JsonObject> commands, CancellationToken cancellationToken)
    {
        if (!_started)
        {
            throw new InvalidOperationException("BrokerAccounts is not started: call StartAsync first.");
        }

        var waits = new List<(string Correlation, Task<DynamicSecurityResponse> Answer)>(commands.Count);
        foreach (JsonObject command in commands)
        {
            (string? correlation, Task<DynamicSecurityResponse>? answer) = _pending.Register();
            command["correlationData"] = correlation;
            waits.Add((correlation, answer));
        }
        string payload = new JsonObject { ["commands"] = new JsonArray(commands.Select(c => (JsonNode)c).ToArray()) }.ToJsonString();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(_options.Timeout);
        try
        {
            // Only once connected. A command published while the broker is away (restarting) would be resent at the
            // reconnect before the answer topic is subscribed again (the session is clean), and its answer lost.
            await _client.WaitUntilConnectedAsync(limit.Token).ConfigureAwait(false);
            await _client.PublishAsync(new MqttApplicationMessage(BrokerRoles.ControlTopic, Encoding.UTF8.GetBytes(payload), MqttQualityOfService.AtLeastOnce), limit.Token).ConfigureAwait(false);
            return await Task.WhenAll(waits.Select(w => w.Answer)).WaitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            string names = string.Join(", ", commands.Select(c => (string?)c["command"]));
            throw new TimeoutException(
                $"The broker's dynamic-security plugin did not answer {names} within {_options.Timeout.TotalSeconds:0} s " +
                $"(connected: {_client.State.IsConnected}). The change may or may not have been applied; check the broker's log, " +
                "and that mosquitto.conf loads the plugin.");
        }
        finally
        {
            foreach ((string Correlation, Task<DynamicSecurityResponse> Answer) wait in waits)
            {
                _pending.Forget(wait.Correlation);
            }
        }
    }

    private ValueTask ReceiveAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        if (message.Topic != BrokerRoles.ControlResponseTopic)
        {
            return ValueTask.CompletedTask;
        }

        foreach (DynamicSecurityResponse response in DynamicSecurityResponse.Parse(message.Payload.Span))
        {
            if (!_pending.TryComplete(response) && response.CorrelationData is null && response.Error is { } error)
            {
                _logger.LogWarning("The dynamic-security plugin reported '{Error}' for {Command} without saying which request it answers", error, response.Command);
            }
        }
        return ValueTask.CompletedTask;
    }

    private static void RequirePassword(string password)
    {
        if (string.IsNullOrEmpty(password))
        {
            throw new ArgumentException("A broker password cannot be empty.", nameof(password));
        }

        if (password.Contains('\0'))
        {
            throw new ArgumentException("A broker password cannot contain NUL: the plugin would cut it there.", nameof(password));
        }
    }

    internal static void RequireFleetUsername(string username)
    {
        if (string.IsNullOrEmpty(username) || username.Any(char.IsControl))
        {
            throw new ArgumentException("A fleet account's user name cannot be empty or contain control characters.", nameof(username));
        }

        if (NodeId.IsValid(username, out _))
        {
            throw new ArgumentException($"'{username}' is a valid node id, so a node could be enrolled under it: give fleet accounts a name with a character node ids never have, e.g. 'fleet.{username}'.", nameof(username));
        }
    }

    public async ValueTask DisposeAsync() => await _client.DisposeAsync().ConfigureAwait(false);
}

using EdgeNode.Fleet.Audit;
using EdgeNode.Fleet.Broker;
using EdgeNode.Fleet.Broker.Accounts;
using EdgeNode.Fleet.Broker.Session;
using EdgeNode.Fleet.Broker.Tls;
using EdgeNode.Fleet.Localisation;
using Microsoft.Extensions.Options;

namespace EdgeNode.Fleet.Registry;

/// <summary>
/// Enrols, disables, enables, rotates and removes nodes, keeping the registry and the broker's accounts in step: a
/// node exists for the broker only while the registry holds it, and a revocation reaches the broker before this
/// returns. The broker comes first when taking access away and last when giving it, so a failure halfway never leaves a
/// node with more access than the registry shows. Each change holds <see cref="NodeAccessLock"/>, so that
/// <see cref="RegistryReconciler"/> never sees one half made.
/// </summary>
public sealed class NodeEnrolment(
    INodeRegistryStore registry,
    BrokerAdministration broker,
    BrokerCertificates certificates,
    IOptions<EnrolmentOptions> enrolment,
    IOptions<LocalBrokerOptions> local,
    IOptions<FleetBrokerOptions> external,
    IAuditLog audit,
    NodeAccessLock access,
    RegistryReconciliationStatus reconciliation,
    TimeProvider time,
    ILogger<NodeEnrolment> logger)
{
    /// <exception cref="InvalidEnrolmentException">The request has problems; nothing was created.</exception>
    /// <exception cref="NodeAlreadyRegisteredException">The id is taken.</exception>
    public async Task<NodeEnrolmentResult> EnrolAsync(NodeEnrolmentRequest request, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Problems() is { Count: > 0 } problems)
        {
            throw new InvalidEnrolmentException(problems);
        }

        using IDisposable held = await access.EnterAsync(ct);
        string authority = AuthorityPem();
        BrokerAccounts accounts = await broker.AccountsAsync(ct);
        string secret = NodeCredentials.NewSecret();
        DateTimeOffset now = time.GetUtcNow();
        var node = new RegisteredNode(request.Id, request.Name.Trim(), request.Municipality.Trim(), request.LampPostId.Trim(), request.Latitude, request.Longitude, Enabled: true, now, now);

        // The registry first: its key refuses a taken id before the broker is touched.
        await registry.AddAsync(node, NodeCredentials.Hash(node.Id, secret), ct);
        try
        {
            await accounts.CreateNodeAsync(node.Id, secret, ct);
        }
        catch (Exception exception) when (exception is BrokerCommandRefusedException or TimeoutException or OperationCanceledException)
        {
            await registry.RemoveAsync(node.Id, CancellationToken.None);
            logger.LogWarning("Enrolment of node {Node} by {Actor} undone: the broker did not create its account: {Reason}", node.Id, actor, exception.Message);
            throw;
        }

        logger.LogInformation("Node {Node} enrolled by {Actor} ({Municipality}, {Name})", node.Id, actor, node.Municipality, node.Name);
        await audit.RecordAsync(actor, "node.enrol", node.Id, $"{node.Municipality}, {node.Name}", CancellationToken.None);
        return new NodeEnrolmentResult(node, secret, Bundle(node.Id, secret, authority));
    }

    /// <summary>Cuts the node off at the broker now (a connected node is disconnected) and keeps it disabled.</summary>
    public async Task DisableAsync(string nodeId, string actor, CancellationToken ct)
    {
        using IDisposable held = await access.EnterAsync(ct);
        await RequireAsync(nodeId, ct);
        await (await broker.AccountsAsync(ct)).DisableNodeAsync(nodeId, ct);
        await registry.SetEnabledAsync(nodeId, false, ct);
        logger.LogInformation("Node {Node} disabled by {Actor}: the broker refuses it until it is enabled", nodeId, actor);
        await audit.RecordAsync(actor, "node.disable", nodeId, "", CancellationToken.None);
    }

    public async Task EnableAsync(string nodeId, string actor, CancellationToken ct)
    {
        using IDisposable held = await access.EnterAsync(ct);
        await RequireAsync(nodeId, ct);
        await registry.SetEnabledAsync(nodeId, true, ct);
        await (await broker.AccountsAsync(ct)).EnableNodeAsync(nodeId, ct);
        logger.LogInformation("Node {Node} enabled by {Actor}", nodeId, actor);
        await audit.RecordAsync(actor, "node.enable", nodeId, "", CancellationToken.None);
    }

    /// <summary>
    /// A new secret: the old one stops working at once (a node connected with it is disconnected). When the broker has
    /// no account for the node (lost with a restored plugin file, deleted by hand, an enrolment cut short), this creates
    /// it, disabled if the registry shows the node disabled: the registry keeps only a hash, from which no password can be
    /// made, so a new secret is the only repair.
    /// </summary>
    public async Task<NodeEnrolmentResult> RotateAsync(string nodeId, string actor, CancellationToken ct)
    {
        using IDisposable held = await access.EnterAsync(ct);
        RegisteredNode node = await RequireAsync(nodeId, ct);
        string authority = AuthorityPem();
        string secret = NodeCredentials.NewSecret();
        DateTimeOffset now = time.GetUtcNow();
        BrokerAccounts accounts = await broker.AccountsAsync(ct);
        bool created = false;
        try
        {
            await accounts.SetNodePasswordAsync(nodeId, secret, ct);
        }
        catch (BrokerCommandRefusedException exception) when (exception.PluginError == BrokerAccounts.ClientNotFound)
        {
            await accounts.CreateNodeAsync(nodeId, secret, ct);
            if (!node.Enabled)
            {
                // Created enabled, with a secret nobody holds yet (it is handed out only when this returns).
                await accounts.DisableNodeAsync(nodeId, ct);
            }

            created = true;
        }

        await registry.SetCredentialAsync(nodeId, NodeCredentials.Hash(nodeId, secret), now, ct);
        if (created)
        {
            reconciliation.Settled(nodeId);
            logger.LogInformation("Credential of node {Node} rotated by {Actor}; the broker had no account for it, so one was created ({Access})", nodeId, actor, node.Enabled ? "enabled" : "disabled");
        }
        else
        {
            logger.LogInformation("Credential of node {Node} rotated by {Actor}", nodeId, actor);
        }

        await audit.RecordAsync(actor, "node.rotate", nodeId, created ? StaffText.French.BrokerAccountRecreatedAudit : "", CancellationToken.None);
        return new NodeEnrolmentResult(node with { CredentialIssuedAt = now }, secret, Bundle(nodeId, secret, authority));
    }

    /// <summary>Deletes the node's broker account (cutting it off) and forgets it; its measurements stay.</summary>
    public async Task RemoveAsync(string nodeId, string actor, CancellationToken ct)
    {
        using IDisposable held = await access.EnterAsync(ct);
        await RequireAsync(nodeId, ct);
        try
        {
            await (await broker.AccountsAsync(ct)).DeleteNodeAsync(nodeId, ct);
        }
        catch (BrokerCommandRefusedException exception) when (exception.PluginError.Contains("not found", StringComparison.OrdinalIgnoreCase))
        {
            // Already gone at the broker (a removal interrupted after this step): finish it.
        }

        await registry.RemoveAsync(nodeId, ct);
        reconciliation.Settled(nodeId);
        logger.LogInformation("Node {Node} removed by {Actor}: its broker account is deleted", nodeId, actor);
        await audit.RecordAsync(actor, "node.remove", nodeId, "", CancellationToken.None);
    }

    private async Task<RegisteredNode> RequireAsync(string nodeId, CancellationToken ct) =>
        await registry.FindAsync(nodeId, ct) ?? throw new UnknownNodeException(nodeId);

    private string AuthorityPem()
    {
        if (local.Value.Mode == BrokerMode.Supervised)
        {
            return certificates.AuthorityPem();
        }

        string caFile = external.Value.CaFile;
        return caFile.Length > 0
            ? File.ReadAllText(caFile)
            : throw new InvalidOperationException(
                $"Nodes reach the broker over TLS only, and {FleetBrokerOptions.SectionName}:CaFile (the CA the external broker's certificate chains to, which nodes are given) is not set.");
    }

    private NodeEnrolmentBundle Bundle(string nodeId, string secret, string authorityPem)
    {
        EnrolmentOptions options = enrolment.Value;
        string host = options.BrokerHost.Length > 0
            ? options.BrokerHost
            : BrokerTlsNames.Parse(local.Value.TlsNames).Primary;
        int port = options.BrokerPort > 0 ? options.BrokerPort : local.Value.TlsPort;
        return NodeEnrolmentBundle.Create(nodeId, secret, host, port, authorityPem);
    }
}

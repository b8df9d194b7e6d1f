using EdgeNode.Fleet.Audit;
using EdgeNode.Fleet.Broker.Accounts;
using EdgeNode.Fleet.Broker.Session;
using EdgeNode.Fleet.Storage;
using EdgeNode.Protocol.Topics;
using Microsoft.Extensions.Options;

namespace EdgeNode.Fleet.Registry;

/// <summary>
/// Compares the node registry with the broker's accounts and, the registry being the truth, repairs the broker: deletes
/// the account of a node the registry does not hold, disables or enables an account whose state differs from the
/// registry's. It cannot make a missing account (the registry keeps only the hash of a node's secret): those nodes are
/// reported, and rotating their credential repairs them. Fleet accounts (names with a '.'), the plugin's admin and the
/// fleet's own ingest account are never touched. Each repair is logged as a warning and audited with actor
/// <see cref="AuditActors.Fleet"/>.
/// </summary>
/// <remarks>
/// NodeEnrolment orders its two steps so that a failure halfway never gives more access than the registry shows; what
/// it cannot prevent is a broker command applied although its answer timed out, a fleet that dies between the steps,
/// or an old plugin file restored. This is what repairs those.
/// </remarks>
public sealed class RegistryReconciler(
    INodeRegistryStore registry,
    BrokerAdministration broker,
    IOptions<FleetBrokerOptions> ingest,
    NodeAccessLock access,
    RegistryReconciliationStatus status,
    IAuditLog audit,
    TimeProvider time,
    ILogger<RegistryReconciler> logger)
{
    /// <summary>One pass; its outcome is also kept in <see cref="RegistryReconciliationStatus"/>.</summary>
    /// <exception cref="Exception">
    /// The broker or the store failed (unreachable, a timeout, a refusal): recorded and logged, once per outage, before
    /// it is thrown again.
    /// </exception>
    public async Task<RegistryReconciliation> ReconcileAsync(CancellationToken ct)
    {
        RegistryReconciliation pass;
        try
        {
            using (await access.EnterAsync(ct))
            {
                pass = await PassAsync(ct);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            bool expected = exception is TimeoutException or BrokerCommandRefusedException or InvalidOperationException or FleetStoreException or OperationCanceledException;
            if (status.Failed(exception.Message, time.GetUtcNow()))
            {
                logger.LogWarning(expected ? null : exception,
                    "Could not compare the node registry with the broker's accounts: {Reason}. Trying again at the next check; logged once until one succeeds",
                    exception.Message);
            }
            else
            {
                logger.LogDebug("Comparing the node registry with the broker's accounts failed again: {Reason}", exception.Message);
            }

            throw;
        }

        IReadOnlyList<string> known = status.NodesWithoutAccount;
        string[] newlyMissing = [.. pass.NodesWithoutAccount.Except(known, StringComparer.Ordinal)];
        if (status.Succeeded(pass) is { } failingSince)
        {
            logger.LogInformation("The node registry and the broker's accounts are compared again (failing since {Since:u})", failingSince);
        }

        if (newlyMissing.Length > 0)
        {
            // Only when the list grows: a node left without an account would otherwise warn at every pass.
            logger.LogWarning("Nodes without a broker account: {Nodes}. Rotate their credential to give them one", string.Join(", ", newlyMissing));
        }

        logger.LogDebug("Node registry and broker accounts compared: {Nodes} nodes, {Repairs} repairs, {Missing} without an account",
            pass.NodeCount, pass.Repairs.Count, pass.NodesWithoutAccount.Count);
        return pass;
    }

    private async Task<RegistryReconciliation> PassAsync(CancellationToken ct)
    {
        BrokerAccounts accounts = await broker.AccountsAsync(ct);

        // The broker first, then the registry. Enrolment writes the registry before it creates the account, so an
        // account listed here whose enrolment is under way is in the registry read next, not taken for an orphan.
        IReadOnlyList<BrokerClient> clients = await accounts.ListClientsAsync(ct);
        if (!clients.Any(client => client.Username == broker.AdminUsername))
        {
            // The list cannot be whole if the account asking is not in it: nothing is decided on it.
            throw new InvalidOperationException(
                $"The broker's list of accounts ({clients.Count}) does not include its admin '{broker.AdminUsername}', so it cannot be trusted to be complete; nothing was changed.");
        }

        IReadOnlyList<RegisteredNode> nodes = await registry.ListAsync(ct);
        var registered = nodes.ToDictionary(node => node.Id, StringComparer.Ordinal);
        var atBroker = clients.ToDictionary(client => client.Username, StringComparer.Ordinal);
        var repairs = new List<BrokerAccountRepair>();

        foreach (BrokerClient client in clients.Where(client => IsNodeAccount(client.Username) && !registered.ContainsKey(client.Username)))
        {
            if (await DeleteOrphanAsync(accounts, client.Username, ct) is { } repair)
            {
                await RecordAsync(repair);
                repairs.Add(repair);
            }
        }

        var withoutAccount = new List<string>();
        foreach (RegisteredNode node in nodes)
        {
            if (!atBroker.TryGetValue(node.Id, out BrokerClient? client))
            {
                // A page of the list may have missed it, or it was created since: only a direct look says it is missing.
                if (await accounts.FindClientAsync(node.Id, ct) is null && await registry.FindAsync(node.Id, ct) is not null)
                {
                    withoutAccount.Add(node.Id);
                }

                continue;
            }

            if (client.Disabled == !node.Enabled)
            {
                continue;
            }

            if (await AlignAsync(accounts, node.Id, ct) is { } repair)
            {
                await RecordAsync(repair);
                repairs.Add(repair);
            }
        }

        withoutAccount.Sort(StringComparer.Ordinal);
        return new RegistryReconciliation(time.GetUtcNow(), nodes.Count, repairs, withoutAccount);
    }

    /// <summary>
    /// A node's account, as opposed to the admin, the fleet's ingest account (both configurable, so perhaps valid node
    /// ids on an external broker) and any fleet account (a '.' in its name, which no node id has).
    /// </summary>
    private bool IsNodeAccount(string username) =>
        NodeId.IsValid(username, out _)
        && username != broker.AdminUsername
        && username != ingest.Value.Username;

    private async Task<BrokerAccountRepair?> DeleteOrphanAsync(BrokerAccounts accounts, string nodeId, CancellationToken ct)
    {
        if (await registry.FindAsync(nodeId, ct) is not null)
        {
            // Enrolled since the registry was read (by the command line, which runs outside this process's lock).
            return null;
        }

        try
        {
            await accounts.DeleteNodeAsync(nodeId, ct);
        }
        catch (BrokerCommandRefusedException refused) when (refused.Command == "deleteClient" && refused.PluginError == BrokerAccounts.ClientNotFound)
        {
            return null;
        }
        catch (BrokerCommandRefusedException refused) when (refused.Command == "deleteRole")
        {
            // The account is gone; it had no node role of ours to go with it (made by hand, or the role deleted before).
        }

        return new BrokerAccountRepair(nodeId, BrokerAccountRepair.DeleteOrphan, "the registry does not hold this node, so nobody granted its access");
    }

    /// <summary>Gives the broker the registry's enabled state for the node, after reading both again.</summary>
    private async Task<BrokerAccountRepair?> AlignAsync(BrokerAccounts accounts, string nodeId, CancellationToken ct)
    {
        // Either side may have changed since the lists were read, by the command line (outside this process's lock)
        // or by hand: act only on what both say now.
        if (await registry.FindAsync(nodeId, ct) is not { } node || await accounts.FindClientAsync(nodeId, ct) is not { } client || client.Disabled == !node.Enabled)
        {
            return null;
        }

        try
        {
            if (node.Enabled)
            {
                await accounts.EnableNodeAsync(nodeId, ct);
                return new BrokerAccountRepair(nodeId, BrokerAccountRepair.Enable, "the registry shows it enabled and the broker refused it");
            }

            await accounts.DisableNodeAsync(nodeId, ct);
            return new BrokerAccountRepair(nodeId, BrokerAccountRepair.Disable, "the registry shows it disabled and the broker let it in");
        }
        catch (BrokerCommandRefusedException refused) when (refused.PluginError == BrokerAccounts.ClientNotFound)
        {
            // Deleted in the meantime: the next pass reports it as without an account.
            return null;
        }
    }

    private async Task RecordAsync(BrokerAccountRepair repair)
    {
        logger.LogWarning("Broker account of node {Node} repaired ({Action}): {Reason}", repair.Node, repair.Action, repair.Reason);
        // The change is made: it is recorded even if the pass is being cancelled.
        await audit.RecordAsync(AuditActors.Fleet, repair.Action, repair.Node, repair.AuditDetails, CancellationToken.None);
    }
}

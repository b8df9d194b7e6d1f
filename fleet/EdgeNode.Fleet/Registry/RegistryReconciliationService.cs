using EdgeNode.Fleet.Broker;
using EdgeNode.Fleet.Broker.Accounts;
using EdgeNode.Fleet.Broker.Supervision;
using Microsoft.Extensions.Options;

namespace EdgeNode.Fleet.Registry;

/// <summary>
/// Runs <see cref="RegistryReconciler"/>: once the broker accepts connections after the fleet starts (the supervised
/// broker's first run; an external broker at once), again after each restart of the supervised broker (a restart may
/// follow a restored plugin file, and a command cut short by the broker dying may have been applied), and every
/// Fleet:Broker:ReconcileInterval. A pass that fails is tried again at the next of these. With an external broker and
/// no admin account configured there is nothing it could do: it says so once and stops.
/// </summary>
public sealed class RegistryReconciliationService(
    RegistryReconciler reconciler,
    RegistryReconciliationStatus status,
    BrokerAdministration broker,
    MosquittoSupervisor supervisor,
    IOptions<LocalBrokerOptions> local,
    IOptions<RegistryReconciliationOptions> options,
    TimeProvider time,
    ILogger<RegistryReconciliationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (broker.MissingAdmin() is { } missing)
        {
            status.WillNotCheck(missing);
            logger.LogInformation("The node registry is not compared with the broker's accounts: {Reason}", missing);
            return;
        }

        bool supervised = local.Value.Mode == BrokerMode.Supervised;
        try
        {
            BrokerState? run = supervised ? await NextRunAsync(null, stoppingToken) : null;
            while (true)
            {
                await PassAsync(stoppingToken);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                Task interval = Task.Delay(options.Value.ReconcileInterval, time, wait.Token);
                Task<BrokerState>? restarted = supervised ? NextRunAsync(run, wait.Token) : null;
                Task first = await Task.WhenAny(restarted is null ? new[] { interval } : new[] { interval, restarted });
                await wait.CancelAsync();
                stoppingToken.ThrowIfCancellationRequested();
                if (restarted is not null && first == restarted)
                {
                    run = await restarted;
                    logger.LogDebug("The supervised broker runs again ({Broker}): comparing the node registry with its accounts", run.Description);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PassAsync(CancellationToken stoppingToken)
    {
        try
        {
            await reconciler.ReconcileAsync(stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // Recorded for /health and logged once per outage by the reconciler; an exception escaping a
            // BackgroundService would stop the whole fleet.
        }
    }

    /// <summary>The supervised broker's next run that accepts connections, other than <paramref name="after"/>.</summary>
    private async Task<BrokerState> NextRunAsync(BrokerState? after, CancellationToken ct)
    {
        while (true)
        {
            BrokerState state = supervisor.State;
            if (state.Phase == BrokerPhase.Running && !ReferenceEquals(state, after))
            {
                return state;
            }

            await supervisor.ChangedAsync(state, ct);
        }
    }
}

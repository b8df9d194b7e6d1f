using System.Diagnostics;
using EdgeNode.Fleet.Broker.Accounts;
using EdgeNode.Fleet.Broker.Supervision;
using EdgeNode.Fleet.Registry;
using EdgeNode.Fleet.Tests.Broker.Supervision;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace EdgeNode.Fleet.Tests.Registry;

/// <summary>
/// When the fleet compares its registry with the broker's accounts by itself: once its supervised broker first runs,
/// after every restart of it, and every interval. Each test makes an orphan account after the first pass and waits for
/// the next pass to delete it.
/// </summary>
public sealed class ReconciliationScheduleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_broker_restarted_by_the_fleet_after_it_was_killed_is_reconciled_again()
    {
        await using SupervisedBroker broker = await SupervisedBroker.StartAsync(output);
        await broker.WaitUntilRunningAsync();
        // Its first run brought the first pass (the interval is 15 minutes).
        RegistryReconciliation first = await broker.WaitUntilReconciledAsync();
        Assert.Empty(first.Repairs);
        await broker.EnrolNodeAsync("orphan-1");
        int killed = broker.Supervisor.State.ProcessId!.Value;

        using (Process mosquitto = Process.GetProcessById(killed))
        {
            mosquitto.Kill(); // SIGKILL, by its own pid
        }

        await broker.WaitForStateAsync(state => state is { Phase: BrokerPhase.Running } && state.ProcessId != killed, "running again");
        await WaitUntilGoneAsync(broker, "orphan-1");
    }

    [Fact]
    public async Task The_registry_is_reconciled_again_every_interval()
    {
        await using SupervisedBroker broker = await SupervisedBroker.StartAsync(output, settings: new Dictionary<string, string?>
        {
            ["Fleet:Broker:ReconcileInterval"] = "00:00:01",
        });
        await broker.WaitUntilRunningAsync();
        await broker.WaitUntilReconciledAsync();

        await broker.EnrolNodeAsync("orphan-1");

        await WaitUntilGoneAsync(broker, "orphan-1");
    }

    private static async Task WaitUntilGoneAsync(SupervisedBroker broker, string username)
    {
        BrokerAdministration administration = broker.Services.GetRequiredService<BrokerAdministration>();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                BrokerAccounts accounts = await administration.AccountsAsync(CancellationToken.None);
                if (await accounts.FindClientAsync(username) is null)
                {
                    return;
                }
            }
            catch (TimeoutException)
            {
                // The admin's connection comes back after the broker does.
            }

            if (clock.Elapsed > SupervisedBroker.Patience)
            {
                throw new TimeoutException($"The broker still holds '{username}' after {SupervisedBroker.Patience}: no pass deleted it");
            }

            await Task.Delay(200);
        }
    }
}

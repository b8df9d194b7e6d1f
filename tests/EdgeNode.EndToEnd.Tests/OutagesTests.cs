using EdgeNode.Fleet.Storage;
using EdgeNode.TestSupport;

namespace EdgeNode.EndToEnd.Tests;

/// <summary>
/// Everything between a lamppost and the database failing at once: the broker down for hours, the fleet killed
/// mid-ingest, a node's power cut mid-sync. Delivery must still be exactly once in effect, into PostgreSQL.
/// </summary>
public sealed class OutagesTests
{
    [Fact]
    public async Task Broker_down_fleet_killed_and_node_killed_mid_sync_still_lose_nothing()
    {
        // The fleet on a real PostgreSQL here (the other end-to-end tests use SQLite): the store a large deployment uses.
        await using PostgresServer postgres = await PostgresServer.StartAsync();
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        await using FleetUnderTest fleet = await FleetUnderTest.StartAsync(broker, await postgres.CreateDatabaseAsync("outages"));
        await using BatchTap tap = await BatchTap.StartAsync(broker.Host, broker.Port);
        string[] ids = ["mairie-1", "ecole-2", "stade-3"];
        // A day at 1000 times real speed (about 90 s), syncing every 15 minutes so that syncs are many: every
        // outage below happens while the nodes are still living through it.
        var nodes = ids.Select(id => new NodeUnderTest(id, broker, history: TimeSpan.FromDays(1), syncInterval: "00:15:00")).ToList();
        NodeUnderTest victim = nodes[2];
        try
        {
            nodes.ForEach(n => n.Start());
            await WaitForBatchesAsync(tap, ids, 1);

            // A node's power is cut right after it published a batch, before the fleet's ack can reach it.
            int fromVictim = tap.Batches.Count(b => b.NodeId == victim.NodeId);
            await WaitUntilAsync(() => tap.Batches.Count(b => b.NodeId == victim.NodeId) > fromVictim, "a batch from the victim");
            await victim.Process.KillAsync();
            await Task.Delay(TimeSpan.FromSeconds(2));
            await victim.ResumeAsync();

            // The broker goes down for 10 s: almost three hours of the nodes' time, during which they keep measuring.
            await broker.StopAsync();
            await Task.Delay(TimeSpan.FromSeconds(10));
            await broker.RestartAsync();
            int before = tap.Batches.Count;
            await WaitUntilAsync(() => tap.Batches.Count > before + 3, "batches after the broker came back");

            // The fleet dies mid-ingest (SIGKILL: no commit finished, no ack sent for what was in hand) and comes back.
            await fleet.Process.KillAsync();
            await Task.Delay(TimeSpan.FromSeconds(3));
            await fleet.StartAsync();

            await Task.WhenAll(nodes.Select(n => n.WaitUntilCaughtUpAsync(TimeSpan.FromMinutes(6))));
            await Drain.StopAfterLastSyncAsync(nodes);

            await using IFleetStore store = fleet.OpenStore();
            foreach (NodeUnderTest node in nodes)
            {
                // A day is 96 windows. The node whose power was cut may lose the window it was measuring.
                await DeliveryAssert.NothingLostAsync(store, node, minimumInFleet: 94, holesAllowed: node == victim ? 1 : 0);
            }
            await DeliveryAssert.FleetHoldsWhatWasSentAsync(store, tap, ids);
            Assert.Equal(0, await store.CountDeadLettersAsync(CancellationToken.None));
        }
        finally
        {
            foreach (NodeUnderTest node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    private static Task WaitForBatchesAsync(BatchTap tap, IEnumerable<string> nodes, int each) =>
        WaitUntilAsync(() => nodes.All(n => tap.Batches.Count(b => b.NodeId == n) >= each), $"{each} batch(es) from every node");

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"waited in vain for {what}");
            await Task.Delay(50);
        }
    }
}

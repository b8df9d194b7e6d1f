using EdgeNode.Fleet.Storage;
using EdgeNode.TestSupport;

namespace EdgeNode.EndToEnd.Tests;

/// <summary>Emulated nodes, a real Mosquitto, the fleet and its SQLite file, all as separate processes.</summary>
public sealed class ThreeNodesForADayTests
{
    [Fact]
    public async Task Three_nodes_living_a_day_deliver_every_window_exactly_once()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        using var database = new TemporaryDirectory("edgenode-e2e-fleet-");
        await using FleetUnderTest fleet = await FleetUnderTest.StartAsync(broker, $"Data Source={database.File("fleet.db")}");
        await using BatchTap tap = await BatchTap.StartAsync(broker.Host, broker.Port);
        string[] ids = ["mairie-1", "ecole-2", "stade-3"];
        var nodes = ids.Select(id => new NodeUnderTest(id, broker, history: TimeSpan.FromDays(1))).ToList();
        try
        {
            // A day at 1000 times real speed: about 90 s, then each node is in the present.
            nodes.ForEach(n => n.Start());
            await Task.WhenAll(nodes.Select(n => n.WaitUntilCaughtUpAsync(TimeSpan.FromMinutes(6))));
            await Drain.StopAfterLastSyncAsync(nodes);

            await using IFleetStore store = fleet.OpenStore();
            foreach (NodeUnderTest node in nodes)
            {
                // A day is 96 windows; the first and last may be partial.
                await DeliveryAssert.NothingLostAsync(store, node, minimumInFleet: 95);
                Assert.True((await node.RemainingWindowsAsync()).Count <= 2, $"{node.NodeId} kept more than its last partial windows");
            }
            await DeliveryAssert.FleetHoldsWhatWasSentAsync(store, tap, ids);
            Assert.Equal(0, await store.CountDeadLettersAsync(CancellationToken.None));
            Assert.True(fleet.Process.IsRunning, fleet.Process.Tail());
        }
        finally
        {
            foreach (NodeUnderTest node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }
}

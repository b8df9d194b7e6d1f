using EdgeNode.Fleet.Storage;
using EdgeNode.TestSupport;

namespace EdgeNode.EndToEnd.Tests.NativeAot;

/// <summary>
/// The binary you ship is the binary you test: the Native AOT linux-x64 edgenode, enrolled with the fleet's command
/// line, delivers a day of windows over TLS to the fleet's own Mosquitto, and none is lost.
/// </summary>
[Collection(NativeNodeCollection.Name)]
public sealed class NativeNodeDeliveryTests(NativeNodeBinaries binaries)
{
    [Fact]
    public async Task The_native_node_enrolled_with_the_fleet_delivers_a_day_over_TLS_and_loses_nothing()
    {
        using var fleetData = new TemporaryDirectory("edgenode-e2e-native-");
        using var enrolment = new TemporaryDirectory("edgenode-e2e-native-enrolment-");
        await using FleetUnderTest fleet = await FleetUnderTest.StartSupervisedAsync(
            fleetData.File("data"), $"Data Source={fleetData.File("fleet.db")}");
        string said = await fleet.AdministerAsync(
            "enrol", "native-mairie", "--name", "Mairie", "--municipality", "Saint-Jean", "--latitude", "43.38", "--longitude", "-1.66", "--output", enrolment.Path);
        Assert.Contains("Node native-mairie enrolled", said, StringComparison.Ordinal);

        await using NodeUnderTest node = NodeUnderTest.Enrolled("native-mairie", enrolment.Path, history: TimeSpan.FromDays(1), syncInterval: "00:15:00", executable: binaries.X64);
        node.Start();
        await node.WaitUntilCaughtUpAsync(TimeSpan.FromMinutes(6));
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (node.Status()?.Uplink is not { Connected: true, Problem: null })
        {
            Assert.True(DateTime.UtcNow < deadline, $"the native node never reported itself connected.\nFleet:\n{fleet.Process.Tail()}\nNode:\n{node.Process.Tail()}");
            await Task.Delay(200);
        }
        await Drain.StopAfterLastSyncAsync([node]);

        await using IFleetStore store = fleet.OpenStore();
        await DeliveryAssert.NothingLostAsync(store, node, minimumInFleet: 95);
        Assert.Equal(0, await store.CountDeadLettersAsync(CancellationToken.None));
    }
}

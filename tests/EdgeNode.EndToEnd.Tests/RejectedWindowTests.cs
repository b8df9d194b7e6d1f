using EdgeNode.Daemon.Buffer;
using EdgeNode.Daemon.Windows;
using EdgeNode.Fleet.Storage;
using EdgeNode.Sensors;
using EdgeNode.TestSupport;

namespace EdgeNode.EndToEnd.Tests;

/// <summary>One window the fleet cannot accept costs that window only: the node hears why, and its later data goes through.</summary>
public sealed class RejectedWindowTests
{
    [Fact]
    public async Task A_node_with_one_unacceptable_window_keeps_delivering_the_rest()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        using var database = new TemporaryDirectory("edgenode-e2e-rejected-");
        await using FleetUnderTest fleet = await FleetUnderTest.StartAsync(broker, $"Data Source={database.File("fleet.db")}");
        await using var node = new NodeUnderTest("mairie-5", broker, history: TimeSpan.FromHours(1), speed: 250, syncInterval: "00:15:00");

        // A window whose temperature is outside what the protocol accepts (a glitch the node's encoder lets through), first
        // in the outbox: the fleet refuses it while decoding, and before acks for such batches it blocked all the rest.
        DateTimeOffset refused = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-5).ToUnixTimeSeconds() / 900 * 900);
        await using (WindowBuffer buffer = WindowBuffer.Open(new WindowBufferOptions { DatabasePath = Path.Combine(node.DataDirectory, "buffer.db") }))
        {
            await buffer.AppendAsync(new ClosedWindow(refused, TimeSpan.FromMinutes(15), WindowTimeQuality.Synchronised, false,
                [new SensorWindow("bme280", 1, [new MetricSummary(Metric.TemperatureCelsius, 10, 150, 149, 151, 150)], 0, null)], null));
        }

        node.Start();
        await using IFleetStore store = fleet.OpenStore();
        // Blocked behind the refused window, the node would deliver nothing; moving on, it delivers the hour it measured.
        DateTime deadline = DateTime.UtcNow.AddMinutes(4);
        while (await WindowsInFleetAsync(store, node.NodeId) < 3 && DateTime.UtcNow < deadline && node.Process.IsRunning)
        {
            await Task.Delay(500);
        }
        await node.Process.TerminateAsync();

        IReadOnlyList<StoredDeadLetter> letters = await store.ReadDeadLettersAsync(node.NodeId, 100, CancellationToken.None);
        const string Reason = "temperature_c ranges 149–151 °C, outside the accepted";
        Assert.Contains(letters, l => l.Reason.Contains(Reason, StringComparison.Ordinal));
        Assert.Contains(Reason, node.History, StringComparison.Ordinal);

        // The windows measured after it: none missing, and the refused one is no longer in the outbox.
        await DeliveryAssert.NothingLostAsync(store, node, minimumInFleet: 3);
        Assert.DoesNotContain(await node.RemainingWindowsAsync(), w => w.Window.Start == refused);
        Assert.Empty(await store.ReadMetricWindowsAsync(node.NodeId, null, refused, refused.AddMinutes(15), CancellationToken.None));
        Assert.True(fleet.Process.IsRunning, fleet.Process.Tail());
    }

    private static async Task<int> WindowsInFleetAsync(IFleetStore store, string node) =>
        (await store.ReadMetricWindowsAsync(node, null, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None))
        .Select(row => row.WindowStart).Distinct().Count();
}

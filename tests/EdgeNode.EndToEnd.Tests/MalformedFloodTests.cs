using EdgeNode.Fleet.Storage;
using EdgeNode.MqttLink;
using EdgeNode.Protocol.Catalogue;
using EdgeNode.Protocol.Codec;
using EdgeNode.Protocol.Messages;
using EdgeNode.TestSupport;
using Xunit.Abstractions;

namespace EdgeNode.EndToEnd.Tests;

/// <summary>Garbage next to good traffic: the fleet files every bad message with its reason and keeps ingesting the good.</summary>
public sealed class MalformedFloodTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Yesterday = DateTimeOffset.UtcNow.Date.AddDays(-1);

    [Fact]
    public async Task Thousands_of_bad_payloads_are_dead_lettered_while_a_node_keeps_delivering()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        using var database = new TemporaryDirectory("edgenode-e2e-flood-");
        await using FleetUnderTest fleet = await FleetUnderTest.StartAsync(broker, $"Data Source={database.File("fleet.db")}");
        await using BatchTap tap = await BatchTap.StartAsync(broker.Host, broker.Port);
        await using var node = new NodeUnderTest("mairie-1", broker, history: TimeSpan.FromHours(8), syncInterval: "00:15:00");
        await using var flooder = new MqttClient(new MqttClientOptions { Host = broker.Host, Port = broker.Port, ClientId = "flooder", CleanSession = true }, (_, _) => ValueTask.CompletedTask);
        await flooder.StartAsync();
        using (var connecting = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            await flooder.WaitUntilConnectedAsync(connecting.Token);
        }

        node.Start();
        List<(string Topic, byte[] Payload, string Expected)> bad = BadMessages(3_000);
        var flooding = System.Diagnostics.Stopwatch.StartNew();
        foreach ((string? topic, byte[]? payload, string _) in bad)
        {
            await flooder.PublishAsync(new MqttApplicationMessage(topic, payload, MqttQualityOfService.AtLeastOnce));
        }
        await node.WaitUntilCaughtUpAsync(TimeSpan.FromMinutes(4));
        await Drain.StopAfterLastSyncAsync([node]);

        // Every bad message is accounted for: kept as a dead letter, or counted as dropped past its sender's quota, so
        // that a flood cannot fill the disk. Flooder and fleet both use QoS 1, which MQTT makes at-least-once: the broker
        // may not drop one (Mosquitto drops QoS 1 only past max_queued_messages/bytes, and says so in its log), but it
        // redelivers what the fleet had not acknowledged when its connection broke, and a dead letter is not
        // idempotent. So: none missing, and no more extra than the broker redelivered.
        await using IFleetStore store = fleet.OpenStore();
        long accounted = await WaitWhileGrowingAsync(() => AccountedForAsync(store), bad.Count);
        long kept = await store.CountDeadLettersAsync(CancellationToken.None);
        IReadOnlyList<DeadLetterDrop> drops = await store.ReadDeadLetterDropsAsync(DateTimeOffset.UnixEpoch, CancellationToken.None);
        string where = $"{kept} kept + {drops.Sum(d => d.Messages)} dropped of {bad.Count} sent; {Stages(broker, bad.Count)}";
        // In the test's output even when it passes: how long a loaded machine took, and what the broker did.
        output.WriteLine($"{accounted} accounted for {flooding.Elapsed.TotalSeconds:0} s after the flood began: {where}");
        Assert.True(accounted >= bad.Count, $"bad messages lost (the count stopped growing): {where}");
        Assert.True(accounted - bad.Count <= Redelivered(broker), $"more dead letters than the broker delivered: {where}");
        Assert.Equal(["", "flood-1"], drops.Select(d => d.NodeId ?? "").Distinct().Order(StringComparer.Ordinal));
        IReadOnlyList<StoredDeadLetter> letters = await store.ReadDeadLettersAsync(null, bad.Count * 2, CancellationToken.None);
        // The quota is per sender and per period: a run that straddles the top of the hour may keep it twice.
        var quota = new DeadLetterOptions();
        Assert.All(letters.GroupBy(l => (l.NodeId, Period: quota.PeriodStart(l.ReceivedAt))),
            group => Assert.True(group.Count() <= quota.MaxPerNodePerPeriod, $"{group.Key.NodeId ?? "unknown senders"} kept {group.Count()} dead letters in the period from {group.Key.Period:u}"));
        Assert.All(letters, l => Assert.False(string.IsNullOrWhiteSpace(l.Reason)));
        foreach (string expected in bad.Select(b => b.Expected).Distinct())
        {
            Assert.Contains(letters, l => l.Reason.Contains(expected, StringComparison.Ordinal));
        }
        Assert.Contains(letters, l => l.Truncated);

        // The good traffic went through untouched: eight hours of windows, none missing.
        await DeliveryAssert.NothingLostAsync(store, node, minimumInFleet: 31);
        await DeliveryAssert.FleetHoldsWhatWasSentAsync(store, tap, [node.NodeId]);
        Assert.True(fleet.Process.IsRunning, fleet.Process.Tail());
    }

    /// <summary>Every kind of wrong, in turn, with a fragment of the reason the fleet must give.</summary>
    private static List<(string, byte[], string)> BadMessages(int count)
    {
        var random = new Random(20261122);
        byte[] goodBatch = EdgeCodec.Encode(Batch("flood-1", Yesterday));
        var kinds = new Func<int, (string, byte[], string)>[]
        {
            i => ($"edge/flood-{i % 50}/up/batch", Noise(random, random.Next(0, 400)), ""),
            i => ($"edge/flood-{i % 50}/up/batch", goodBatch[..random.Next(0, goodBatch.Length - 1)], ""),
            i => ("edge/flood-1/up/batch", new byte[300 * 1024], "over the"),
            i => ("edge/flood-1/up/batch", EdgeCodec.Encode(new StatusMessage(true, Yesterday)), "where the topic expects Batch"),
            i => ($"edge/flood-{i % 50}/up/batch", EdgeCodec.Encode(Batch("someone-else", Yesterday)), "payload names node 'someone-else'"),
            i => ($"edge/flood-{i % 50}/up/telemetry", goodBatch, "not a known EdgeNode topic"),
            i => ($"edge/Flood-{i % 50}/up/batch", goodBatch, "not allowed"),
            i => ("edge/flood-1/up/batch", EdgeCodec.Encode(Batch("flood-1", DateTimeOffset.UtcNow.AddDays(3))), "more than a day after"),
            i => ("edge/flood-1/up/health", Noise(random, 50), ""),
            i => ("edge/flood-1/up/alert", [SchemaVersion.Current + 5, 3, 0], "schema version"),
        };
        return Enumerable.Range(0, count).Select(i => kinds[i % kinds.Length](i)).ToList();
    }

    private static WindowBatch Batch(string node, DateTimeOffset start) => new(node, 1, [
        new WireWindow(start, 900, WireTimeQuality.Synchronised, false, 0,
            [new WireSensorWindow("bme280", 1, [new WireMetricSummary(MetricCatalogue.Temperature, 10, 12.5, 12, 13, 12.7)], 0, null)], null)],
        [], [], []);

    private static byte[] Noise(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static async Task<long> AccountedForAsync(IFleetStore store) =>
        await store.CountDeadLettersAsync(CancellationToken.None) + (await store.ReadDeadLetterDropsAsync(DateTimeOffset.UnixEpoch, CancellationToken.None)).Sum(d => d.Messages);

    /// <summary>
    /// Where the bad messages went, from the broker's own log (it logs every PUBLISH): received from the flooder, then sent
    /// to the fleet's session. A shortfall names the stage that lost them.
    /// </summary>
    private static string Stages(MosquittoBroker broker, int sent)
    {
        string[] lines = broker.Output.Split('\n');
        int received = lines.Count(l => l.Contains("Received PUBLISH from flooder (d0", StringComparison.Ordinal));
        int resent = lines.Count(l => l.Contains("Received PUBLISH from flooder (d1", StringComparison.Ordinal));
        int forwarded = lines.Count(l => l.Contains("Sending PUBLISH to fleet.e2e (d0", StringComparison.Ordinal) && !l.Contains("mairie-1", StringComparison.Ordinal));
        int forwardedAgain = lines.Count(l => l.Contains("Sending PUBLISH to fleet.e2e (d1", StringComparison.Ordinal) && !l.Contains("mairie-1", StringComparison.Ordinal));
        int dropping = lines.Count(l => l.Contains("Outgoing messages are being dropped", StringComparison.Ordinal));
        return $"the broker received {received} of {sent} from the flooder (+{resent} resent), sent {forwarded} to the fleet (+{forwardedAgain} resent), " +
            $"and logged {dropping} 'Outgoing messages are being dropped'";
    }

    /// <summary>The bad messages the broker sent the fleet's session again (DUP), after a broken connection.</summary>
    private static int Redelivered(MosquittoBroker broker) =>
        broker.Output.Split('\n').Count(l => l.Contains("Sending PUBLISH to fleet.e2e (d1", StringComparison.Ordinal) && !l.Contains("mairie-1", StringComparison.Ordinal));

    /// <summary>
    /// Waits for the count to reach <paramref name="target"/> for as long as it keeps growing: a fleet slowed by a busy
    /// machine gets the time it needs, while a count that stands still for a minute short of the target has lost
    /// messages, which no longer wait would bring back. Returns the last count.
    /// </summary>
    private static async Task<long> WaitWhileGrowingAsync(Func<Task<long>> count, long target)
    {
        TimeSpan stall = TimeSpan.FromMinutes(1);
        long last = await count();
        DateTime lastGrowth = DateTime.UtcNow;
        while (last < target && DateTime.UtcNow - lastGrowth < stall)
        {
            await Task.Delay(200);
            long now = await count();
            if (now > last)
            {
                lastGrowth = DateTime.UtcNow;
            }
            last = now;
        }
        return last;
    }
}

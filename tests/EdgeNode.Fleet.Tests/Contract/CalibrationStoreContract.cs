using EdgeNode.Fleet.Calibration;
using EdgeNode.Fleet.Storage;
using EdgeNode.Protocol.Calibration;

namespace EdgeNode.Fleet.Tests.Contract;

/// <summary>What every store promises about calibration sets, run against each provider by a subclass, a fresh database per test.</summary>
public abstract class CalibrationStoreContract : StoreContractBase
{
    private static readonly DateTimeOffset At = new DateTimeOffset(2026, 3, 1, 8, 30, 15, TimeSpan.FromHours(1)).AddTicks(1_234_560);

    private static readonly CalibrationEntry Pm = new("sds011", "pm25_ugm3", 0.83, -1.25);

    private static readonly CalibrationEntry Temperature = new("bme280", "temperature_c", 1, 0.4);

    private new ICalibrationStore Store => (ICalibrationStore)base.Store;

    [Fact]
    public async Task Each_set_takes_the_nodes_next_version_and_reads_back_exactly_newest_first()
    {
        CalibrationRecord first = await Store.AddCalibrationAsync("mairie-1", [Pm], "alice", At, 0, None);
        CalibrationRecord other = await Store.AddCalibrationAsync("ecole-2", [Temperature], "bob", At, 0, None);
        CalibrationRecord second = await Store.AddCalibrationAsync("mairie-1", [Pm, Temperature], "alice", At.AddHours(1), 0, None);

        Assert.Equal(1, first.Set.Version);
        Assert.Equal(1, other.Set.Version);
        Assert.Equal(2, second.Set.Version);
        IReadOnlyList<CalibrationRecord> read = await Store.ReadCalibrationsAsync("mairie-1", None);
        Assert.Equal([2, 1], read.Select(r => r.Set.Version));
        Assert.Equal(second.Set.Entries.OrderBy(e => e.Sensor), read[0].Set.Entries);
        Assert.Equal(At.AddHours(1).ToUniversalTime(), read[0].CreatedAt);
        Assert.Equal(TimeSpan.Zero, read[0].CreatedAt.Offset);
        Assert.Equal("alice", read[0].CreatedBy);
        Assert.Null(read[0].Answer);
        Assert.Empty(await Store.ReadCalibrationsAsync("unknown-node", None));
    }

    [Fact]
    public async Task An_empty_set_is_a_version_too_it_takes_every_correction_away()
    {
        await Store.AddCalibrationAsync("mairie-1", [Pm], "alice", At, 0, None);
        CalibrationRecord cleared = await Store.AddCalibrationAsync("mairie-1", [], "alice", At, 0, None);

        Assert.Equal(2, cleared.Set.Version);
        Assert.Empty((await Store.ReadCalibrationsAsync("mairie-1", None))[0].Set.Entries);
    }

    [Fact]
    public async Task The_latest_set_of_every_node_is_read_in_one_go()
    {
        await Store.AddCalibrationAsync("mairie-1", [Pm], "alice", At, 0, None);
        await Store.AddCalibrationAsync("mairie-1", [Temperature], "alice", At, 0, None);
        await Store.AddCalibrationAsync("ecole-2", [Pm], "bob", At, 0, None);

        IReadOnlyList<CalibrationRecord> latest = await Store.ReadLatestCalibrationsAsync(None);

        Assert.Equal([("ecole-2", 1), ("mairie-1", 2)], latest.Select(r => (r.NodeId, r.Set.Version)));
    }

    [Fact]
    public async Task A_version_is_numbered_above_the_revision_the_node_holds_when_the_node_is_ahead()
    {
        // The node holds revision 6 from before this database (restored from a backup, or the node enrolled again).
        CalibrationRecord ahead = await Store.AddCalibrationAsync("mairie-1", [Pm], "alice", At, 6, None);
        CalibrationRecord next = await Store.AddCalibrationAsync("mairie-1", [Temperature], "alice", At, 0, None);
        CalibrationRecord behind = await Store.AddCalibrationAsync("mairie-1", [Pm], "alice", At, 3, None);

        Assert.Equal((7, 8, 9), (ahead.Set.Version, next.Set.Version, behind.Set.Version));
        Assert.Equal([9, 8, 7], (await Store.ReadCalibrationsAsync("mairie-1", None)).Select(r => r.Set.Version));
    }

    [Fact]
    public async Task The_nodes_answer_is_kept_with_its_version_only()
    {
        await Store.AddCalibrationAsync("mairie-1", [Pm], "alice", At, 0, None);
        await Store.AddCalibrationAsync("mairie-1", [Pm with { Gain = 1.2 }], "alice", At, 0, None);

        Assert.True(await Store.RecordCalibrationAnswerAsync("mairie-1", 1, new CalibrationAnswer(true, null, At), None));
        Assert.True(await Store.RecordCalibrationAnswerAsync("mairie-1", 2, new CalibrationAnswer(false, "sds011 pm25_ugm3: the gain must be between 0.2 and 5", At.AddMinutes(1)), None));
        Assert.False(await Store.RecordCalibrationAnswerAsync("mairie-1", 3, new CalibrationAnswer(true, null, At), None));
        Assert.False(await Store.RecordCalibrationAnswerAsync("ecole-2", 1, new CalibrationAnswer(true, null, At), None));

        IReadOnlyList<CalibrationRecord> read = await Store.ReadCalibrationsAsync("mairie-1", None);
        Assert.Equal(new CalibrationAnswer(false, "sds011 pm25_ugm3: the gain must be between 0.2 and 5", At.AddMinutes(1).ToUniversalTime()), read[0].Answer);
        Assert.Equal(new CalibrationAnswer(true, null, At.ToUniversalTime()), read[1].Answer);
    }

    [Fact]
    public async Task A_set_no_node_could_apply_is_refused_and_nothing_is_stored()
    {
        ArgumentException refused = await Assert.ThrowsAsync<ArgumentException>(() => Store.AddCalibrationAsync("mairie-1", [Pm with { Gain = 9 }], "alice", At, 0, None));

        Assert.Contains("the gain must be between 0.2 and 5", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await Store.ReadCalibrationsAsync("mairie-1", None));
    }

    [Fact]
    public async Task Sets_added_at_once_from_two_store_instances_get_distinct_versions()
    {
        IFleetStore second = await OpenAsync();
        ICalibrationStore[] writers = new[] { Store, (ICalibrationStore)second };

        CalibrationRecord[] added = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            writers[i % 2].AddCalibrationAsync("mairie-1", [Pm with { Offset = i }], "alice", At, 0, None)));

        Assert.Equal(Enumerable.Range(1, 8), added.Select(r => r.Set.Version).Order());
        Assert.Equal(8, (await Store.ReadCalibrationsAsync("mairie-1", None)).Count);
    }
}

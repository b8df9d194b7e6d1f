using EdgeNode.Fleet.Monitoring;
using EdgeNode.Fleet.Storage;
using EdgeNode.Fleet.Tests.Support;

namespace EdgeNode.Fleet.Tests.Monitoring;

/// <summary>
/// What every store promises about monitoring's alerts and last-data reads, run against SQLite and a real PostgreSQL
/// by the two subclasses. Each test gets a fresh database.
/// </summary>
public abstract class MonitoringStoreContract : IAsyncLifetime
{
    // Microseconds on purpose: both stores keep instants to the microsecond.
    private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(1)).AddTicks(1_234_560);

    private IFleetStore _fleet = null!;

    protected IMonitoringStore Store { get; private set; } = null!;

    private static CancellationToken None => CancellationToken.None;

    public async Task InitializeAsync()
    {
        _fleet = FleetStoreFactory.Create(await CreateDatabaseAsync(), null, validateBatches: true);
        await _fleet.InitialiseAsync(None);
        Store = (IMonitoringStore)_fleet;
    }

    public async Task DisposeAsync()
    {
        await _fleet.DisposeAsync();
        await DeleteDatabaseAsync();
    }

    protected abstract Task<string> CreateDatabaseAsync();

    protected virtual Task DeleteDatabaseAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_raised_alert_reads_back_exactly_and_open()
    {
        var condition = new AlertCondition("node-001", AlertKind.Pollution, "pm25_ugm3", "PM2.5 in band Poor: 42.5", 42.5, "Poor");

        FleetAlert? raised = await Store.RaiseAlertAsync(condition, T0, None);

        Assert.NotNull(raised);
        var expected = new FleetAlert(raised.Id, "node-001", AlertKind.Pollution, "pm25_ugm3", "PM2.5 in band Poor: 42.5", 42.5, "Poor", T0, null, null, null);
        Assert.Equal(expected, raised);
        Assert.Equal(TimeSpan.Zero, raised.RaisedAt.Offset);
        Assert.Equal([expected], await Store.ReadOpenAlertsAsync(null, None));
        Assert.Equal(expected, await Store.FindAlertAsync(raised.Id, None));
    }

    [Fact]
    public async Task A_second_raise_of_an_open_key_changes_nothing_but_another_subject_or_node_is_its_own_alert()
    {
        FleetAlert? first = await Store.RaiseAlertAsync(new AlertCondition("node-001", AlertKind.SensorFault, "sds011", "NotAnswering"), T0, None);

        FleetAlert? again = await Store.RaiseAlertAsync(new AlertCondition("node-001", AlertKind.SensorFault, "sds011", "Stuck"), T0.AddMinutes(1), None);
        FleetAlert? otherSensor = await Store.RaiseAlertAsync(new AlertCondition("node-001", AlertKind.SensorFault, "bme280", "NotAnswering"), T0, None);
        FleetAlert? otherNode = await Store.RaiseAlertAsync(new AlertCondition("node-002", AlertKind.SensorFault, "sds011", "NotAnswering"), T0, None);
        FleetAlert? otherKind = await Store.RaiseAlertAsync(new AlertCondition("node-001", AlertKind.Silent, "", "silent"), T0, None);

        Assert.NotNull(first);
        Assert.Null(again);
        Assert.NotNull(otherSensor);
        Assert.NotNull(otherNode);
        Assert.NotNull(otherKind);
        IReadOnlyList<FleetAlert> open = await Store.ReadOpenAlertsAsync("node-001", None);
        Assert.Equal(3, open.Count);
        Assert.Equal("NotAnswering", open.Single(alert => alert.Id == first.Id).Detail);
    }

    [Fact]
    public async Task A_cleared_alert_is_no_longer_open_and_the_same_key_can_be_raised_again()
    {
        var condition = new AlertCondition("node-001", AlertKind.LowDisk, "", "40 MB free");
        FleetAlert first = (await Store.RaiseAlertAsync(condition, T0, None))!;

        Assert.True(await Store.ClearAlertAsync(first.Id, T0.AddHours(1), None));
        Assert.False(await Store.ClearAlertAsync(first.Id, T0.AddHours(2), None));
        FleetAlert? second = await Store.RaiseAlertAsync(condition, T0.AddHours(3), None);

        Assert.NotNull(second);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal([second], await Store.ReadOpenAlertsAsync(null, None));
        Assert.Equal([first with { ClearedAt = T0.AddHours(1) }], await Store.ReadClearedAlertsAsync(null, T0, 10, None));
        Assert.Empty(await Store.ReadClearedAlertsAsync(null, T0.AddHours(1).AddTicks(10), 10, None));
    }

    [Fact]
    public async Task Acknowledging_records_who_and_when_once()
    {
        FleetAlert alert = (await Store.RaiseAlertAsync(new AlertCondition("node-001", AlertKind.Silent, "", "silent"), T0, None))!;

        Assert.True(await Store.AcknowledgeAlertAsync(alert.Id, "marie.technicienne", T0.AddMinutes(5), None));
        Assert.False(await Store.AcknowledgeAlertAsync(alert.Id, "someone.else", T0.AddMinutes(6), None));
        Assert.False(await Store.AcknowledgeAlertAsync(alert.Id + 1000, "marie.technicienne", T0, None));

        Assert.Equal(alert with { AcknowledgedAt = T0.AddMinutes(5), AcknowledgedBy = "marie.technicienne" }, await Store.FindAlertAsync(alert.Id, None));
        Assert.Null(await Store.FindAlertAsync(alert.Id + 1000, None));
    }

    [Fact]
    public async Task Cleared_alerts_come_newest_first_within_the_limit_and_per_node()
    {
        for (int i = 0; i < 4; i++)
        {
            FleetAlert alert = (await Store.RaiseAlertAsync(new AlertCondition(i % 2 == 0 ? "node-001" : "node-002", AlertKind.Silent, "", $"silent {i}"), T0, None))!;
            await Store.ClearAlertAsync(alert.Id, T0.AddMinutes(i), None);
        }

        Assert.Equal(["silent 3", "silent 2"], (await Store.ReadClearedAlertsAsync(null, T0, 2, None)).Select(alert => alert.Detail));
        Assert.Equal(["silent 2", "silent 0"], (await Store.ReadClearedAlertsAsync("node-001", T0, 10, None)).Select(alert => alert.Detail));
    }

    [Fact]
    public async Task Last_data_is_the_end_of_the_newest_metric_or_traffic_window_per_node()
    {
        var batch = new IngestBatch();
        batch.Metrics.AddRange([Rows.Metric(node: "node-001", window: 0), Rows.Metric(node: "node-001", window: 3, metric: "pm10"), Rows.Metric(node: "node-002", window: 1)]);
        batch.Traffic.Add(Rows.Traffic(node: "node-002", window: 5));
        batch.Traffic.Add(Rows.Traffic(node: "node-003", window: 2));
        await _fleet.CommitAsync(batch, None);

        IReadOnlyDictionary<string, DateTimeOffset> ends = await Store.ReadLastDataAsync(["node-001", "node-002", "node-003", "node-004", "node-001"], None);

        Assert.Equal(3, ends.Count);
        Assert.Equal(Rows.Start.AddMinutes(15 * 4), ends["node-001"]);
        Assert.Equal(Rows.Start.AddMinutes(15 * 6), ends["node-002"]);
        Assert.Equal(Rows.Start.AddMinutes(15 * 3), ends["node-003"]);
        Assert.False(ends.ContainsKey("node-004"));
        Assert.Empty(await Store.ReadLastDataAsync([], None));
    }
}

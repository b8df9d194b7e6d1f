using System.Net;
using System.Text.Json;
using EdgeNode.Fleet.Monitoring;
using EdgeNode.Fleet.Storage;
using EdgeNode.Protocol.Messages;
using static EdgeNode.Fleet.Tests.Monitoring.Observations;

namespace EdgeNode.Fleet.Tests.Monitoring;

/// <summary>The evaluator on a real SQLite store: alerts raised once, cleared when their condition goes, webhook for pollution.</summary>
public sealed class AlertEvaluationTests
{
    private const string Id = "lampadaire-1";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_sensor_fault_raises_one_alert_however_often_it_is_evaluated_and_clears_when_the_sensor_recovers()
    {
        await using AlertHarness fleet = await AlertHarness.StartAsync(Now, null, Node(Id));
        await fleet.ReportAsync(Report(at: Now.AddMinutes(-5), sensors: [Sensor("sds011", WireFault.NotAnswering), Sensor("bme280")]));
        await fleet.SendDataAsync(Id, Now.AddMinutes(-5));

        AlertPlan first = await fleet.Evaluator.EvaluateAsync(None);
        AlertPlan second = await fleet.Evaluator.EvaluateAsync(None);

        AlertCondition raised = Assert.Single(first.Raise);
        Assert.Equal((Id, AlertKind.SensorFault, "sds011"), raised.Key);
        Assert.True(second.IsEmpty);
        FleetAlert open = Assert.Single(await fleet.Alerts.ReadOpenAlertsAsync(null, None));
        Assert.Equal(Now, open.RaisedAt);

        fleet.Time.Now = Now.AddMinutes(30);
        await fleet.ReportAsync(Report(at: Now.AddMinutes(29)));
        AlertPlan third = await fleet.Evaluator.EvaluateAsync(None);

        Assert.Equal([open.Id], third.Clear.Select(alert => alert.Id));
        Assert.Empty(await fleet.Alerts.ReadOpenAlertsAsync(null, None));
        Assert.Equal(Now.AddMinutes(30), (await fleet.Alerts.FindAlertAsync(open.Id, None))!.ClearedAt);
    }

    [Fact]
    public async Task A_node_whose_dead_letters_overflow_its_quota_is_alerted_until_a_whole_period_passes_without_a_drop()
    {
        await using AlertHarness fleet = await AlertHarness.StartAsync(Now, null, Node(Id), Node("lampadaire-2") with { Enabled = false });
        await fleet.ReportAsync(Report(at: Now.AddMinutes(-5)));
        await fleet.SendDataAsync(Id, Now.AddMinutes(-5));
        DateTimeOffset hour = new(Now.UtcTicks - (Now.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
        var drops = new IngestBatch();
        drops.DeadLetterDrops.Add(new DeadLetterDrop(Id, hour, 207, 62_000_000));
        drops.DeadLetterDrops.Add(new DeadLetterDrop("lampadaire-2", hour, 50, 50));
        drops.DeadLetterDrops.Add(new DeadLetterDrop(null, hour, 9, 9));
        await fleet.Store.CommitAsync(drops, None);

        AlertCondition flood = Assert.Single((await fleet.Evaluator.EvaluateAsync(None)).Raise);

        Assert.Equal((Id, AlertKind.DeadLetterFlood, ""), flood.Key);
        Assert.StartsWith("207 messages refusés non conservés", flood.Detail, StringComparison.Ordinal);
        fleet.Time.Now = hour.AddHours(1).AddMinutes(59);
        await fleet.ReportAsync(Report(at: fleet.Time.Now));
        await fleet.SendDataAsync(Id, fleet.Time.Now);
        Assert.True((await fleet.Evaluator.EvaluateAsync(None)).IsEmpty);
        fleet.Time.Now = hour.AddHours(2);
        Assert.Equal(AlertKind.DeadLetterFlood, Assert.Single((await fleet.Evaluator.EvaluateAsync(None)).Clear).Kind);
    }

    [Fact]
    public async Task A_node_quiet_for_more_than_two_sync_intervals_is_alerted_as_silent_and_cleared_when_it_speaks()
    {
        await using AlertHarness fleet = await AlertHarness.StartAsync(Now, null, Node(Id));
        await fleet.ReportAsync(Report(at: Now.AddMinutes(-5)));
        await fleet.SendDataAsync(Id, Now.AddMinutes(-5));
        Assert.True((await fleet.Evaluator.EvaluateAsync(None)).IsEmpty);

        // Last heard of at Now - 5 min: silent only once more than two hours have passed since.
        fleet.Time.Now = Now.AddHours(2).AddMinutes(-5);
        Assert.True((await fleet.Evaluator.EvaluateAsync(None)).IsEmpty);
        fleet.Time.Now = Now.AddHours(2).AddMinutes(-4);
        AlertPlan silent = await fleet.Evaluator.EvaluateAsync(None);

        Assert.Equal((Id, AlertKind.Silent, ""), Assert.Single(silent.Raise).Key);

        await fleet.ReportAsync(Report(at: fleet.Time.Now));
        await fleet.SendDataAsync(Id, fleet.Time.Now);
        AlertPlan back = await fleet.Evaluator.EvaluateAsync(None);

        Assert.Equal(AlertKind.Silent, Assert.Single(back.Clear).Kind);
    }

    [Fact]
    public async Task Two_minutes_after_start_nodes_back_filling_or_just_enrolled_raise_no_silence()
    {
        // The demo's start: five nodes just enrolled, back-filling a week of windows (every stamp a week old) or not
        // connected yet. None of them is late for what it could send.
        DateTimeOffset lastWeek = Now.AddDays(-7);
        await using AlertHarness fleet = await AlertHarness.StartAsync(Now, null,
            Node(Id) with { EnrolledAt = Now.AddMinutes(-3) }, Node("lampadaire-2") with { EnrolledAt = Now.AddMinutes(-3) });
        await fleet.ReportAsync(Report(at: lastWeek));
        await fleet.SendDataAsync(Id, lastWeek);
        fleet.Time.Now = Now.AddMinutes(2);
        fleet.Activity.Heard(Id, fleet.Time.Now);

        Assert.True((await fleet.Evaluator.EvaluateAsync(None)).IsEmpty);

        // Two sync intervals after enrolment the one never heard from is silent; the one still delivering is not.
        fleet.Time.Now = Now.AddHours(2);
        fleet.Activity.Heard(Id, fleet.Time.Now);
        AlertPlan later = await fleet.Evaluator.EvaluateAsync(None);

        Assert.Equal(("lampadaire-2", AlertKind.Silent, ""), Assert.Single(later.Raise).Key);
    }

    [Fact]
    public async Task Low_disk_is_alerted_and_a_disabled_node_raises_nothing()
    {
        await using AlertHarness fleet = await AlertHarness.StartAsync(Now, null, Node(Id), Node("lampadaire-2") with { Enabled = false });
        await fleet.ReportAsync(Report(at: Now.AddMinutes(-5), diskFree: 50L << 20));
        await fleet.SendDataAsync(Id, Now.AddMinutes(-5));

        AlertPlan plan = await fleet.Evaluator.EvaluateAsync(None);

        Assert.Equal((Id, AlertKind.LowDisk, ""), Assert.Single(plan.Raise).Key);
    }

    [Fact]
    public async Task A_node_missing_from_the_registry_raises_nothing_and_is_listed_only_while_it_reports()
    {
        await using AlertHarness fleet = await AlertHarness.StartAsync(Now, null, Node(Id));
        await fleet.ReportAsync(Report(at: Now.AddMinutes(-5)));
        await fleet.SendDataAsync(Id, Now.AddMinutes(-5));
        await fleet.ReportAsync(Report(id: "removed-node", at: Now.AddHours(-3)));
        await fleet.ReportAsync(Report(id: "stray-node", at: Now.AddMinutes(-5), diskFree: 1, sensors: Sensor("sds011", WireFault.Stuck)));
        await fleet.NodeAlertAsync(new NodeAlertRecord("stray-node", Now.AddMinutes(-3), "pm25_ugm3", "Poor", 42.5, Cleared: false));

        AlertPlan plan = await fleet.Evaluator.EvaluateAsync(None);
        FleetStatus status = await fleet.Reader.ReadAsync(None);

        Assert.True(plan.IsEmpty);
        Assert.Equal([Id, "stray-node"], status.Nodes.Select(node => node.NodeId));
        Assert.Null(status.Nodes[1].Registered);
    }

    [Fact]
    public async Task A_pollution_alert_raised_by_a_node_is_mirrored_posted_to_the_webhook_and_cleared_with_the_node()
    {
        using var receiver = new WebhookReceiver();
        await using AlertHarness fleet = await AlertHarness.StartAsync(Now, receiver.Url, Node(Id));
        await fleet.ReportAsync(Report(at: Now.AddMinutes(-5)));
        await fleet.SendDataAsync(Id, Now.AddMinutes(-5));
        await fleet.NodeAlertAsync(new NodeAlertRecord(Id, Now.AddMinutes(-3), "pm25_ugm3", "Poor", 42.5, Cleared: false));

        AlertPlan raised = await fleet.Evaluator.EvaluateAsync(None);

        Assert.Equal((Id, AlertKind.Pollution, "pm25_ugm3"), Assert.Single(raised.Raise).Key);
        FleetAlert alert = Assert.Single(await fleet.Alerts.ReadOpenAlertsAsync(null, None));
        Assert.Equal(42.5, alert.Value);
        Assert.Equal("Poor", alert.Band);

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        (HttpStatusCode answer, string contentType, string body) = await receiver.Requests.Reader.ReadAsync(patience.Token);
        Assert.Equal(HttpStatusCode.OK, answer);
        Assert.StartsWith("application/json", contentType, StringComparison.Ordinal);
        using JsonDocument json = JsonDocument.Parse(body);
        JsonElement root = json.RootElement;
        Assert.Equal("pollution", root.GetProperty("kind").GetString());
        Assert.Equal(alert.Id, root.GetProperty("alertId").GetInt64());
        Assert.Equal(Id, root.GetProperty("nodeId").GetString());
        Assert.Equal("École Jules-Ferry", root.GetProperty("nodeName").GetString());
        Assert.Equal("Saint-Girons", root.GetProperty("municipality").GetString());
        Assert.Equal("pm25_ugm3", root.GetProperty("pollutant").GetString());
        Assert.Equal("Poor", root.GetProperty("band").GetString());
        Assert.Equal(42.5, root.GetProperty("value").GetDouble());
        Assert.Equal(Now, root.GetProperty("raisedAt").GetDateTimeOffset());

        // Still raised on the node: nothing new; then the node clears it.
        Assert.True((await fleet.Evaluator.EvaluateAsync(None)).IsEmpty);
        await fleet.NodeAlertAsync(new NodeAlertRecord(Id, Now.AddMinutes(-1), "pm25_ugm3", "Fair", 20.0, Cleared: true));
        AlertPlan cleared = await fleet.Evaluator.EvaluateAsync(None);

        Assert.Equal(alert.Id, Assert.Single(cleared.Clear).Id);
        Assert.False(receiver.Requests.Reader.TryRead(out _));
    }

    [Fact]
    public async Task A_configured_threshold_raises_a_pollution_alert_on_the_newest_window_and_clears_below_it()
    {
        using var receiver = new WebhookReceiver();
        await using AlertHarness fleet = await AlertHarness.StartAsync(Now, receiver.Url, new Dictionary<string, double> { ["pm25_ugm3"] = 50 }, Node(Id));
        await fleet.ReportAsync(Report(at: Now.AddMinutes(-5)));
        await fleet.SendDataAsync(Id, Now.AddMinutes(-20), mean: 80);
        await fleet.SendDataAsync(Id, Now.AddMinutes(-5), mean: 49.9);
        await fleet.SendDataAsync(Id, Now.AddMinutes(-5), mean: 50, sensor: "pms5003");

        AlertCondition raised = Assert.Single((await fleet.Evaluator.EvaluateAsync(None)).Raise);

        Assert.Equal((Id, AlertKind.Pollution, "pm25_ugm3"), raised.Key);
        Assert.Equal(50, raised.Value);
        Assert.Equal("threshold", raised.Band);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        (_, _, string body) = await receiver.Requests.Reader.ReadAsync(patience.Token);
        Assert.Equal("threshold", JsonDocument.Parse(body).RootElement.GetProperty("band").GetString());

        fleet.Time.Now = Now.AddMinutes(15);
        await fleet.SendDataAsync(Id, Now.AddMinutes(10), mean: 12, sensor: "pms5003");
        await fleet.SendDataAsync(Id, Now.AddMinutes(10), mean: 11);

        Assert.Single((await fleet.Evaluator.EvaluateAsync(None)).Clear);
    }

    [Fact]
    public async Task The_nodes_own_pollution_alert_and_the_fleets_threshold_make_one_alert_with_the_nodes_band()
    {
        await using AlertHarness fleet = await AlertHarness.StartAsync(Now, null, new Dictionary<string, double> { ["pm25_ugm3"] = 50 }, Node(Id));
        await fleet.ReportAsync(Report(at: Now.AddMinutes(-5)));
        await fleet.SendDataAsync(Id, Now.AddMinutes(-5), mean: 70);
        await fleet.NodeAlertAsync(new NodeAlertRecord(Id, Now.AddMinutes(-3), "pm25_ugm3", "Poor", 65, Cleared: false));

        AlertCondition raised = Assert.Single((await fleet.Evaluator.EvaluateAsync(None)).Raise);

        Assert.Equal("Poor", raised.Band);
        Assert.Single(await fleet.Alerts.ReadOpenAlertsAsync(null, None));
    }

    [Fact]
    public async Task A_failing_webhook_is_retried_with_back_off_until_it_answers()
    {
        using var receiver = new WebhookReceiver(HttpStatusCode.ServiceUnavailable, HttpStatusCode.InternalServerError);
        await using AlertHarness fleet = await AlertHarness.StartAsync(Now, receiver.Url, Node(Id));
        var payload = new PollutionWebhookPayload("pollution", 7, Id, "École", "Saint-Girons", 42.98, 1.15, "no2_ugm3", "VeryPoor", 260, Now, "no2");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.True(fleet.Webhook.Enqueue(payload));

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var answers = new List<HttpStatusCode>();
        for (int i = 0; i < 3; i++)
        {
            (HttpStatusCode answer, _, string body) = await receiver.Requests.Reader.ReadAsync(patience.Token);
            answers.Add(answer);
            Assert.Equal(7, JsonDocument.Parse(body).RootElement.GetProperty("alertId").GetInt64());
        }

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.InternalServerError, HttpStatusCode.OK], answers);

        // 50 ms then 100 ms of back-off between the three attempts.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(150), $"retried after {clock.Elapsed}, sooner than the back-off");
    }

    [Fact]
    public async Task With_a_secret_each_delivery_carries_an_HMAC_of_its_timestamp_and_exact_body_that_the_receiver_can_check()
    {
        const string secret = "c2b7f1e0a9d84c6b8e3f5a1d7c9e2b40-municipal-receiver";
        using var receiver = new WebhookReceiver();
        await using AlertHarness fleet = await AlertHarness.StartAsync(Now, receiver.Url, new Dictionary<string, double>(), secret, Node(Id));

        Assert.True(fleet.Webhook.Enqueue(new PollutionWebhookPayload("pollution", 9, Id, "École", "Saint-Girons", 42.98, 1.15, "pm25_ugm3", "Poor", 42.5, Now, "pm25")));
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        (System.Collections.Specialized.NameValueCollection headers, byte[] body) = await receiver.Raw.Reader.ReadAsync(patience.Token);

        // Checked the way a receiver would, with the platform's HMAC rather than the fleet's code.
        string timestamp = Assert.IsType<string>(headers["X-EdgeNode-Timestamp"]);
        Assert.Equal(Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), timestamp);
        byte[] signed = [.. System.Text.Encoding.ASCII.GetBytes(timestamp + "."), .. body];
        string expected = "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret), signed));
        Assert.Equal(expected, headers["X-EdgeNode-Signature"]);
        Assert.Equal(9, JsonDocument.Parse(body).RootElement.GetProperty("alertId").GetInt64());

        // A body changed on the way no longer matches.
        byte[] tampered = [.. System.Text.Encoding.ASCII.GetBytes(timestamp + "."), .. System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(body).Replace("42.5", "12.5", StringComparison.Ordinal))];
        Assert.NotEqual(expected, "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret), tampered)));
    }

    [Fact]
    public async Task Without_a_secret_deliveries_are_unsigned()
    {
        using var receiver = new WebhookReceiver();
        await using AlertHarness fleet = await AlertHarness.StartAsync(Now, receiver.Url, Node(Id));

        Assert.True(fleet.Webhook.Enqueue(new PollutionWebhookPayload("pollution", 3, Id, "", "", null, null, "pm10_ugm3", "Poor", 80, Now, "")));
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        (System.Collections.Specialized.NameValueCollection headers, byte[] body) = await receiver.Raw.Reader.ReadAsync(patience.Token);

        Assert.Null(headers["X-EdgeNode-Signature"]);
        Assert.Null(headers["X-EdgeNode-Timestamp"]);
        Assert.Equal("pm10_ugm3", JsonDocument.Parse(body).RootElement.GetProperty("pollutant").GetString());
    }

    [Fact]
    public async Task A_receiver_that_hangs_does_not_hold_up_the_evaluator()
    {
        using var receiver = new WebhookReceiver(TimeSpan.FromSeconds(20));
        await using AlertHarness fleet = await AlertHarness.StartAsync(Now, receiver.Url, Node(Id));
        await fleet.ReportAsync(Report(at: Now.AddMinutes(-5)));
        await fleet.SendDataAsync(Id, Now.AddMinutes(-5));
        await fleet.NodeAlertAsync(new NodeAlertRecord(Id, Now.AddMinutes(-3), "no2_ugm3", "Poor", 130, Cleared: false));
        await fleet.Evaluator.EvaluateAsync(None);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await receiver.Received.Reader.ReadAsync(patience.Token);

        // The receiver now holds the first delivery unanswered; a second alert must still be raised at once.
        await fleet.NodeAlertAsync(new NodeAlertRecord(Id, Now.AddMinutes(-2), "pm10_ugm3", "Poor", 80, Cleared: false));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        AlertPlan plan = await fleet.Evaluator.EvaluateAsync(None);

        Assert.Equal("pm10_ugm3", Assert.Single(plan.Raise).Subject);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"evaluation took {clock.Elapsed} behind a hanging webhook");
        Assert.False(receiver.Requests.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Without_a_webhook_url_nothing_is_queued()
    {
        await using AlertHarness fleet = await AlertHarness.StartAsync(Now, null, Node(Id));

        Assert.False(fleet.Webhook.IsConfigured);
        Assert.False(fleet.Webhook.Enqueue(new PollutionWebhookPayload("pollution", 1, Id, "", "", null, null, "pm10", null, null, Now, "")));
    }
}

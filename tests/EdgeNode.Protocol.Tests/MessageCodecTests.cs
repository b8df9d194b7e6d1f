using EdgeNode.Protocol.Catalogue;
using EdgeNode.Protocol.Codec;
using EdgeNode.Protocol.Messages;

namespace EdgeNode.Protocol.Tests;

public sealed class MessageCodecTests
{
    private static readonly DateTimeOffset Noon = SampleMessages.Midnight.AddHours(12);

    [Fact]
    public void A_health_report_comes_back_as_sent_with_byte_counts_in_whole_kibibytes()
    {
        var sent = new HealthReport("mairie-12", Noon, "0.3.0", TimeSpan.FromSeconds(86_401), 47.3, 5L << 30, 16L << 30, 300L << 20, 41L << 20,
            WireClockState.Synchronised, 12, Noon.AddHours(-3), Noon.AddHours(-1), 4,
            [new SensorHealth("bme280", null, Noon, null), new SensorHealth("sds011", WireFault.NotAnswering, Noon.AddHours(-2), Noon)]);

        HealthReport back = EdgeCodec.DecodeHealth(EdgeCodec.Encode(sent));

        Assert.Equal(sent with { Sensors = [] }, back with { Sensors = [] });
        Assert.Equal(sent.Sensors, back.Sensors);
    }

    [Fact]
    public void A_health_report_without_thermal_zone_or_backlog_keeps_its_nulls()
    {
        var sent = new HealthReport("n1", Noon, "dev", TimeSpan.Zero, null, 0, 0, 0, 0, WireClockState.Unsynchronised, 0, null, null, 0, []);

        HealthReport back = EdgeCodec.DecodeHealth(EdgeCodec.Encode(sent));

        Assert.Null(back.CpuTemperatureCelsius);
        Assert.Null(back.OldestBacklog);
        Assert.Null(back.LastSyncAt);
        Assert.Equal(WireClockState.Unsynchronised, back.Clock);
    }

    [Fact]
    public void A_negative_cpu_temperature_survives()
    {
        var sent = new HealthReport("n1", Noon, "dev", TimeSpan.Zero, -12.5, 0, 0, 0, 0, WireClockState.Synchronised, 0, null, null, 0, []);
        Assert.Equal(-12.5, EdgeCodec.DecodeHealth(EdgeCodec.Encode(sent)).CpuTemperatureCelsius);
    }

    [Fact]
    public void An_alert_comes_back_as_sent()
    {
        var sent = new AlertMessage("mairie-12", 9, MetricCatalogue.Pm25, WireBand.Poor, Raised: true, 53.4, 50, 3600, Noon);
        Assert.Equal(sent, EdgeCodec.DecodeAlert(EdgeCodec.Encode(sent)));
    }

    [Fact]
    public void An_ack_is_a_few_bytes_and_comes_back_as_sent()
    {
        var sent = new AckMessage("mairie-12", AckSubject.Batch, 1234567, AckOutcome.Stored, null);
        byte[] payload = EdgeCodec.Encode(sent);

        // Header 3, id 1+9, subject 1, batch id 3, outcome 1, empty reason 1.
        Assert.Equal([1, 4, 0, 9, .. "mairie-12"u8, 1, 0x87, 0xAD, 0x4B, 1, 0], payload);
        Assert.Equal(sent, EdgeCodec.DecodeAck(payload));
    }

    [Fact]
    public void A_rejection_ack_carries_its_reason_cut_to_the_limit()
    {
        var sent = new AckMessage("n1", AckSubject.Alert, 3, AckOutcome.Rejected, new string('x', 1000));
        AckMessage back = EdgeCodec.DecodeAck(EdgeCodec.Encode(sent));
        Assert.Equal(AckOutcome.Rejected, back.Outcome);
        Assert.InRange(back.Reason!.Length, 1, PayloadLimits.MaximumTextBytes);
    }

    [Fact]
    public void A_configuration_and_its_answer_come_back_as_sent()
    {
        var config = new ConfigMessage("n1", 7, new Dictionary<string, string> { ["Uplink:SyncInterval"] = "01:00:00", ["Windows:Length"] = "00:15:00" });
        ConfigMessage back = EdgeCodec.DecodeConfig(EdgeCodec.Encode(config));
        Assert.Equal(7, back.Revision);
        Assert.Equal(config.Settings, back.Settings);

        var applied = new ConfigApplied("n1", 7, false, "Uplink:SyncInterval: not a duration");
        Assert.Equal(applied, EdgeCodec.DecodeConfigApplied(EdgeCodec.Encode(applied)));
    }

    [Fact]
    public void A_status_is_version_kind_plain_state_and_time()
    {
        byte[] payload = EdgeCodec.Encode(new StatusMessage(false, DateTimeOffset.FromUnixTimeSeconds(1)));
        Assert.Equal([1, 7, 0, 0, 1], payload);
        Assert.False(EdgeCodec.DecodeStatus(payload).Online);
    }

    [Fact]
    public void Metric_codes_and_names_are_unique()
    {
        Assert.Equal(MetricCatalogue.All.Count, MetricCatalogue.All.Select(m => m.Code).Distinct().Count());
        Assert.Equal(MetricCatalogue.All.Count, MetricCatalogue.All.Select(m => m.Name).Distinct().Count());
        Assert.Same(MetricCatalogue.Pm25, MetricCatalogue.ByName("pm25_ugm3"));
    }
}

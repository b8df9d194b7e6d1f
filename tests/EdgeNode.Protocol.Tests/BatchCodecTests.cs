using EdgeNode.Protocol.Catalogue;
using EdgeNode.Protocol.Codec;
using EdgeNode.Protocol.Messages;

namespace EdgeNode.Protocol.Tests;

public sealed class BatchCodecTests
{
    [Fact]
    public void A_batch_comes_back_as_it_was_sent()
    {
        WindowBatch sent = SampleMessages.Batch() with
        {
            Gaps = [new WireGap(SampleMessages.Midnight.AddDays(-3), SampleMessages.Midnight.AddDays(-2), 96, WireGapCause.QuotaExceeded)],
            Downsamplings = [new WireDownsampling(SampleMessages.Midnight.AddDays(-5), SampleMessages.Midnight.AddDays(-4), 96, 900, 24, 3600)],
            SetAside = [new WireSetAside(SampleMessages.Midnight.AddHours(-1), "database disk image is malformed", 40, false)],
        };

        WindowBatch received = EdgeCodec.DecodeBatch(EdgeCodec.Encode(sent));

        Assert.Equal(sent.NodeId, received.NodeId);
        Assert.Equal(sent.BatchId, received.BatchId);
        Assert.Equal(sent.Windows.Count, received.Windows.Count);
        for (int i = 0; i < sent.Windows.Count; i++)
        {
            AssertSameWindow(sent.Windows[i], received.Windows[i]);
        }
        Assert.Equal(sent.Gaps, received.Gaps);
        Assert.Equal(sent.Downsamplings, received.Downsamplings);
        Assert.Equal(sent.SetAside, received.SetAside);
    }

    [Fact]
    public void Values_are_quantised_to_the_metric_step_and_no_further()
    {
        WireWindow window = SampleMessages.Window(SampleMessages.Midnight) with
        {
            Sensors = [new WireSensorWindow("bme280", 0.3333, [new(MetricCatalogue.Temperature, 5, -3.14159, -7.005, 2.0049, 0.123)], 2, WireFault.Stuck)],
            Traffic = null,
        };

        WireWindow back = EdgeCodec.DecodeBatch(EdgeCodec.Encode(SampleMessages.Batch(0) with { Windows = [window] })).Windows[0];

        WireMetricSummary m = back.Sensors[0].Metrics[0];
        Assert.Equal(-3.14, m.Mean);
        Assert.Equal(-7.01, m.Minimum);
        Assert.Equal(2.0, m.Maximum);
        Assert.Equal(0.12, m.Last);
        Assert.Equal(0.333, back.Sensors[0].Coverage);
        Assert.Equal(WireFault.Stuck, back.Sensors[0].LastFault);
        Assert.Null(back.Traffic);
    }

    [Fact]
    public void Unconfirmed_and_partial_windows_keep_their_flags_and_1970_dates()
    {
        WireWindow window = SampleMessages.Window(DateTimeOffset.FromUnixTimeSeconds(86_400 + 900)) with { Time = WireTimeQuality.Unconfirmed, Partial = true };

        WireWindow back = EdgeCodec.DecodeBatch(EdgeCodec.Encode(SampleMessages.Batch(0) with { Windows = [window] })).Windows[0];

        Assert.Equal(WireTimeQuality.Unconfirmed, back.Time);
        Assert.True(back.Partial);
        Assert.Equal(window.Start, back.Start);
    }

    [Fact]
    public void A_typical_hour_travels_in_a_few_hundred_bytes()
    {
        byte[] payload = EdgeCodec.Encode(SampleMessages.Batch(4));

        // Four windows of five sensors and traffic: well under what a JSON rendering of one window takes.
        Assert.InRange(payload.Length, 100, 600);
        Assert.Equal(1, payload[2]); // compressed: it pays at this size
    }

    [Fact]
    public void A_window_with_a_metric_that_is_not_a_number_is_refused_when_encoding()
    {
        WireWindow window = SampleMessages.Window(SampleMessages.Midnight) with
        {
            Sensors = [new WireSensorWindow("bme280", 1, [new(MetricCatalogue.Temperature, 1, double.NaN, 1, 1, 1)], 0, null)],
        };

        Assert.Throws<ArgumentException>(() => EdgeCodec.Encode(SampleMessages.Batch(0) with { Windows = [window] }));
    }

    private static void AssertSameWindow(WireWindow expected, WireWindow actual)
    {
        Assert.Equal(expected.Start, actual.Start);
        Assert.Equal(expected.LengthSeconds, actual.LengthSeconds);
        Assert.Equal(expected.Time, actual.Time);
        Assert.Equal(expected.Partial, actual.Partial);
        Assert.Equal(expected.CalibrationVersion, actual.CalibrationVersion);
        Assert.Equal(expected.Sensors.Count, actual.Sensors.Count);
        for (int s = 0; s < expected.Sensors.Count; s++)
        {
            Assert.Equal(expected.Sensors[s].Sensor, actual.Sensors[s].Sensor);
            Assert.Equal(expected.Sensors[s].Coverage, actual.Sensors[s].Coverage, 3);
            Assert.Equal(expected.Sensors[s].Faults, actual.Sensors[s].Faults);
            Assert.Equal(expected.Sensors[s].LastFault, actual.Sensors[s].LastFault);
            Assert.Equal(expected.Sensors[s].Metrics, actual.Sensors[s].Metrics);
        }
        Assert.Equal(expected.Traffic!.Sensor, actual.Traffic!.Sensor);
        Assert.Equal(expected.Traffic.Approaching, actual.Traffic.Approaching);
        Assert.Equal(expected.Traffic.Receding, actual.Traffic.Receding);
        Assert.Equal(expected.Traffic.SpeedHistogram, actual.Traffic.SpeedHistogram);
        Assert.Equal(expected.Traffic.V85KilometresPerHour, actual.Traffic.V85KilometresPerHour);
    }
}

using EdgeNode.Daemon.Buffer;
using EdgeNode.Daemon.Windows;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Tests.Buffer;

public sealed class WindowCodecTests
{
    [Fact]
    public void Every_field_survives_encoding_and_decoding()
    {
        ClosedWindow window = SampleWindows.Full();

        WindowAssert.Same(window, WindowCodec.Decode(WindowCodec.Encode(window)));
    }

    [Fact]
    public void A_window_without_traffic_or_v85_comes_back_without()
    {
        ClosedWindow window = SampleWindows.Full() with { Traffic = null };
        ClosedWindow noV85 = SampleWindows.Full() with { Traffic = new TrafficWindow(0, 0, new int[TrafficWindow.BinCount], null) };

        Assert.Null(WindowCodec.Decode(WindowCodec.Encode(window)).Traffic);
        Assert.Null(WindowCodec.Decode(WindowCodec.Encode(noV85)).Traffic!.V85KilometresPerHour);
    }

    [Fact]
    public void A_start_with_an_offset_comes_back_as_the_same_instant_in_utc()
    {
        ClosedWindow window = SampleWindows.Full() with { Start = new DateTimeOffset(2025, 3, 3, 15, 45, 0, TimeSpan.FromHours(1)) };

        ClosedWindow decoded = WindowCodec.Decode(WindowCodec.Encode(window));

        Assert.Equal(window.Start, decoded.Start);
        Assert.Equal(TimeSpan.Zero, decoded.Start.Offset);
    }

    [Fact]
    public void A_typical_window_takes_a_few_hundred_bytes()
    {
        // Five sensors, eight metrics, traffic: what a fully fitted node closes every 15 minutes.
        ClosedWindow window = SampleWindows.Full() with
        {
            Sensors =
            [
                .. SampleWindows.Full().Sensors,
                new SensorWindow("pms5003", 1, [new MetricSummary(Metric.Pm1MicrogramsPerCubicMetre, 30, 1, 1, 1, 1), new MetricSummary(Metric.Pm10MicrogramsPerCubicMetre, 30, 1, 1, 1, 1)], 0, null),
                new SensorWindow("no2", 1, [new MetricSummary(Metric.No2MicrogramsPerCubicMetre, 90, 1, 1, 1, 1)], 0, null),
            ],
        };

        Assert.InRange(WindowCodec.Encode(window).Length, 300, 420);
    }

    [Fact]
    public void Every_enum_member_has_a_storage_code_that_decodes_back()
    {
        foreach (Metric metric in Enum.GetValues<Metric>())
        {
            Assert.Equal(metric, PersistedCodes.MetricFrom(PersistedCodes.Of(metric)));
        }

        foreach (SensorFaultKind fault in Enum.GetValues<SensorFaultKind>())
        {
            Assert.Equal(fault, PersistedCodes.FaultFrom(PersistedCodes.Of(fault)));
        }

        foreach (WindowTimeQuality time in Enum.GetValues<WindowTimeQuality>())
        {
            Assert.Equal(time, PersistedCodes.TimeQualityFrom(PersistedCodes.Of(time)));
        }
    }

    [Fact]
    public void Storage_codes_never_change_meaning()
    {
        // Windows already on SD cards in the field carry these bytes.
        Assert.Equal(6, PersistedCodes.Of(Metric.Pm25MicrogramsPerCubicMetre));
        Assert.Equal(0, PersistedCodes.Of((SensorFaultKind?)null));
        Assert.Equal(5, PersistedCodes.Of(SensorFaultKind.Stuck));
        Assert.Equal(3, PersistedCodes.Of(WindowTimeQuality.Unconfirmed));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(60)]
    public void Cut_short_bytes_are_reported_as_damaged_not_misread(int keep)
    {
        byte[] bytes = WindowCodec.Encode(SampleWindows.Full());

        Assert.Throws<InvalidDataException>(() => WindowCodec.Decode(bytes.AsSpan(0, keep)));
    }

    [Fact]
    public void Trailing_bytes_and_unknown_versions_are_reported_as_damaged()
    {
        byte[] bytes = WindowCodec.Encode(SampleWindows.Full());
        byte[] longer = [.. bytes, 0];
        byte[] newer = [2, .. bytes[1..]];

        Assert.Throws<InvalidDataException>(() => WindowCodec.Decode(longer));
        Assert.Contains("version 2", Assert.Throws<InvalidDataException>(() => WindowCodec.Decode(newer)).Message, StringComparison.Ordinal);
    }
}

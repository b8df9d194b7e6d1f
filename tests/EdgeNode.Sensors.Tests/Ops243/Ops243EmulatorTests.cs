using System.Globalization;
using System.Text;
using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Ops243;
using static EdgeNode.Sensors.Tests.Ops243.RadarRig;

namespace EdgeNode.Sensors.Tests.Ops243;

public class Ops243EmulatorTests
{
    [Theory]
    [InlineData("?P", "{\"Product\":\"OPS243 Doppler\"}\r\n")]
    [InlineData("?V", "{\"Version\":\"1.3.1\"}\r\n")]
    [InlineData("U?", "{\"Units\":\"m-per-sec\"}\r\n")]
    [InlineData("UK", "{\"Units\":\"km-per-hr\"}\r\n")]
    [InlineData("US", "{\"Units\":\"mph\"}\r\n")]
    public void Queries_are_answered_as_the_user_manual_shows(string command, string answer)
    {
        var emulator = new Ops243Emulator(ScriptedTraffic.EmptyRoad);
        Assert.Equal(answer, Ascii(emulator.Receive(Encoding.ASCII.GetBytes(command), Start)));
    }

    [Fact]
    public void The_module_information_reports_the_resolution_of_the_sampling_settings()
    {
        var emulator = new Ops243Emulator(ScriptedTraffic.EmptyRoad);
        // UM-003-A p.7: at the 10 ksps default the sensor says "resolution":0.0607 (m/s).
        Assert.Contains("\"resolution\":0.0607", Ascii(emulator.Receive("??"u8, Start)));
    }

    [Fact]
    public void Commands_split_across_writes_and_numeric_filters_waiting_for_their_return_are_applied()
    {
        var emulator = new Ops243Emulator(ScriptedTraffic.EmptyRoad);
        emulator.Receive("R"u8, Start);
        emulator.Receive(">1"u8, Start);
        emulator.Receive("2.5\rS"u8, Start);
        emulator.Receive("2R-"u8, Start);

        Assert.Equal(12.5, emulator.MinimumSpeedFilter);
        Assert.Equal(20_000, emulator.SampleRateHertz);
        Assert.Equal('-', emulator.DirectionFilter);
    }

    [Fact]
    public void A_vehicle_is_reported_at_its_radial_speed_in_the_current_unit_with_inbound_positive()
    {
        var emulator = new Ops243Emulator(new ScriptedTraffic([Approaching(20, 72), Receding(40, 36)]));
        emulator.Receive("UKF1S2"u8, Start);

        List<double> speeds = Stream(emulator, Start, Start.AddSeconds(60));

        Assert.All(speeds.Where(s => s > 0), s => Assert.InRange(s, 70.0, 72.5));
        Assert.All(speeds.Where(s => s < 0), s => Assert.InRange(s, -36.5, -35.0));
        Assert.Contains(speeds, s => s > 0);
        Assert.Contains(speeds, s => s < 0);
    }

    [Fact]
    public void At_the_factory_10ksps_a_speed_above_112_km_per_hour_folds_back_to_a_wrong_value()
    {
        var emulator = new Ops243Emulator(new ScriptedTraffic([Approaching(20, 150)])) { NoiseFraction = 0 };
        emulator.Receive("UK"u8, Start);

        List<double> speeds = Stream(emulator, Start, Start.AddSeconds(30));

        // 150 km/h (41.7 m/s) aliases to 41.7 - 2 × 31.07 = -20.5 m/s ≈ -74 km/h at the far end of the beam.
        Assert.NotEmpty(speeds);
        Assert.All(speeds, s => Assert.InRange(s, -80.0, -70.0));
    }

    [Fact]
    public void A_reboot_returns_every_setting_to_its_factory_value()
    {
        var emulator = new Ops243Emulator(ScriptedTraffic.EmptyRoad);
        emulator.Receive("UKS2F1R>10\rOJR+"u8, Start);
        emulator.Receive("P!"u8, Start);

        Assert.Equal("m-per-sec", emulator.Units);
        Assert.Equal(10_000, emulator.SampleRateHertz);
        Assert.Equal(2, emulator.DecimalPlaces);
        Assert.Equal(0, emulator.MinimumSpeedFilter);
        Assert.False(emulator.JsonMode);
        Assert.Equal('|', emulator.DirectionFilter);
    }

    private static List<double> Stream(Ops243Emulator emulator, DateTimeOffset from, DateTimeOffset to)
    {
        var speeds = new List<double>();
        DateTimeOffset now = from;
        while (now < to)
        {
            SerialEmission emission = emulator.Emit(now);
            foreach (string line in Ascii(emission.Bytes).Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
            {
                speeds.Add(double.Parse(line, CultureInfo.InvariantCulture));
            }

            now = emission.NextAt ?? to;
        }

        return speeds;
    }

    private static string Ascii(ReadOnlyMemory<byte> bytes) => Encoding.ASCII.GetString(bytes.Span);
}

using System.Globalization;
using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Ops243;
using FsCheck;
using FsCheck.Fluent;
using static EdgeNode.Sensors.Tests.Ops243.RadarRig;

namespace EdgeNode.Sensors.Tests.Ops243;

public class Ops243PropertyTests
{
    private static readonly double MaximumKilometresPerHour = 223.8;

    [Fact]
    public void Random_bytes_on_the_line_let_out_nothing_but_a_sensor_fault_and_never_an_absurd_speed()
    {
        Gen<byte[][]> chunks = ArbMap.Default.GeneratorFor<byte[]>().ArrayOf();
        Prop.ForAll(chunks.ToArbitrary(), payload =>
        {
            var replay = new ReplayPeripheral();
            for (int i = 0; i < payload.Length; i++)
            {
                replay.Then(TimeSpan.FromMilliseconds(1500 + (40 * i)), payload[i]);
            }

            return Listen(replay, TimeSpan.FromSeconds(20)).All(IsPlausible);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Fact]
    public void Random_report_lines_never_yield_a_negative_impossible_or_too_slow_speed()
    {
        // Mostly what the sensor prints (one decimal, either side of every limit), some of anything numeric.
        Gen<string> plausible = Gen.Choose(-3000, 3000).Select(n => (n / 10.0).ToString("F1", CultureInfo.InvariantCulture));
        Gen<string> wild = Gen.Choose(-100_000_000, 100_000_000).Zip(Gen.Choose(0, 4),
            (n, decimals) => (n / Math.Pow(10, decimals + 2)).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
        Gen<string> number = Gen.Frequency((4, plausible), (1, wild));
        Gen<(string Line, int Repeats)> run = number.Zip(Gen.Choose(1, 30));
        Prop.ForAll(run.ArrayOf().ToArbitrary(), runs =>
        {
            var replay = new ReplayPeripheral();
            TimeSpan at = TimeSpan.FromMilliseconds(1500);
            foreach ((string line, int repeats) in runs)
            {
                replay.Repeat(at, TimeSpan.FromMilliseconds(80), repeats, line);
                at += TimeSpan.FromMilliseconds((80 * repeats) + 1200);
            }

            return Listen(replay, at + TimeSpan.FromSeconds(3)).All(IsPlausible);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));
    }

    [Fact]
    public void Any_sequence_of_separated_vehicles_is_counted_exactly_with_direction_and_speed()
    {
        Gen<EmulatedVehicle[]> vehicles =
            from count in Gen.Choose(1, 8)
            from speeds in Gen.Choose(15, 150).ArrayOf(count)
            from approaching in ArbMap.Default.GeneratorFor<bool>().ArrayOf(count)
            select speeds.Select((speed, i) => approaching[i] ? Approaching(20 + (25 * i), speed) : Receding(20 + (25 * i), speed)).ToArray();
        Prop.ForAll(vehicles.ToArbitrary(), script =>
        {
            using var rig = new RadarRig(script);
            IReadOnlyList<VehiclePassage> passages = rig.Counter.ListenAsync(TimeSpan.FromSeconds(25 * (script.Length + 2))).GetAwaiter().GetResult();
            Assert.Equal(script.Select(v => v.Direction), passages.Select(p => p.Direction));
            for (int i = 0; i < script.Length; i++)
            {
                AssertSpeed(script[i].SpeedKilometresPerHour, passages[i].SpeedKilometresPerHour);
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(40));
    }

    private static bool IsPlausible(VehiclePassage passage) =>
        double.IsFinite(passage.SpeedKilometresPerHour)
        && passage.SpeedKilometresPerHour >= new Ops243Settings().MinimumSpeedKilometresPerHour
        && passage.SpeedKilometresPerHour <= MaximumKilometresPerHour;

    /// <summary>Runs a counter over the replay; a sensor fault is an acceptable outcome, any other exception fails the property.</summary>
    private static IReadOnlyList<VehiclePassage> Listen(ReplayPeripheral replay, TimeSpan duration)
    {
        var time = new VirtualTimeProvider(Start);
        using var port = new EmulatedSerialPort(replay, time, "/dev/ttyACM0");
        using var counter = new Ops243Counter(port, time);
        try
        {
            return counter.ListenAsync(duration).GetAwaiter().GetResult();
        }
        catch (SensorFaultException fault)
        {
            Assert.Contains(counter.Description, fault.Message);
            return [];
        }
    }
}

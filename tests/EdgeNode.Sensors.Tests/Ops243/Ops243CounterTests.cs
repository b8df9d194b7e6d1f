using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Ops243;
using static EdgeNode.Sensors.Tests.Ops243.RadarRig;

namespace EdgeNode.Sensors.Tests.Ops243;

public class Ops243CounterTests
{
    private static readonly EmulatedVehicle[] VillageMorning =
    [
        Approaching(20, 32), Receding(50, 47), Approaching(80, 51), Receding(110, 68), Approaching(140, 90), Receding(170, 125),
        Approaching(200, 15),
    ];

    [Fact]
    public async Task Start_identifies_the_sensor_and_sets_km_per_hour_20ksps_both_directions_and_the_minimum_speed()
    {
        using var rig = new RadarRig();
        await rig.Counter.StartAsync();

        Assert.Equal(new Ops243Identity("OPS243 Doppler", "1.3.1"), rig.Counter.Identity);
        Assert.Equal("km-per-hr", rig.Emulator.Units);
        Assert.Equal(20_000, rig.Emulator.SampleRateHertz);
        Assert.Equal(1, rig.Emulator.DecimalPlaces);
        Assert.False(rig.Emulator.JsonMode);
        Assert.Equal('|', rig.Emulator.DirectionFilter);
        Assert.Equal(10, rig.Emulator.MinimumSpeedFilter);
        Assert.Equal("OPS243-A radar at /dev/ttyACM0", rig.Counter.Description);
    }

    [Fact]
    public async Task Scripted_vehicles_are_counted_exactly_with_their_direction_and_speed()
    {
        using var rig = new RadarRig(VillageMorning);

        IReadOnlyList<VehiclePassage> passages = await rig.Counter.ListenAsync(TimeSpan.FromMinutes(4));

        Assert.Equal(VillageMorning.Select(v => v.Direction), passages.Select(p => p.Direction));
        for (int i = 0; i < VillageMorning.Length; i++)
        {
            AssertSpeed(VillageMorning[i].SpeedKilometresPerHour, passages[i].SpeedKilometresPerHour);
            // Counted as the vehicle leaves the beam: before the post when approaching, after it when receding.
            Assert.InRange(passages[i].At - VillageMorning[i].PassesSensorAt, TimeSpan.FromSeconds(-7), TimeSpan.FromSeconds(16));
        }
    }

    [Fact]
    public async Task A_vehicle_still_in_the_beam_when_listening_ends_is_returned_by_the_next_call()
    {
        using var rig = new RadarRig(Approaching(10, 50));

        IReadOnlyList<VehiclePassage> first = await rig.Counter.ListenAsync(TimeSpan.FromSeconds(7));
        IReadOnlyList<VehiclePassage> second = await rig.Counter.ListenAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(first);
        Assert.Equal(TravelDirection.Approaching, Assert.Single(second).Direction);
    }

    [Fact]
    public async Task The_passages_are_the_same_when_the_stream_arrives_one_byte_at_a_time()
    {
        using var whole = new RadarRig(VillageMorning);
        using var bytewise = new RadarRig(VillageMorning);
        bytewise.Port.MaxBytesPerRead = 1;

        IReadOnlyList<VehiclePassage> expected = await whole.Counter.ListenAsync(TimeSpan.FromMinutes(4));
        IReadOnlyList<VehiclePassage> actual = await bytewise.Counter.ListenAsync(TimeSpan.FromMinutes(4));

        Assert.Equal(VillageMorning.Length, actual.Count);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Noise_between_reports_and_garbage_without_line_ends_change_neither_count_nor_directions()
    {
        using var rig = new RadarRig(VillageMorning);
        var passages = new List<VehiclePassage>();
        byte[][] noise =
        [
            [0x00, 0xFF, 0x0D, 0x0A],
            "#~%\r\n"u8.ToArray(),
            [.. Enumerable.Repeat((byte)0xAA, 300)],
            "{\"Units\":\r\n"u8.ToArray(),
            [0x7F, 0x80],
        ];
        for (int slice = 0; slice < 48; slice++)
        {
            rig.Port.InjectNoise(noise[slice % noise.Length]);
            passages.AddRange(await rig.Counter.ListenAsync(TimeSpan.FromSeconds(5)));
        }

        Assert.Equal(VillageMorning.Select(v => v.Direction), passages.Select(p => p.Direction));
        for (int i = 0; i < VillageMorning.Length; i++)
        {
            AssertSpeed(VillageMorning[i].SpeedKilometresPerHour, passages[i].SpeedKilometresPerHour);
        }
    }

    [Fact]
    public async Task An_empty_road_for_half_an_hour_is_silence_not_a_fault()
    {
        using var rig = new RadarRig();

        IReadOnlyList<VehiclePassage> passages = await rig.Counter.ListenAsync(TimeSpan.FromMinutes(30));

        Assert.Empty(passages);
        Assert.True(rig.Time.GetUtcNow() >= Start + TimeSpan.FromMinutes(30));
    }

    [Fact]
    public async Task A_sensor_that_rebooted_to_factory_settings_is_set_back_and_keeps_counting_in_km_per_hour()
    {
        using var rig = new RadarRig(Approaching(20, 50), Receding(90, 60), Approaching(130, 40), Receding(170, 82));
        var passages = new List<VehiclePassage>(await rig.Counter.ListenAsync(TimeSpan.FromSeconds(60)));

        rig.Emulator.Reboot();
        Assert.Equal("m-per-sec", rig.Emulator.Units);
        passages.AddRange(await rig.Counter.ListenAsync(TimeSpan.FromSeconds(150)));

        Assert.Equal(1, rig.Counter.Reconfigurations);
        Assert.Equal("km-per-hr", rig.Emulator.Units);
        Assert.Equal(20_000, rig.Emulator.SampleRateHertz);
        Assert.Equal(
            [TravelDirection.Approaching, TravelDirection.Receding, TravelDirection.Approaching, TravelDirection.Receding],
            passages.Select(p => p.Direction));
        Assert.Equal([50.0, 60, 40, 82], passages.Select(p => Math.Round(p.SpeedKilometresPerHour / 2) * 2));
    }

    [Fact]
    public async Task An_hour_of_village_traffic_is_counted_to_within_a_few_percent()
    {
        var traffic = new PoissonTraffic(Start, approachingPerHour: 60, recedingPerHour: 45, seed: 2026);
        using var rig = new RadarRig(traffic);

        IReadOnlyList<VehiclePassage> passages = await rig.Counter.ListenAsync(TimeSpan.FromHours(1));

        // Vehicles passing in the first and last 20 s may be half outside the hour.
        IReadOnlyList<EmulatedVehicle> truth = traffic.Between(Start + TimeSpan.FromSeconds(20), Start + TimeSpan.FromMinutes(59.6));
        foreach (TravelDirection direction in Enum.GetValues<TravelDirection>())
        {
            int expected = truth.Count(v => v.Direction == direction);
            int counted = passages.Count(p => p.Direction == direction);
            Assert.InRange(counted, expected * 0.9, expected * 1.1 + 2);
        }

        Assert.InRange(passages.Average(p => p.SpeedKilometresPerHour), truth.Average(v => v.SpeedKilometresPerHour) * 0.97,
            truth.Average(v => v.SpeedKilometresPerHour) * 1.02);
    }
}

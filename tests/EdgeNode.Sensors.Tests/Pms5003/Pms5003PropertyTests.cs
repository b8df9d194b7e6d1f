using EdgeNode.Sensors.Pms5003;
using EdgeNode.Sensors.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace EdgeNode.Sensors.Tests.Pms5003;

/// <summary>Whatever arrives on the line, the driver returns an in-range reading or a <see cref="SensorFaultException"/>.</summary>
public class Pms5003PropertyTests
{
    private static readonly Gen<ushort[]> RandomWords = ArbMap.Default.GeneratorFor<ushort>().ArrayOf(13);

    /// <summary>Words that are mostly plausible (0–1200), so that both valid readings and out-of-range ones occur.</summary>
    private static readonly Gen<ushort[]> PlausibleWords = Gen.Choose(0, 1200).Select(v => (ushort)v).ArrayOf(13);

    /// <summary>Line content that is mostly noise with some real, damaged and cut PMS5003 frames in it.</summary>
    private static readonly Gen<byte[]> LineContent =
        Gen.OneOf(
                ArbMap.Default.GeneratorFor<byte[]>(),
                PlausibleWords.Select(w => Pms5003FrameCodec.EncodeFrame(w)),
                RandomWords.Select(w => Pms5003FrameCodec.EncodeFrame(w)).Zip(Gen.Choose(0, 31)).Select(t => t.Item1[..t.Item2]),
                RandomWords.Select(w => Pms5003FrameCodec.EncodeFrame(w)).Zip(Gen.Choose(0, 31)).Select(t => Flip(t.Item1, t.Item2)),
                Gen.Constant(new byte[] { Pms5003Protocol.Start1, Pms5003Protocol.Start2, 0x00, 0x1C }))
            .ListOf()
            .Select(parts => parts.SelectMany(p => p).ToArray());

    [Fact]
    public void Random_bytes_in_answer_to_a_read_give_an_in_range_reading_or_a_sensor_fault()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes => ReadsSafely(bytes)).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Random_mixtures_of_noise_and_whole_cut_or_damaged_frames_give_an_in_range_reading_or_a_sensor_fault()
    {
        Prop.ForAll(LineContent.ToArbitrary(), bytes => ReadsSafely(bytes)).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Any_intact_frame_reads_as_its_words_or_is_out_of_range()
    {
        Prop.ForAll(Gen.OneOf(RandomWords, PlausibleWords).ToArbitrary(), words =>
        {
            (Pms5003Reading? reading, SensorFaultException? fault) = Read(Pms5003FrameCodec.EncodeFrame(words));
            bool inRange = words.Take(6).All(w => w <= 1000);
            return inRange
                ? reading is not null
                    && reading.Pm1StandardMicrogramsPerCubicMetre == words[0] && reading.Pm25StandardMicrogramsPerCubicMetre == words[1]
                    && reading.Pm10StandardMicrogramsPerCubicMetre == words[2] && reading.Pm1MicrogramsPerCubicMetre == words[3]
                    && reading.Pm25MicrogramsPerCubicMetre == words[4] && reading.Pm10MicrogramsPerCubicMetre == words[5]
                    && reading.Particles == new Pms5003ParticleCountsPerDecilitre(words[6], words[7], words[8], words[9], words[10], words[11])
                : fault?.Kind == SensorFaultKind.OutOfRange;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Random_noise_before_an_intact_answer_never_changes_the_value_read()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), noise =>
        {
            (Pms5003Reading? reading, _) = Read([.. noise, .. Pms5003FrameCodecTests.HandMadeFrame]);
            return reading is { Pm1MicrogramsPerCubicMetre: 5, Pm25MicrogramsPerCubicMetre: 8, Pm10MicrogramsPerCubicMetre: 9 };
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_stream_of_frames_cut_into_random_pieces_yields_the_same_frames()
    {
        Prop.ForAll(RandomWords.ListOf().Zip(Gen.Choose(1, 70)).ToArbitrary(), t =>
        {
            (List<ushort[]>? frames, int piece) = t;
            byte[] stream = frames.SelectMany(w => Pms5003FrameCodec.EncodeFrame(w)).ToArray();
            var scanner = new Pms5003FrameScanner();
            var found = new List<ushort[]>();
            for (int i = 0; i < stream.Length; i += piece)
            {
                scanner.Append(stream.AsSpan(i, Math.Min(piece, stream.Length - i)));
                while (scanner.TryTake(out Pms5003Frame? frame))
                {
                    found.Add([.. frame!.Words]);
                }
            }

            return found.Count == frames.Count && found.Zip(frames).All(p => p.First.SequenceEqual(p.Second));
        }).QuickCheckThrowOnFailure();
    }

    private static byte[] Flip(byte[] frame, int index)
    {
        frame[index] ^= 0x20;
        return frame;
    }

    private static bool ReadsSafely(byte[] answer)
    {
        (Pms5003Reading? reading, _) = Read(answer);
        return reading is null
            || new[]
            {
                reading.Pm1MicrogramsPerCubicMetre, reading.Pm25MicrogramsPerCubicMetre, reading.Pm10MicrogramsPerCubicMetre,
                reading.Pm1StandardMicrogramsPerCubicMetre, reading.Pm25StandardMicrogramsPerCubicMetre, reading.Pm10StandardMicrogramsPerCubicMetre,
            }.All(Pms5003Sensor.Range.Contains);
    }

    /// <summary>Wakes a sensor against the real emulator, then answers the read with <paramref name="answer"/>.</summary>
    private static (Pms5003Reading? Reading, SensorFaultException? Fault) Read(byte[] answer) => Task.Run(async () =>
    {
        ReplacingPeripheral? line = null;
        var rig = new Pms5003Rig(line: inner => line = new ReplacingPeripheral(inner));
        await rig.WakeAndWarmUpAsync();
        line!.Replacement = () => answer;
        try
        {
            return ((Pms5003Reading?)await rig.Sensor.ReadParticulatesAsync(), (SensorFaultException?)null);
        }
        catch (SensorFaultException fault)
        {
            Assert.Contains(rig.Sensor.Description, fault.Message);
            return (null, fault);
        }
    }).GetAwaiter().GetResult();
}

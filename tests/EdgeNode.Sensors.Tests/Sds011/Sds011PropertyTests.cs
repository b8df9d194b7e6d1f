using EdgeNode.Sensors.Sds011;
using EdgeNode.Sensors.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace EdgeNode.Sensors.Tests.Sds011;

/// <summary>Whatever arrives on the line, the driver returns an in-range reading or a <see cref="SensorFaultException"/>.</summary>
public class Sds011PropertyTests
{
    /// <summary>Line content that is mostly noise with some real, damaged and cut SDS011 frames in it.</summary>
    private static readonly Gen<byte[]> LineContent =
        Gen.OneOf(
                ArbMap.Default.GeneratorFor<byte[]>(),
                RandomFrame().Select(f => Sds011FrameCodec.Encode(f)),
                RandomFrame().Select(f => Sds011FrameCodec.Encode(f)).Zip(Gen.Choose(0, 9)).Select(t => t.Item1[..t.Item2]),
                RandomFrame().Select(f => Sds011FrameCodec.Encode(f)).Zip(Gen.Choose(0, 9)).Select(t => Flip(t.Item1, t.Item2)),
                Gen.Constant(new byte[] { Sds011Protocol.Head, Sds011Protocol.MeasurementId }))
            .ListOf()
            .Select(parts => parts.SelectMany(p => p).ToArray());

    [Fact]
    public void Random_bytes_in_answer_to_a_query_give_an_in_range_reading_or_a_sensor_fault()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes => ReadsSafely(bytes)).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Random_mixtures_of_noise_and_whole_cut_or_damaged_frames_give_an_in_range_reading_or_a_sensor_fault()
    {
        Prop.ForAll(LineContent.ToArbitrary(), bytes => ReadsSafely(bytes)).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Any_intact_measurement_frame_reads_as_its_value_or_is_out_of_range()
    {
        Prop.ForAll(Gen.Choose(0, 0xFFFF).Zip(Gen.Choose(0, 0xFFFF)).ToArbitrary(), raw =>
        {
            byte[] frame = Sds011FrameCodec.Encode(Sds011Frame.Measurement(raw.Item1, raw.Item2, 0x0001));
            (Sds011Reading? reading, SensorFaultException? fault) = Read(frame);
            bool inRange = raw.Item1 <= 9999 && raw.Item2 <= 9999;
            return inRange
                ? reading is not null && reading.Pm25MicrogramsPerCubicMetre == raw.Item1 / 10.0 && reading.Pm10MicrogramsPerCubicMetre == raw.Item2 / 10.0
                : fault?.Kind == SensorFaultKind.OutOfRange;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Random_noise_before_an_intact_answer_never_changes_the_value_read()
    {
        byte[] answer = Sds011FrameCodec.Encode(Sds011Frame.Measurement(1236, 2618, 0xA160));
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), noise =>
        {
            (Sds011Reading? reading, _) = Read([.. noise, .. answer]);
            return reading is { Pm25MicrogramsPerCubicMetre: 123.6, Pm10MicrogramsPerCubicMetre: 261.8 };
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_stream_of_frames_cut_into_random_pieces_yields_the_same_frames()
    {
        Prop.ForAll(RandomFrame().ListOf().Zip(Gen.Choose(1, 23)).ToArbitrary(), t =>
        {
            (List<Sds011Frame>? frames, int piece) = t;
            byte[] stream = frames.SelectMany(f => Sds011FrameCodec.Encode(f)).ToArray();
            var scanner = new Sds011FrameScanner();
            var found = new List<Sds011Frame>();
            for (int i = 0; i < stream.Length; i += piece)
            {
                scanner.Append(stream.AsSpan(i, Math.Min(piece, stream.Length - i)));
                while (scanner.TryTake(out Sds011Frame frame))
                {
                    found.Add(frame);
                }
            }

            return found.SequenceEqual(frames);
        }).QuickCheckThrowOnFailure();
    }

    private static Gen<Sds011Frame> RandomFrame() =>
        Gen.Elements(Sds011Protocol.MeasurementId, Sds011Protocol.ReplyId)
            .Zip(ArbMap.Default.GeneratorFor<byte>().ArrayOf(6))
            .Select(t => new Sds011Frame(t.Item1, t.Item2[0], t.Item2[1], t.Item2[2], t.Item2[3], t.Item2[4], t.Item2[5]));

    private static byte[] Flip(byte[] frame, int index)
    {
        frame[index] ^= 0x04;
        return frame;
    }

    private static bool ReadsSafely(byte[] answer)
    {
        (Sds011Reading? reading, _) = Read(answer);
        return reading is null
            || (Sds011Sensor.Range.Contains(reading.Pm25MicrogramsPerCubicMetre) && Sds011Sensor.Range.Contains(reading.Pm10MicrogramsPerCubicMetre));
    }

    /// <summary>Wakes a sensor against the real emulator, then answers the query with <paramref name="answer"/>.</summary>
    private static (Sds011Reading? Reading, SensorFaultException? Fault) Read(byte[] answer) => Task.Run(async () =>
    {
        ReplacingPeripheral? line = null;
        var rig = new Sds011Rig(line: inner => line = new ReplacingPeripheral(inner));
        await rig.WakeAndWarmUpAsync();
        line!.Replacement = () => answer;
        try
        {
            return ((Sds011Reading?)await rig.Sensor.ReadParticulatesAsync(), (SensorFaultException?)null);
        }
        catch (SensorFaultException fault)
        {
            Assert.Contains(rig.Sensor.Description, fault.Message);
            return (null, fault);
        }
    }).GetAwaiter().GetResult();
}

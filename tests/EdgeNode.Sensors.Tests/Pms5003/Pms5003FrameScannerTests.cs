using EdgeNode.Sensors.Pms5003;

namespace EdgeNode.Sensors.Tests.Pms5003;

public class Pms5003FrameScannerTests
{
    private static readonly byte[] Frame = Pms5003FrameCodecTests.HandMadeFrame;

    private static List<Pms5003Frame> Drain(Pms5003FrameScanner scanner)
    {
        var frames = new List<Pms5003Frame>();
        while (scanner.TryTake(out Pms5003Frame? frame))
        {
            frames.Add(frame!);
        }

        return frames;
    }

    [Fact]
    public void A_frame_cut_at_every_byte_position_is_found_once_its_rest_arrives()
    {
        for (int cut = 1; cut < Frame.Length; cut++)
        {
            var scanner = new Pms5003FrameScanner();
            scanner.Append(Frame.AsSpan(0, cut));
            Assert.Empty(Drain(scanner));
            scanner.Append(Frame.AsSpan(cut));
            Pms5003Frame frame = Assert.Single(Drain(scanner));
            Assert.True(frame.IsMeasurement);
            Assert.Equal([5, 8, 9, 5, 8, 9, 1011, 286, 45, 4, 2, 0, 0x9700], frame.Words);
        }
    }

    [Fact]
    public void Frames_delivered_one_byte_at_a_time_are_all_found()
    {
        var scanner = new Pms5003FrameScanner();
        int found = 0;
        foreach (byte b in (byte[])[.. Frame, .. Pms5003FrameCodec.EncodeAcknowledgement(Pms5003Command.ChangeMode, 0), .. Frame])
        {
            scanner.Append([b]);
            found += Drain(scanner).Count;
        }

        Assert.Equal(3, found);
    }

    [Fact]
    public void Garbage_false_starts_and_impossible_lengths_between_frames_are_skipped()
    {
        byte[] stream = [0x00, 0x42, 0x42, 0x4D, 0xFF, 0xFF, 0x4D, .. Frame, 0x42, 0x4D, 0x00, 0x1C, 0x01, .. Frame, 0x13];
        var scanner = new Pms5003FrameScanner();
        scanner.Append(stream);

        List<Pms5003Frame> frames = Drain(scanner);

        Assert.Equal(2, frames.Count);
        Assert.All(frames, f => Assert.Equal(8, f[Pms5003DataWord.Pm25Atmospheric]));
        Assert.True(scanner.RejectedFrames >= 2);
    }

    [Fact]
    public void A_frame_with_a_wrong_check_word_is_rejected_and_counted()
    {
        byte[] damaged = (byte[])Frame.Clone();
        damaged[10] ^= 0x01;
        var scanner = new Pms5003FrameScanner();
        scanner.Append(damaged);

        Assert.Empty(Drain(scanner));
        Assert.Equal(1, scanner.RejectedFrames);
    }

    [Fact]
    public void A_real_frame_starting_inside_a_rejected_candidate_is_still_found()
    {
        // "BM" and a plausible length right before a real frame: the candidate swallows the real frame's start.
        var scanner = new Pms5003FrameScanner();
        scanner.Append([0x42, 0x4D, 0x00, 0x1C, .. Frame]);

        Assert.Single(Drain(scanner));
        Assert.Equal(1, scanner.RejectedFrames);
    }

    [Fact]
    public void A_start_without_the_rest_of_its_frame_is_held_as_partial()
    {
        var scanner = new Pms5003FrameScanner();
        scanner.Append(Frame.AsSpan(0, 12));
        Assert.Empty(Drain(scanner));
        Assert.True(scanner.HoldsPartialFrame);
        scanner.Reset();
        Assert.False(scanner.HoldsPartialFrame);
    }
}

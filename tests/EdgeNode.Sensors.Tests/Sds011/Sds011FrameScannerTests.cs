using EdgeNode.Sensors.Sds011;

namespace EdgeNode.Sensors.Tests.Sds011;

public class Sds011FrameScannerTests
{
    private static readonly byte[] Example = Convert.FromHexString("AAC0D4043A0AA1601DAB");
    private static readonly Sds011Frame ExampleFrame = Sds011Frame.Measurement(1236, 2618, 0xA160);

    [Fact]
    public void A_frame_cut_at_every_byte_position_is_found_once_its_rest_arrives()
    {
        for (int cut = 1; cut < Example.Length; cut++)
        {
            var scanner = new Sds011FrameScanner();
            scanner.Append(Example.AsSpan(0, cut));
            Assert.False(scanner.TryTake(out _), $"cut at {cut}: no frame yet");
            scanner.Append(Example.AsSpan(cut));
            Assert.True(scanner.TryTake(out Sds011Frame frame), $"cut at {cut}: frame once complete");
            Assert.Equal(ExampleFrame, frame);
            Assert.False(scanner.TryTake(out _));
        }
    }

    [Fact]
    public void Frames_delivered_one_byte_at_a_time_are_all_found()
    {
        var scanner = new Sds011FrameScanner();
        var found = new List<Sds011Frame>();
        foreach (byte b in (byte[])[.. Example, .. Example, .. Example])
        {
            scanner.Append([b]);
            while (scanner.TryTake(out Sds011Frame frame))
            {
                found.Add(frame);
            }
        }

        Assert.Equal([ExampleFrame, ExampleFrame, ExampleFrame], found);
    }

    [Fact]
    public void Garbage_and_false_heads_between_frames_are_skipped()
    {
        byte[] second = Sds011FrameCodec.Encode(Sds011Frame.Measurement(55, 99, 0x0102));
        byte[] stream = [0x00, 0xAB, 0xAA, 0x13, .. Example, 0xAA, 0xC0, 0x01, 0x02, 0xAA, 0xAA, .. second, 0xFF];
        var scanner = new Sds011FrameScanner();
        scanner.Append(stream);

        Assert.True(scanner.TryTake(out Sds011Frame first));
        Assert.Equal(ExampleFrame, first);
        Assert.True(scanner.TryTake(out Sds011Frame next));
        Assert.Equal(Sds011Frame.Measurement(55, 99, 0x0102), next);
        Assert.False(scanner.TryTake(out _));
        Assert.Equal(stream.Length, scanner.BytesReceived);
    }

    [Fact]
    public void A_frame_with_a_bad_checksum_is_rejected_and_counted()
    {
        byte[] damaged = (byte[])Example.Clone();
        damaged[3] ^= 0x10;
        var scanner = new Sds011FrameScanner();
        scanner.Append(damaged);

        Assert.False(scanner.TryTake(out _));
        Assert.Equal(1, scanner.RejectedFrames);
    }

    [Fact]
    public void A_real_frame_starting_inside_a_rejected_candidate_is_still_found()
    {
        // A false head right before a real frame makes a candidate that swallows the real frame's first bytes.
        var scanner = new Sds011FrameScanner();
        scanner.Append([0xAA, 0xC0, .. Example]);

        Assert.True(scanner.TryTake(out Sds011Frame frame));
        Assert.Equal(ExampleFrame, frame);
        Assert.Equal(1, scanner.RejectedFrames);
    }

    [Fact]
    public void A_head_without_the_rest_of_its_frame_is_held_as_partial()
    {
        var scanner = new Sds011FrameScanner();
        scanner.Append(Example.AsSpan(0, 4));
        Assert.False(scanner.TryTake(out _));
        Assert.True(scanner.HoldsPartialFrame);
        scanner.Reset();
        Assert.False(scanner.HoldsPartialFrame);
        Assert.Equal(0, scanner.BytesReceived);
    }
}

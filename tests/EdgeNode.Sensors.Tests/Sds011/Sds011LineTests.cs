using EdgeNode.Sensors.Sds011;
using EdgeNode.Sensors.Tests.Support;

namespace EdgeNode.Sensors.Tests.Sds011;

/// <summary>How the driver copes with what a real serial line does to frames: cut them, delay them, add noise.</summary>
public class Sds011LineTests
{
    [Fact]
    public async Task An_answer_cut_at_every_byte_position_and_resumed_later_reads_exactly()
    {
        for (int cut = 1; cut < Sds011Protocol.FrameLength; cut++)
        {
            int at = cut;
            var rig = new Sds011Rig(pm25: 123.6, pm10: 261.8, noise: false, line: inner => new SplitAnswerPeripheral(inner, at, TimeSpan.FromMilliseconds(300)));
            await rig.WakeAndWarmUpAsync();

            Sds011Reading reading = await rig.Sensor.ReadParticulatesAsync();

            Assert.Equal((123.6, 261.8), (reading.Pm25MicrogramsPerCubicMetre, reading.Pm10MicrogramsPerCubicMetre));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(9)]
    [InlineData(11)]
    public async Task Answers_delivered_a_few_bytes_per_read_read_exactly(int bytesPerRead)
    {
        var rig = new Sds011Rig(pm25: 55.5, pm10: 70.2, noise: false);
        rig.Port.MaxBytesPerRead = bytesPerRead;
        await rig.WakeAndWarmUpAsync();

        Sds011Reading reading = await rig.Sensor.ReadParticulatesAsync();

        Assert.Equal((55.5, 70.2), (reading.Pm25MicrogramsPerCubicMetre, reading.Pm10MicrogramsPerCubicMetre));
    }

    [Fact]
    public async Task Garbage_and_false_frame_heads_before_every_answer_are_skipped()
    {
        // Noise, a cut measurement, a head with a foreign id, a frame with a wrong checksum: all before the real answer.
        byte[] damaged = Sds011FrameCodec.Encode(Sds011Frame.Measurement(1, 2, 3));
        damaged[8] ^= 0xFF;
        byte[] garbage = [0x00, 0xFF, 0xAB, 0xAA, 0xC0, 0x11, 0xAA, 0x42, 0x4D, .. damaged, 0xAA];
        var rig = new Sds011Rig(pm25: 12.3, pm10: 23.4, noise: false, line: inner => new GarbledPeripheral(inner, () => garbage));
        await rig.WakeAndWarmUpAsync();

        for (int i = 0; i < 3; i++)
        {
            Sds011Reading reading = await rig.Sensor.ReadParticulatesAsync();
            Assert.Equal((12.3, 23.4), (reading.Pm25MicrogramsPerCubicMetre, reading.Pm10MicrogramsPerCubicMetre));
        }
    }

    [Fact]
    public async Task Noise_left_on_the_line_before_a_read_does_not_disturb_it()
    {
        var rig = new Sds011Rig(pm25: 9.9, pm10: 19.9, noise: false);
        await rig.WakeAndWarmUpAsync();
        rig.Port.InjectNoise([0xAA, 0xC0, 0x01, 0x02, 0x03]);

        Sds011Reading reading = await rig.Sensor.ReadParticulatesAsync();

        Assert.Equal(9.9, reading.Pm25MicrogramsPerCubicMetre);
    }
}

using EdgeNode.Sensors.Pms5003;
using EdgeNode.Sensors.Tests.Support;

namespace EdgeNode.Sensors.Tests.Pms5003;

/// <summary>How the driver copes with what a real serial line does to frames: cut them, delay them, add noise.</summary>
public class Pms5003LineTests
{
    [Fact]
    public async Task An_answer_cut_at_every_byte_position_and_resumed_later_reads_exactly()
    {
        for (int cut = 1; cut < Pms5003Protocol.MeasurementFrameLength; cut++)
        {
            int at = cut;
            var rig = new Pms5003Rig(pm1: 5, pm25: 8, pm10: 9, noise: false, line: inner => new SplitAnswerPeripheral(inner, at, TimeSpan.FromMilliseconds(300)));
            await rig.WakeAndWarmUpAsync();

            Pms5003Reading reading = await rig.Sensor.ReadParticulatesAsync();

            Assert.Equal((5, 8, 9), (reading.Pm1MicrogramsPerCubicMetre, reading.Pm25MicrogramsPerCubicMetre, reading.Pm10MicrogramsPerCubicMetre));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(31)]
    [InlineData(33)]
    public async Task Answers_delivered_a_few_bytes_per_read_read_exactly(int bytesPerRead)
    {
        var rig = new Pms5003Rig(pm1: 11, pm25: 17, pm10: 25, noise: false);
        rig.Port.MaxBytesPerRead = bytesPerRead;
        await rig.WakeAndWarmUpAsync();

        Assert.Equal(17, (await rig.Sensor.ReadParticulatesAsync()).Pm25MicrogramsPerCubicMetre);
    }

    [Fact]
    public async Task Garbage_and_false_frame_starts_before_every_answer_are_skipped()
    {
        // Noise, a false start with a plausible length, a frame with a wrong check word, an SDS011 head: all before the real answer.
        byte[] damaged = Pms5003FrameCodec.EncodeFrame([1, 2, 3, 1, 2, 3, 100, 50, 10, 1, 0, 0, 0]);
        damaged[20] ^= 0x80;
        byte[] garbage = [0x00, 0x42, 0x4D, 0x00, 0x1C, 0x05, 0xAA, 0xC0, .. damaged, 0x42];
        var rig = new Pms5003Rig(pm1: 4, pm25: 7, pm10: 12, noise: false, line: inner => new GarbledPeripheral(inner, () => garbage));
        await rig.WakeAndWarmUpAsync();

        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(7, (await rig.Sensor.ReadParticulatesAsync()).Pm25MicrogramsPerCubicMetre);
        }
    }

    [Fact]
    public async Task Noise_left_on_the_line_before_a_read_does_not_disturb_it()
    {
        var rig = new Pms5003Rig(pm1: 4, pm25: 7, pm10: 12, noise: false);
        await rig.WakeAndWarmUpAsync();
        rig.Port.InjectNoise([0x42, 0x4D, 0x00, 0x1C, 0x00, 0x07]);

        Assert.Equal(7, (await rig.Sensor.ReadParticulatesAsync()).Pm25MicrogramsPerCubicMetre);
    }
}

using System.Device.I2c;
using EdgeNode.Hardware;
using EdgeNode.Sensors.Emulation;
using EdgeNode.Sensors.Scd4x;

namespace EdgeNode.Sensors.Tests.Scd4x;

/// <summary>The emulator behaves like the sensor on the wire, whatever driver talks to it.</summary>
public class Scd4xEmulatorTests
{
    private readonly Scd4xBench _bench = new();
    private readonly I2cDevice _device;

    public Scd4xEmulatorTests() => _device = _bench.Bus.CreateDevice(Scd4xBench.Address);

    [Fact]
    public void The_serial_number_answer_is_the_datasheet_example_after_the_1_ms_execution_time()
    {
        _device.Write([0x36, 0x82]);
        _bench.Time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(new byte[] { 0xF8, 0x96, 0x31, 0x9F, 0x07, 0xC2, 0x3B, 0xBE, 0x89 }, Read(9));
    }

    [Fact]
    public void A_read_during_the_execution_time_is_not_acknowledged()
    {
        _device.Write([0x36, 0x82]);

        AssertNack(() => Read(9));
    }

    [Fact]
    public void A_command_during_the_previous_ones_execution_is_not_acknowledged()
    {
        _device.Write([0x3F, 0x86]);
        _bench.Time.Advance(TimeSpan.FromMilliseconds(499));

        AssertNack(() => _device.Write([0x36, 0x82]));
        _bench.Time.Advance(TimeSpan.FromMilliseconds(1));
        _device.Write([0x36, 0x82]);
    }

    [Fact]
    public void An_answer_can_be_read_only_once()
    {
        _device.Write([0x36, 0x82]);
        _bench.Time.Advance(TimeSpan.FromMilliseconds(1));
        Read(9);

        AssertNack(() => Read(9));
    }

    [Fact]
    public void Commands_refused_during_periodic_measurement_are_not_acknowledged()
    {
        _device.Write([0x21, 0xB1]);

        AssertNack(() => _device.Write([0x36, 0x82])); // get_serial_number
        AssertNack(() => _device.Write([0x21, 0xB1])); // start_periodic_measurement again
        AssertNack(() => _device.Write([0x21, 0x9D])); // measure_single_shot
        _device.Write([0xE4, 0xB8]);                    // get_data_ready_status is allowed
    }

    [Fact]
    public void The_first_periodic_result_is_ready_5_s_after_the_start_and_read_measurement_empties_the_buffer()
    {
        _device.Write([0x21, 0xB1]);
        _bench.Time.Advance(TimeSpan.FromMilliseconds(4990));
        Assert.Equal(0, DataReadyWord() & 0x07FF);

        _bench.Time.Advance(TimeSpan.FromMilliseconds(10));
        Assert.NotEqual(0, DataReadyWord() & 0x07FF);

        _device.Write([0xEC, 0x05]);
        _bench.Time.Advance(TimeSpan.FromMilliseconds(1));
        byte[] answer = Read(9);
        Assert.Equal(420, (answer[0] << 8) | answer[1]);
        Assert.Equal(0, DataReadyWord() & 0x07FF);

        _device.Write([0xEC, 0x05]);
        _bench.Time.Advance(TimeSpan.FromMilliseconds(1));
        AssertNack(() => Read(9)); // §3.5.2: nothing buffered, the read header is NACKed
    }

    [Fact]
    public void Single_shot_takes_5_s_and_is_refused_by_an_SCD40()
    {
        _device.Write([0x21, 0x9D]);
        _bench.Time.Advance(TimeSpan.FromMilliseconds(4999));
        AssertNack(() => _device.Write([0xE4, 0xB8]));
        _bench.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.NotEqual(0, DataReadyWord() & 0x07FF);

        var scd40 = new Scd4xBench(Scd4xVariant.Scd40);
        AssertNack(() => scd40.Bus.CreateDevice(Scd4xBench.Address).Write([0x21, 0x9D]));
    }

    [Fact]
    public void Single_shot_humidity_and_temperature_only_reports_zero_ppm()
    {
        _device.Write([0x21, 0x96]);
        _bench.Time.Advance(TimeSpan.FromMilliseconds(50));
        _device.Write([0xEC, 0x05]);
        _bench.Time.Advance(TimeSpan.FromMilliseconds(1));

        byte[] answer = Read(9);
        Assert.Equal(new byte[] { 0x00, 0x00, 0x81 }, answer[..3]);
    }

    [Fact]
    public void Unknown_commands_are_not_acknowledged()
    {
        AssertNack(() => _device.Write([0x12, 0x34]));
    }

    [Fact]
    public void A_wrong_device_acknowledges_everything_and_answers_zeros_without_valid_CRCs()
    {
        _bench.Emulator.Fault = EmulatedFault.WrongDevice;
        _device.Write([0x36, 0x82]);

        byte[] answer = Read(9);
        Assert.All(answer, b => Assert.Equal(0, b));
        Assert.Equal(0, Scd4xWords.Decode(answer, new ushort[3]));
    }

    [Fact]
    public void Corrupt_data_breaks_the_CRC_of_every_word()
    {
        _bench.Emulator.Fault = EmulatedFault.CorruptData;
        _device.Write([0x36, 0x82]);
        _bench.Time.Advance(TimeSpan.FromMilliseconds(1));

        byte[] answer = Read(9);
        for (int word = 0; word < 3; word++)
        {
            Assert.NotEqual(Scd4xCrc.Compute(answer[word * 3], answer[word * 3 + 1]), answer[word * 3 + 2]);
        }
    }

    [Fact]
    public void A_power_cycle_leaves_it_idle_and_deaf_for_its_power_up_time()
    {
        _device.Write([0x21, 0xB1]);
        _bench.Emulator.PowerCycle();

        Assert.False(_bench.Emulator.IsMeasuringPeriodically);
        AssertNack(() => _device.Write([0x36, 0x82]));
        _bench.Time.Advance(TimeSpan.FromSeconds(1));
        _device.Write([0x36, 0x82]);
    }

    private int DataReadyWord()
    {
        _device.Write([0xE4, 0xB8]);
        _bench.Time.Advance(TimeSpan.FromMilliseconds(1));
        byte[] answer = Read(3);
        Assert.Equal(Scd4xCrc.Compute(answer[0], answer[1]), answer[2]);
        return (answer[0] << 8) | answer[1];
    }

    private byte[] Read(int count)
    {
        byte[] buffer = new byte[count];
        _device.Read(buffer);
        return buffer;
    }

    private static void AssertNack(Action transfer)
    {
        DeviceAccessException e = Assert.Throws<DeviceAccessException>(transfer);
        Assert.Equal(DeviceAccessError.NotAnswering, e.Error);
    }
}

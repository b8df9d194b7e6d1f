using System.Device.I2c;
using EdgeNode.Hardware;
using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Bme280;
using EdgeNode.Sensors.Emulation;

namespace EdgeNode.Sensors.Tests.Bme280;

/// <summary>The emulator behaves like the chip on the wire, whatever driver talks to it.</summary>
public class Bme280EmulatorTests
{
    private readonly Bme280Bench _bench = new();
    private readonly I2cDevice _device;

    public Bme280EmulatorTests()
    {
        _device = _bench.Bus.CreateDevice(Bme280Bench.Address);
        _bench.Time.Advance(TimeSpan.FromMilliseconds(5));
    }

    [Fact]
    public void A_burst_read_auto_increments_through_the_trimming_registers()
    {
        byte[] trimming = new byte[26];
        _device.WriteRead([0x88], trimming);
        Assert.Equal(Bme280Emulator.DefaultTrimming.TemperaturePressureBytes(), trimming);

        byte[] next = new byte[1];
        _device.Read(next);
        Assert.Equal(0x00, next[0]); // 0xA2, just past the block: an empty register
    }

    [Fact]
    public void The_chip_id_is_0x60_and_0x58_when_it_is_a_BMP280()
    {
        Assert.Equal(0x60, ReadRegister(0xD0));
        _bench.Emulator.Fault = EmulatedFault.WrongDevice;
        Assert.Equal(0x58, ReadRegister(0xD0));
    }

    [Fact]
    public void Measuring_is_set_for_the_maximum_measurement_time_and_the_data_appear_only_after()
    {
        _device.Write([0xF2, 0x01, 0xF4, 0b001_001_01]);

        Assert.Equal(0x08, ReadRegister(0xF3) & 0x08);
        Assert.Equal(0x80, ReadRegister(0xFA)); // still the reset value

        _bench.Time.Advance(TimeSpan.FromMilliseconds(9.2));
        Assert.Equal(0x08, ReadRegister(0xF3) & 0x08);

        _bench.Time.Advance(TimeSpan.FromMilliseconds(0.2));
        Assert.Equal(0x00, ReadRegister(0xF3) & 0x08);
        Assert.NotEqual(0x80, ReadRegister(0xFA));
        Assert.Equal(0b001_001_00, ReadRegister(0xF4)); // back to sleep mode after a forced measurement
    }

    [Fact]
    public void Ctrl_hum_written_after_ctrl_meas_does_not_apply_so_humidity_is_skipped()
    {
        _device.Write([0xF4, 0b001_001_01]);
        _device.Write([0xF2, 0x01]);
        _bench.Time.Advance(TimeSpan.FromMilliseconds(20));

        byte[] data = new byte[8];
        _device.WriteRead([0xF7], data);

        Assert.Equal(new byte[] { 0x80, 0x00 }, data[6..]);
        Assert.NotEqual(new byte[] { 0x80, 0x00, 0x00 }, data[3..6]);
    }

    [Fact]
    public void A_soft_reset_restores_the_reset_values_and_copies_the_trimming_for_2_ms()
    {
        _device.Write([0xF2, 0x01, 0xF4, 0b001_001_01, 0xF5, 0xA0]);
        _bench.Time.Advance(TimeSpan.FromMilliseconds(20));

        _device.Write([0xE0, 0xB6]);

        Assert.Equal(0x01, ReadRegister(0xF3) & 0x01);
        Assert.Equal(0x00, ReadRegister(0xF2));
        Assert.Equal(0x00, ReadRegister(0xF4));
        Assert.Equal(0x00, ReadRegister(0xF5));
        byte[] data = new byte[8];
        _device.WriteRead([0xF7], data);
        Assert.Equal(new byte[] { 0x80, 0, 0, 0x80, 0, 0, 0x80, 0 }, data);
        _bench.Time.Advance(TimeSpan.FromMilliseconds(2));
        Assert.Equal(0x00, ReadRegister(0xF3) & 0x01);
    }

    [Fact]
    public void Only_0xB6_written_to_the_reset_register_resets()
    {
        _device.Write([0xF5, 0xA0]);
        _device.Write([0xE0, 0xB5]);
        Assert.Equal(0xA0, ReadRegister(0xF5));
    }

    [Fact]
    public void Trimming_registers_are_read_only()
    {
        _device.Write([0x88, 0x00]);
        Assert.Equal(Bme280Emulator.DefaultTrimming.TemperaturePressureBytes()[0], ReadRegister(0x88));
    }

    [Fact]
    public void A_silent_chip_does_not_acknowledge()
    {
        _bench.Emulator.Fault = EmulatedFault.Silent;
        DeviceAccessException e = Assert.Throws<DeviceAccessException>(() => ReadRegister(0xD0));
        Assert.Equal(DeviceAccessError.NotAnswering, e.Error);
    }

    [Fact]
    public void Normal_mode_measures_again_and_again()
    {
        _bench.Ambient.Conditions = _bench.Ambient.Conditions with { TemperatureCelsius = 10 };
        _device.Write([0xF2, 0x01, 0xF4, 0b001_001_11]);
        _bench.Time.Advance(TimeSpan.FromMilliseconds(10));
        byte first = ReadRegister(0xFA);

        _bench.Ambient.Conditions = _bench.Ambient.Conditions with { TemperatureCelsius = 30 };
        _bench.Time.Advance(TimeSpan.FromMilliseconds(10));
        ReadRegister(0xF3);
        _bench.Time.Advance(TimeSpan.FromMilliseconds(10));

        Assert.NotEqual(first, ReadRegister(0xFA));
        Assert.Equal(0b11, ReadRegister(0xF4) & 0b11);
    }

    private byte ReadRegister(byte register)
    {
        byte[] value = new byte[1];
        _device.WriteRead([register], value);
        return value[0];
    }
}

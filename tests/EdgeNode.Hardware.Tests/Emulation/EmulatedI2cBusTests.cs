using System.Device.I2c;
using EdgeNode.Hardware.Emulation;
using EdgeNode.Hardware.I2c;

namespace EdgeNode.Hardware.Tests.Emulation;

public class EmulatedI2cBusTests
{
    /// <summary>A register file with an auto-incrementing pointer, the commonest I2C device shape.</summary>
    private sealed class RegisterFile() : EmulatedI2cDevice(0x08)
    {
        public readonly byte[] Registers = new byte[256];
        private int _pointer;

        public override bool TryWrite(ReadOnlySpan<byte> data)
        {
            _pointer = data[0];
            data[1..].CopyTo(Registers.AsSpan(_pointer));
            return true;
        }

        public override bool TryRead(Span<byte> data)
        {
            Registers.AsSpan(_pointer, data.Length).CopyTo(data);
            _pointer += data.Length;
            return true;
        }
    }

    /// <summary>Acknowledges its address but refuses reads with no command pending, as an SCD4x does.</summary>
    private sealed class RefusesReads() : EmulatedI2cDevice(0x08)
    {
        public override bool TryWrite(ReadOnlySpan<byte> data) => true;

        public override bool TryRead(Span<byte> data) => false;
    }

    [Fact]
    public void A_scan_lists_exactly_the_addresses_that_acknowledge()
    {
        using var bus = new EmulatedI2cBus();
        bus.Attach(0x76, new RegisterFile());
        bus.Attach(0x62, new RefusesReads());
        bus.Attach(0x48, new RegisterFile());
        bus.Disconnect(0x48);

        Assert.Equal([0x62, 0x76], bus.Scan());
    }

    [Fact]
    public void In_the_eeprom_ranges_a_scan_reads_instead_of_writing()
    {
        using var bus = new EmulatedI2cBus();
        bus.Attach(0x50, new RegisterFile());
        bus.Attach(0x51, new RefusesReads());

        Assert.Equal([0x50], bus.Scan());
    }

    [Fact]
    public void Write_then_read_reaches_the_device_registers()
    {
        using var bus = new EmulatedI2cBus();
        var device = new RegisterFile();
        device.Registers[0xD0] = 0x60;
        bus.Attach(0x76, device);
        using I2cDevice handle = bus.CreateDevice(0x76);

        byte[] chipId = new byte[1];
        handle.WriteRead([0xD0], chipId);
        handle.Write([0xF4, 0x25]);

        Assert.Equal(0x60, chipId[0]);
        Assert.Equal(0x25, device.Registers[0xF4]);
    }

    [Fact]
    public void An_empty_address_does_not_answer_and_says_what_to_check()
    {
        using var bus = new EmulatedI2cBus(busId: 1);
        using I2cDevice handle = bus.CreateDevice(0x76);

        DeviceAccessException e = Assert.Throws<DeviceAccessException>(() => handle.ReadByte());

        Assert.Equal(DeviceAccessError.NotAnswering, e.Error);
        Assert.Contains("0x76 on I2C bus 1", e.Message);
    }

    [Fact]
    public void A_disconnected_device_stops_answering_until_reconnected()
    {
        using var bus = new EmulatedI2cBus();
        bus.Attach(0x62, new RegisterFile());
        using I2cDevice handle = bus.CreateDevice(0x62);

        bus.Disconnect(0x62);
        Assert.Throws<DeviceAccessException>(() => handle.ReadByte());
        Assert.Empty(bus.Scan());

        bus.Reconnect(0x62);
        handle.ReadByte();
        Assert.Equal([0x62], bus.Scan());
    }

    [Fact]
    public void Two_devices_cannot_share_an_address()
    {
        using var bus = new EmulatedI2cBus();
        bus.Attach(0x76, new RegisterFile());

        Assert.Throws<InvalidOperationException>(() => bus.Attach(0x76, new RegisterFile()));
    }

    [Fact]
    public void An_emulated_device_is_a_System_Device_I2c_device_on_its_own_and_takes_its_bus_address_when_attached()
    {
        var device = new RegisterFile();
        device.Registers[0xD0] = 0x60;
        I2cDevice alone = device;
        byte[] chipId = new byte[1];
        alone.WriteRead([0xD0], chipId);
        Assert.Equal(0x60, chipId[0]);

        using var bus = new EmulatedI2cBus(busId: 3);
        bus.Attach(0x77, device);
        Assert.Equal((3, 0x77), (device.ConnectionSettings.BusId, device.ConnectionSettings.DeviceAddress));

        bus.Disconnect(0x77);
        DeviceAccessException e = Assert.Throws<DeviceAccessException>(() => alone.ReadByte());
        Assert.Contains("0x77 on I2C bus 3", e.Message);
    }
}

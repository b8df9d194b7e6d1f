using EdgeNode.Hardware.I2c;
using EdgeNode.Hardware.Interop;

namespace EdgeNode.Hardware.Tests.I2c;

/// <summary>
/// This machine has no I2C adapter, so these tests run the real open/ioctl path against what it does
/// have (a missing file, a plain file) and check that the kernel's answers become messages a technician
/// can act on.
/// </summary>
public sealed class UnixI2cBusTests : IDisposable
{
    private readonly string _devices = Directory.CreateTempSubdirectory("edgenode-dev-").FullName;

    public void Dispose() => Directory.Delete(_devices, recursive: true);

    [Fact]
    public void A_missing_bus_says_how_to_enable_it()
    {
        DeviceAccessException e = Assert.Throws<DeviceAccessException>(() => UnixI2cBus.Open(1, _devices));

        Assert.Equal(DeviceAccessError.NotFound, e.Error);
        Assert.StartsWith("I2C bus 1 not found", e.Message);
        Assert.Contains("dtparam=i2c_arm=on in /boot/firmware/config.txt", e.Message);
        Assert.Equal(Path.Combine(_devices, "i2c-1"), e.DevicePath);
    }

    [Fact]
    public void A_file_that_is_not_an_i2c_adapter_is_refused()
    {
        File.WriteAllBytes(Path.Combine(_devices, "i2c-3"), []);

        DeviceAccessException e = Assert.Throws<DeviceAccessException>(() => UnixI2cBus.Open(3, _devices));

        Assert.Equal(DeviceAccessError.WrongKindOfDevice, e.Error);
        Assert.Contains("not an I2C adapter", e.Message);
    }

    [Fact]
    public void Permission_denied_names_the_group_to_join()
    {
        DeviceAccessException e = I2cErrors.FromOpen(1, "/dev/i2c-1", Libc.EACCES, "Permission denied");

        Assert.Equal(DeviceAccessError.PermissionDenied, e.Error);
        Assert.Contains("group i2c", e.Message);
    }

    [Theory]
    [InlineData(Libc.EREMOTEIO)]
    [InlineData(Libc.ENXIO)]
    [InlineData(Libc.EIO)]
    [InlineData(Libc.ETIMEDOUT)]
    public void Every_way_adapters_report_a_missing_acknowledge_means_not_answering(int errno)
    {
        DeviceAccessException e = I2cErrors.FromTransfer(1, "/dev/i2c-1", 0x76, errno, "Remote I/O error");

        Assert.Equal(DeviceAccessError.NotAnswering, e.Error);
        Assert.Contains("0x76", e.Message);
        Assert.Contains("SDA/SCL", e.Message);
        Assert.Equal(errno, e.Errno);
    }

    [Theory]
    [InlineData(0x07)]
    [InlineData(0x78)]
    [InlineData(-1)]
    public void Reserved_addresses_are_refused(int address)
    {
        using var bus = new EdgeNode.Hardware.Emulation.EmulatedI2cBus();
        Assert.Throws<ArgumentOutOfRangeException>(() => bus.CreateDevice(address));
    }
}

namespace EdgeNode.Hardware.I2c;

/// <summary>An I2C bus: hands out devices by address and can say which addresses answer.</summary>
public abstract class I2cBus : IDisposable
{
    /// <summary>The N of <c>/dev/i2c-N</c>.</summary>
    public abstract int BusId { get; }

    public abstract I2cDevice CreateDevice(int deviceAddress);

    /// <summary>
    /// The addresses that acknowledge a one-byte read, as <c>i2cdetect -r</c> lists them. A read is used
    /// rather than i2cdetect's default zero-length "quick write" because some adapters cannot send an
    /// empty message and a quick write can change the state of some EEPROMs.
    /// </summary>
    public IReadOnlyList<int> Scan()
    {
        var answering = new List<int>();
        for (int address = I2cAddress.FirstUsable; address <= I2cAddress.LastUsable; address++)
        {
            using I2cDevice device = CreateDevice(address);
            try
            {
                device.ReadByte();
                answering.Add(address);
            }
            catch (DeviceAccessException e) when (e.Error == DeviceAccessError.NotAnswering)
            {
            }
        }

        return answering;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}

using System.Runtime.InteropServices;

namespace EdgeNode.Hardware.Interop;

/// <summary>linux/i2c.h <c>struct i2c_msg</c>; sequential layout gives the kernel's padding on 32- and 64-bit.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct I2cMessage
{
    /// <summary>I2C_M_RD: this message reads from the device.</summary>
    internal const ushort ReadFlag = 0x0001;

    internal ushort Address;
    internal ushort Flags;
    internal ushort Length;
    internal byte* Buffer;
}

/// <summary>linux/i2c-dev.h <c>struct i2c_rdwr_ioctl_data</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct I2cReadWriteData
{
    internal I2cMessage* Messages;
    internal uint MessageCount;
}

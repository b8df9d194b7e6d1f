using System.Diagnostics;
using EdgeNode.Hardware.Serial;

namespace EdgeNode.Hardware.Tests.Serial;

/// <summary>The real termios path, through a kernel pseudo-terminal standing in for /dev/ttyUSB0.</summary>
public class UnixSerialDeviceTests
{
    [Theory]
    [InlineData(9600)]
    [InlineData(115200)]
    public void Opening_sets_raw_8N1_at_the_requested_rate(int baudRate)
    {
        using var pty = PseudoTerminal.Open();
        using var port = UnixSerialDevice.Open(pty.SlavePath, baudRate);

        (int rate, bool raw8N1) = port.ReadLineSettings();

        Assert.Equal(baudRate, rate);
        Assert.True(raw8N1);
    }

    [Fact]
    public async Task Every_byte_value_arrives_unchanged_in_both_directions()
    {
        // Cooked mode would eat ^C, ^S/^Q, translate CR/LF and echo: a binary sensor frame must survive all of it.
        byte[] everyByte = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        using var pty = PseudoTerminal.Open();
        using var port = UnixSerialDevice.Open(pty.SlavePath, 9600);

        pty.Send(everyByte);
        var received = new List<byte>();
        byte[] buffer = new byte[64];
        while (received.Count < everyByte.Length)
        {
            int n = await port.ReadAsync(buffer, TimeSpan.FromSeconds(2));
            Assert.True(n > 0, $"timed out after {received.Count} bytes");
            received.AddRange(buffer.Take(n));
        }

        port.Write(everyByte);
        byte[] sent = pty.Receive(everyByte.Length);

        Assert.Equal(everyByte, received);
        Assert.Equal(everyByte, sent);
    }

    [Fact]
    public async Task A_read_with_nothing_on_the_line_returns_zero_after_the_timeout()
    {
        using var pty = PseudoTerminal.Open();
        using var port = UnixSerialDevice.Open(pty.SlavePath, 9600);
        var watch = Stopwatch.StartNew();

        int n = await port.ReadAsync(new byte[16], TimeSpan.FromMilliseconds(300));

        Assert.Equal(0, n);
        Assert.InRange(watch.ElapsedMilliseconds, 280, 5000);
    }

    [Fact]
    public async Task A_pending_read_ends_promptly_when_cancelled()
    {
        using var pty = PseudoTerminal.Open();
        using var port = UnixSerialDevice.Open(pty.SlavePath, 9600);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await port.ReadAsync(new byte[16], TimeSpan.FromSeconds(30), cancel.Token));

        Assert.True(watch.ElapsedMilliseconds < 5000, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Discarding_input_drops_bytes_received_before()
    {
        using var pty = PseudoTerminal.Open();
        using var port = UnixSerialDevice.Open(pty.SlavePath, 9600);
        pty.Send([1, 2, 3]);
        await Task.Delay(100);

        port.DiscardInput();
        pty.Send([4]);
        byte[] buffer = new byte[8];
        int n = await port.ReadAsync(buffer, TimeSpan.FromSeconds(2));

        Assert.Equal([4], buffer.Take(n));
    }

    [Fact]
    public void A_second_open_of_the_same_port_is_refused_as_busy()
    {
        using var pty = PseudoTerminal.Open();
        using var first = UnixSerialDevice.Open(pty.SlavePath, 9600);

        DeviceAccessException e = Assert.Throws<DeviceAccessException>(() => UnixSerialDevice.Open(pty.SlavePath, 9600));

        Assert.Equal(DeviceAccessError.Busy, e.Error);
        Assert.Contains("busy", e.Message);
        Assert.Contains($"fuser {pty.SlavePath}", e.Message);
    }

    [Fact]
    public void The_port_can_be_opened_again_once_closed()
    {
        using var pty = PseudoTerminal.Open();
        UnixSerialDevice.Open(pty.SlavePath, 9600).Dispose();

        using var again = UnixSerialDevice.Open(pty.SlavePath, 9600);

        Assert.Equal(pty.SlavePath, again.PortName);
    }

    [Fact]
    public void A_missing_port_says_how_to_enable_the_uart()
    {
        DeviceAccessException e = Assert.Throws<DeviceAccessException>(() => UnixSerialDevice.Open("/dev/ttyEDGENODE-MISSING", 9600));

        Assert.Equal(DeviceAccessError.NotFound, e.Error);
        Assert.Contains("enable_uart=1", e.Message);
        Assert.Contains("/dev/ttyEDGENODE-MISSING", e.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_terminal_is_refused()
    {
        string file = Path.GetTempFileName();
        try
        {
            DeviceAccessException e = Assert.Throws<DeviceAccessException>(() => UnixSerialDevice.Open(file, 9600));
            Assert.Equal(DeviceAccessError.WrongKindOfDevice, e.Error);
            Assert.Contains("not a serial port", e.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_hang_up_on_the_other_end_is_reported_not_waited_for()
    {
        using var pty = PseudoTerminal.Open();
        using var port = UnixSerialDevice.Open(pty.SlavePath, 9600);
        pty.Dispose();

        DeviceAccessException e = await Assert.ThrowsAsync<DeviceAccessException>(async () =>
            await port.ReadAsync(new byte[16], TimeSpan.FromSeconds(5)));

        Assert.Equal(DeviceAccessError.IoError, e.Error);
        Assert.Contains("unplugged", e.Message);
    }

    [Fact]
    public void An_unsupported_baud_rate_is_refused_before_opening()
    {
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => UnixSerialDevice.Open("/dev/null", 12345));
        Assert.Contains("9600", e.Message);
    }
}

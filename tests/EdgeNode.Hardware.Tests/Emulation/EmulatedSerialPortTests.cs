using System.Text;
using EdgeNode.Hardware.Emulation;

namespace EdgeNode.Hardware.Tests.Emulation;

public class EmulatedSerialPortTests
{
    /// <summary>Answers "PONG" to "PING" and streams "T" once a second, like a sensor in active mode.</summary>
    private sealed class Ticker(DateTimeOffset start) : IEmulatedSerialPeripheral
    {
        private DateTimeOffset _next = start.AddSeconds(1);

        public ReadOnlyMemory<byte> Receive(ReadOnlySpan<byte> fromHost, DateTimeOffset now) =>
            fromHost.SequenceEqual("PING"u8) ? "PONG"u8.ToArray() : ReadOnlyMemory<byte>.Empty;

        public SerialEmission Emit(DateTimeOffset now)
        {
            var sent = new StringBuilder();
            while (_next <= now)
            {
                sent.Append('T');
                _next = _next.AddSeconds(1);
            }

            return new SerialEmission(Encoding.ASCII.GetBytes(sent.ToString()), _next);
        }
    }

    private static async Task<string> ReadAll(EmulatedSerialPort port, TimeSpan timeout)
    {
        byte[] buffer = new byte[64];
        int n = await port.ReadAsync(buffer, timeout);
        return Encoding.ASCII.GetString(buffer, 0, n);
    }

    [Fact]
    public async Task A_command_gets_its_answer()
    {
        var time = new VirtualTimeProvider();
        var port = new EmulatedSerialPort(new Ticker(time.GetUtcNow().AddHours(1)), time);

        port.Write("PING"u8);

        Assert.Equal("PONG", await ReadAll(port, TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task Streamed_frames_arrive_as_time_passes_and_a_read_waits_for_the_next()
    {
        var time = new VirtualTimeProvider();
        DateTimeOffset start = time.GetUtcNow();
        var port = new EmulatedSerialPort(new Ticker(start), time);

        Assert.Equal("T", await ReadAll(port, TimeSpan.FromSeconds(5)));
        Assert.Equal(start.AddSeconds(1), time.GetUtcNow());

        time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal("TTT", await ReadAll(port, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_read_times_out_with_zero_bytes_when_nothing_is_due()
    {
        var time = new VirtualTimeProvider();
        DateTimeOffset start = time.GetUtcNow();
        var port = new EmulatedSerialPort(new Ticker(start.AddHours(1)), time);

        Assert.Equal("", await ReadAll(port, TimeSpan.FromSeconds(2)));
        Assert.Equal(start.AddSeconds(2), time.GetUtcNow());
    }

    [Fact]
    public async Task An_unplugged_line_carries_nothing_either_way()
    {
        var time = new VirtualTimeProvider();
        var port = new EmulatedSerialPort(new Ticker(time.GetUtcNow()), time) { Unplugged = true };

        port.Write("PING"u8);

        Assert.Equal("", await ReadAll(port, TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task Bytes_can_be_delivered_one_at_a_time_and_noise_injected()
    {
        var time = new VirtualTimeProvider();
        var port = new EmulatedSerialPort(new Ticker(time.GetUtcNow().AddHours(1)), time) { MaxBytesPerRead = 1 };

        port.InjectNoise([0xFF]);
        port.Write("PING"u8);

        byte[] buffer = new byte[8];
        var pieces = new List<byte>();
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(1, await port.ReadAsync(buffer, TimeSpan.FromSeconds(1)));
            pieces.Add(buffer[0]);
        }

        Assert.Equal(new byte[] { 0xFF, (byte)'P', (byte)'O', (byte)'N', (byte)'G' }, pieces);
    }

    [Fact]
    public async Task Discarded_input_is_gone()
    {
        var time = new VirtualTimeProvider();
        var port = new EmulatedSerialPort(new Ticker(time.GetUtcNow().AddHours(1)), time);
        port.Write("PING"u8);

        port.DiscardInput();

        Assert.Equal("", await ReadAll(port, TimeSpan.FromMilliseconds(10)));
    }
}

using System.Text;
using EdgeNode.Hardware;
using EdgeNode.Hardware.Serial;

namespace EdgeNode.Sensors.Ops243;

/// <summary>
/// The serial line to the sensor, in lines instead of bytes, with every port failure turned into the
/// <see cref="SensorFaultException"/> a technician can act on.
/// </summary>
internal sealed class Ops243Link(SerialDevice port, TimeProvider time, string sensor)
{
    private readonly byte[] _buffer = new byte[256];
    private readonly Ops243LineFramer _framer = new();
    private readonly List<Ops243Line> _decoded = [];

    public void Send(string command)
    {
        try
        {
            port.Write(Encoding.ASCII.GetBytes(command));
        }
        catch (DeviceAccessException ex)
        {
            throw Fault(ex);
        }
    }

    public void DiscardInput()
    {
        try
        {
            port.DiscardInput();
            _framer.Reset();
        }
        catch (DeviceAccessException ex)
        {
            throw Fault(ex);
        }
    }

    /// <summary>
    /// Waits until <paramref name="until"/> for bytes and appends the lines they complete. Returns false when
    /// nothing arrived in that time.
    /// </summary>
    public async Task<bool> ReadAsync(DateTimeOffset until, List<TimedLine> lines, CancellationToken cancellationToken)
    {
        // Whole milliseconds, rounded up: a port that waits with Task.Delay cannot wait less than 1 ms and
        // would otherwise spin on a sub-millisecond remainder.
        double milliseconds = Math.Ceiling((until - time.GetUtcNow()).TotalMilliseconds);
        TimeSpan timeout = TimeSpan.FromMilliseconds(Math.Max(0, milliseconds));
        int count;
        try
        {
            count = await port.ReadAsync(_buffer, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (DeviceAccessException ex)
        {
            throw Fault(ex);
        }

        if (count == 0)
        {
            return false;
        }

        DateTimeOffset at = time.GetUtcNow();
        _decoded.Clear();
        _framer.Push(_buffer.AsSpan(0, count), _decoded);
        foreach (Ops243Line line in _decoded)
        {
            lines.Add(new TimedLine(at, line));
        }

        return true;
    }

    private SensorFaultException Fault(DeviceAccessException ex) =>
        ex.ToSerialSensorFault(sensor, "Check the USB cable (or the UART wires) and the sensor's power.");
}

using System.Device.I2c;
using EdgeNode.Hardware;

namespace EdgeNode.Sensors.Scd4x;

/// <summary>
/// The SCD4x command sequences of datasheet §3.3 over one <see cref="I2cDevice"/>: "send command" (write the
/// 16-bit command, then wait its execution time) and "read" (write, wait, then read words each checked against
/// its CRC). No repeated start: the sensor needs the execution time between command and read header.
/// Transfer failures surface as <see cref="EdgeNode.Hardware.DeviceAccessException"/> for the caller to classify.
/// </summary>
internal sealed class Scd4xChannel(I2cDevice device, TimeProvider time, string description)
{
    public I2cDevice Device => device;

    /// <summary>Sends <paramref name="command"/> and waits until the sensor will answer again.</summary>
    public async Task SendAsync(Scd4xCommand command, CancellationToken cancellationToken)
    {
        Send(command);
        await WaitAsync(Scd4xProtocol.ExecutionTime(command), cancellationToken);
    }

    /// <summary>Sends <paramref name="command"/>, waits its execution time and reads <paramref name="wordCount"/> CRC-checked words.</summary>
    /// <exception cref="SensorFaultException"><see cref="SensorFaultKind.CorruptData"/> when a word fails its CRC.</exception>
    public async Task<ushort[]> QueryAsync(Scd4xCommand command, int wordCount, CancellationToken cancellationToken)
    {
        await SendAsync(command, cancellationToken);
        byte[] bytes = new byte[wordCount * Scd4xWords.BytesPerWord];
        device.Read(bytes);
        ushort[] words = new ushort[wordCount];
        int bad = Scd4xWords.Decode(bytes, words);
        if (bad >= 0)
        {
            int at = bad * Scd4xWords.BytesPerWord;
            throw new SensorFaultException(SensorFaultKind.CorruptData, description,
                $"{description}: word {bad + 1} of its answer to {Name(command)} (0x{bytes[at]:x2} 0x{bytes[at + 1]:x2}) fails its CRC (received 0x{bytes[at + 2]:x2}, computed 0x{Scd4xCrc.Compute(bytes[at], bytes[at + 1]):x2}): the bus corrupts data. Check the wiring length, the pull-ups and the supply; replace the sensor if this persists.");
        }

        return words;
    }

    /// <summary>
    /// Sends stop_periodic_measurement and waits its 500 ms, whatever mode the sensor is in. Table 9 lists it for
    /// periodic mode only; Sensirion's own start-up sequence sends it blindly, so a refusal (NACK) from a sensor
    /// that is already idle is ignored here: whether anything is there at all is checked by the next command.
    /// </summary>
    public async Task StopPeriodicMeasurementAsync(CancellationToken cancellationToken)
    {
        try
        {
            Send(Scd4xCommand.StopPeriodicMeasurement);
        }
        catch (DeviceAccessException e) when (e.Error == DeviceAccessError.NotAnswering)
        {
        }

        await WaitAsync(Scd4xProtocol.ExecutionTime(Scd4xCommand.StopPeriodicMeasurement), cancellationToken);
    }

    public void Send(Scd4xCommand command) => device.Write([(byte)((ushort)command >> 8), (byte)command]);

    public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, time, cancellationToken) : Task.CompletedTask;

    /// <summary>The datasheet's name for a command, e.g. "get_serial_number (0x3682)".</summary>
    public static string Name(Scd4xCommand command) => command switch
    {
        Scd4xCommand.StartPeriodicMeasurement => "start_periodic_measurement (0x21B1)",
        Scd4xCommand.ReadMeasurement => "read_measurement (0xEC05)",
        Scd4xCommand.StopPeriodicMeasurement => "stop_periodic_measurement (0x3F86)",
        Scd4xCommand.GetDataReadyStatus => "get_data_ready_status (0xE4B8)",
        Scd4xCommand.GetSerialNumber => "get_serial_number (0x3682)",
        Scd4xCommand.PerformSelfTest => "perform_self_test (0x3639)",
        Scd4xCommand.Reinit => "reinit (0x3646)",
        Scd4xCommand.MeasureSingleShot => "measure_single_shot (0x219D)",
        Scd4xCommand.MeasureSingleShotRhtOnly => "measure_single_shot_rht_only (0x2196)",
        _ => $"command 0x{(ushort)command:X4}",
    };
}

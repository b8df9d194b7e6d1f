using System.Device.I2c;

namespace EdgeNode.Sensors.Bme280;

/// <summary>
/// Brings a BME280 into a known state: checks the chip id, soft-resets it, waits for the NVM copy and reads the
/// trimming. Separate from the driver because it runs both at open and after any failed transfer.
/// </summary>
internal static class Bme280Identification
{
    // Polls of im_update after the 2 ms start-up time, 1 ms apart, before declaring the chip hung.
    private const int ImageUpdatePolls = 10;

    /// <exception cref="SensorFaultException">Wrong chip, a chip that never finishes its start-up, or trimming that reads differently twice.</exception>
    /// <exception cref="EdgeNode.Hardware.DeviceAccessException">The transfer failed; the caller decides whether that means absent or not answering.</exception>
    public static async Task<Bme280Trimming> InitialiseAsync(I2cDevice device, TimeProvider time, string description, CancellationToken cancellationToken)
    {
        CheckChipId(device, description);

        // §5.4.2: a soft reset puts every control register in a known state whatever a previous program left.
        device.Write([(byte)Bme280Register.Reset, Bme280Protocol.SoftResetCommand]);
        await Task.Delay(Bme280Protocol.StartupTime, time, cancellationToken);
        for (int poll = 0; (ReadRegister(device, Bme280Register.Status) & Bme280Protocol.StatusImageUpdate) != 0; poll++)
        {
            if (poll == ImageUpdatePolls)
            {
                throw new SensorFaultException(SensorFaultKind.NotAnswering, description,
                    $"{description} is still copying its trimming from NVM (status bit im_update set) {ImageUpdatePolls} ms after the 2 ms start-up time: power-cycle it; replace it if this persists.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(1), time, cancellationToken);
        }

        // The trimming has no checksum and every later reading depends on it, so a bit flipped on the bus here
        // would bias the sensor silently until the next restart. Reading it twice catches a noisy bus.
        Bme280Trimming first = ReadTrimming(device, description);
        Bme280Trimming second = ReadTrimming(device, description);
        if (first != second)
        {
            throw new SensorFaultException(SensorFaultKind.CorruptData, description,
                $"{description} returned different factory trimming on two consecutive reads: the I2C bus corrupts data. Shorten the wires, check the pull-ups and keep the bus away from mains cables.");
        }

        return first;
    }

    private static void CheckChipId(I2cDevice device, string description)
    {
        byte id = ReadRegister(device, Bme280Register.ChipId);
        if (id == Bme280Protocol.Bme280ChipId)
        {
            return;
        }

        string what = id switch
        {
            >= Bme280Protocol.Bmp280FirstChipId and <= Bme280Protocol.Bmp280LastChipId =>
                "found a BMP280 (no humidity). Such modules are often sold as BME280: fit a genuine BME280 (the metal lid is square on both, so read the chip id, not the marking).",
            0x61 => "found a BME680, which needs its own driver.",
            0x00 or 0xFF => "the line reads as stuck: check SDA/SCL wiring and pull-ups.",
            _ => "another device answers at this address: check the address (SDO to GND = 0x76, to 3.3 V = 0x77) and what is fitted.",
        };
        throw new SensorFaultException(SensorFaultKind.NotPresent, description,
            $"{description}: chip id register 0xD0 reads 0x{id:x2}, expected 0x{Bme280Protocol.Bme280ChipId:x2} (BME280); {what}");
    }

    private static Bme280Trimming ReadTrimming(I2cDevice device, string description)
    {
        Span<byte> temperaturePressure = stackalloc byte[Bme280Protocol.TrimmingTemperaturePressureLength];
        Span<byte> humidity = stackalloc byte[Bme280Protocol.TrimmingHumidityLength];
        device.WriteRead([(byte)Bme280Register.TrimmingTemperaturePressure], temperaturePressure);
        device.WriteRead([(byte)Bme280Register.TrimmingHumidity], humidity);

        // Every genuine chip has dig_T1 and dig_P1 in the tens of thousands; a blank or floating NVM image does not.
        var trimming = Bme280Trimming.Parse(temperaturePressure, humidity);
        if (trimming.T1 is 0 or 0xFFFF || trimming.P1 is 0 or 0xFFFF)
        {
            throw new SensorFaultException(SensorFaultKind.CorruptData, description,
                $"{description} returned blank factory trimming (dig_T1 = {trimming.T1}, dig_P1 = {trimming.P1}): the chip's NVM is unreadable or the bus returns filler bytes. Power-cycle it; replace it if this persists.");
        }

        return trimming;
    }

    private static byte ReadRegister(I2cDevice device, Bme280Register register)
    {
        Span<byte> value = stackalloc byte[1];
        device.WriteRead([(byte)register], value);
        return value[0];
    }
}

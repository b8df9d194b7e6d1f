namespace EdgeNode.Sensors.Bme280;

/// <summary>
/// The uncompensated ADC codes of one measurement, as the burst 0xF7–0xFE holds them (§5.4.7–5.4.9):
/// pressure and temperature are 20 bits (msb, lsb, xlsb[7:4]), humidity 16 bits (msb, lsb).
/// </summary>
internal readonly record struct Bme280RawSample(int AdcTemperature, int AdcPressure, int AdcHumidity)
{
    public static Bme280RawSample Parse(ReadOnlySpan<byte> data) => new(
        AdcTemperature: (data[3] << 12) | (data[4] << 4) | (data[5] >> 4),
        AdcPressure: (data[0] << 12) | (data[1] << 4) | (data[2] >> 4),
        AdcHumidity: (data[6] << 8) | data[7]);

    public void WriteTo(Span<byte> data)
    {
        data[0] = (byte)(AdcPressure >> 12);
        data[1] = (byte)(AdcPressure >> 4);
        data[2] = (byte)((AdcPressure & 0x0F) << 4);
        data[3] = (byte)(AdcTemperature >> 12);
        data[4] = (byte)(AdcTemperature >> 4);
        data[5] = (byte)((AdcTemperature & 0x0F) << 4);
        data[6] = (byte)(AdcHumidity >> 8);
        data[7] = (byte)AdcHumidity;
    }
}

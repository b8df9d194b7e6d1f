namespace EdgeNode.Sensors.Bme280;

/// <summary>Fixed values of the BME280 register interface (datasheet BST-BME280-DS002).</summary>
internal static class Bme280Protocol
{
    /// <summary>§5.4.1: "The chip identification number chip_id[7:0], which is 0x60."</summary>
    public const byte Bme280ChipId = 0x60;

    /// <summary>BMP280 ids: 0x56 and 0x57 on engineering samples, 0x58 in mass production (BMP280 datasheet §4.3.1).</summary>
    public const byte Bmp280FirstChipId = 0x56;

    public const byte Bmp280LastChipId = 0x58;

    /// <summary>§5.4.2: only this value written to 0xE0 resets the chip.</summary>
    public const byte SoftResetCommand = 0xB6;

    /// <summary>Bytes 0x88–0xA1 (§4.2.2, Table 16).</summary>
    public const int TrimmingTemperaturePressureLength = 26;

    /// <summary>Bytes 0xE1–0xE7 (§4.2.2, Table 16).</summary>
    public const int TrimmingHumidityLength = 7;

    /// <summary>press_msb…hum_lsb, 0xF7–0xFE (§5.4.7–5.4.9).</summary>
    public const int DataLength = 8;

    /// <summary>§5.4.4 status bit 3: set while a conversion runs.</summary>
    public const byte StatusMeasuring = 0x08;

    /// <summary>§5.4.4 status bit 0: set while the trimming is copied from NVM.</summary>
    public const byte StatusImageUpdate = 0x01;

    /// <summary>§5.4.5 mode[1:0] = 01: forced mode, one measurement then back to sleep (10 means the same).</summary>
    public const byte ModeForced = 0b01;

    public const byte ModeNormal = 0b11;

    /// <summary>osrs_x = 001: oversampling ×1 (§5.4.3, §5.4.5, Tables 20, 22, 23); 000 skips the measurement.</summary>
    public const byte OversamplingTimes1 = 0b001;

    /// <summary>
    /// §5.4.7–5.4.9: the reset value of the data registers, which a skipped measurement also leaves:
    /// 0x80000 for the 20-bit pressure and temperature, 0x8000 for the 16-bit humidity.
    /// </summary>
    public const int SkippedTemperaturePressure = 0x80000;

    public const int SkippedHumidity = 0x8000;

    /// <summary>Table 1: start-up time 2 ms after power-on or soft reset, while the NVM is copied.</summary>
    public static readonly TimeSpan StartupTime = TimeSpan.FromMilliseconds(2);

    /// <summary>
    /// §9.1 (Appendix B): t_measure,max = 1.25 + 2.3·T_os + (2.3·P_os + 0.575) + (2.3·H_os + 0.575) ms, where an
    /// oversampling of 0 (skipped) contributes nothing.
    /// </summary>
    public static TimeSpan MaximumMeasurementTime(int temperatureOversampling, int pressureOversampling, int humidityOversampling)
    {
        double milliseconds = 1.25 + 2.3 * temperatureOversampling
            + (pressureOversampling == 0 ? 0 : 2.3 * pressureOversampling + 0.575)
            + (humidityOversampling == 0 ? 0 : 2.3 * humidityOversampling + 0.575);
        return TimeSpan.FromMicroseconds(Math.Ceiling(milliseconds * 1000));
    }

    /// <summary>The oversampling factor an osrs_x field selects: 0 (skipped), 1, 2, 4, 8, 16 (101 and above).</summary>
    public static int OversamplingFactor(int osrs) => osrs switch
    {
        0 => 0,
        1 => 1,
        2 => 2,
        3 => 4,
        4 => 8,
        _ => 16,
    };
}

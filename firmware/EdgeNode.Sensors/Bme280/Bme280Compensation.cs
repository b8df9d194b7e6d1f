namespace EdgeNode.Sensors.Bme280;

/// <summary>
/// Bosch's integer compensation formulas, datasheet BST-BME280-DS002 §4.2.3 (code rev. 1.1): 32-bit temperature,
/// 64-bit pressure, 32-bit humidity. Kept line for line so they can be compared with the datasheet. The
/// arithmetic is <c>unchecked</c> on purpose: garbage trimming or ADC codes (a floating bus) must give garbage
/// numbers that the range check rejects, exactly as the reference C code would, never an exception.
/// </summary>
internal static class Bme280Compensation
{
    /// <summary>Temperature in 0.01 °C ("5123" is 51.23 °C); <paramref name="tFine"/> carries the fine temperature to the other two.</summary>
    public static int Temperature(Bme280Trimming c, int adcT, out int tFine)
    {
        unchecked
        {
            int var1 = (((adcT >> 3) - (c.T1 << 1)) * c.T2) >> 11;
            int var2 = (((((adcT >> 4) - c.T1) * ((adcT >> 4) - c.T1)) >> 12) * c.T3) >> 14;
            tFine = var1 + var2;
            return (tFine * 5 + 128) >> 8;
        }
    }

    /// <summary>Pressure in Pa as Q24.8 ("24674867" is 24674867/256 = 96386.2 Pa).</summary>
    public static uint Pressure(Bme280Trimming c, int adcP, int tFine)
    {
        unchecked
        {
            long var1 = (long)tFine - 128000;
            long var2 = var1 * var1 * c.P6;
            var2 += (var1 * c.P5) << 17;
            var2 += (long)c.P4 << 35;
            var1 = ((var1 * var1 * c.P3) >> 8) + ((var1 * c.P2) << 12);
            var1 = (((1L << 47) + var1) * c.P1) >> 33;
            // The datasheet only guards against zero. For any genuine chip this term is positive (dig_P1 is
            // unsigned and the correction is orders of magnitude below 2^47); a negative one means garbage
            // trimming, and excluding -1 also spares us the one division C# traps (long.MinValue / -1).
            if (var1 <= 0)
            {
                return 0;
            }

            long p = 1048576 - adcP;
            p = (((p << 31) - var2) * 3125) / var1;
            var1 = (c.P9 * (p >> 13) * (p >> 13)) >> 25;
            var2 = (c.P8 * p) >> 19;
            p = ((p + var1 + var2) >> 8) + ((long)c.P7 << 4);
            return (uint)p;
        }
    }

    /// <summary>Relative humidity in %RH as Q22.10 ("47445" is 47445/1024 = 46.333 %RH), clamped by the formula to 0…100 %.</summary>
    public static uint Humidity(Bme280Trimming c, int adcH, int tFine)
    {
        unchecked
        {
            int v = tFine - 76800;
            v = ((((adcH << 14) - (c.H4 << 20) - (c.H5 * v)) + 16384) >> 15)
                * (((((((v * c.H6) >> 10) * (((v * c.H3) >> 11) + 32768)) >> 10) + 2097152) * c.H2 + 8192) >> 14);
            v -= ((((v >> 15) * (v >> 15)) >> 7) * c.H1) >> 4;
            v = v < 0 ? 0 : v;
            v = v > 419430400 ? 419430400 : v;
            return (uint)(v >> 12);
        }
    }
}

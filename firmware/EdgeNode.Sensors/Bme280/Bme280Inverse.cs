namespace EdgeNode.Sensors.Bme280;

/// <summary>
/// For the emulator: the ADC codes a chip with the given trimming would output for given conditions, found by
/// bisection over the very compensation formulas the driver runs (§4.2.3), so that the driver turns them back
/// into the conditions within the sensor's resolution. Each compensated quantity is monotonic in its code for
/// any genuine trimming (dig_T2, dig_P1 and dig_H2 positive, the quadratic corrections small), which bisection needs.
/// </summary>
internal static class Bme280Inverse
{
    private const int TwentyBitCodes = 1 << 20;
    private const int SixteenBitCodes = 1 << 16;

    /// <param name="temperatureStep">
    /// Distance between the temperature (and, in <paramref name="pressureStep"/>, pressure) codes the converter can produce: 16 at ×1 oversampling
    /// (16-bit resolution), halving with each oversampling step down to 1 at ×16 (20 bits; BMP280 datasheet §3.3.1).
    /// </param>
    public static Bme280RawSample Solve(
        Bme280Trimming c, double temperatureCelsius, double pressurePascals, double humidityPercent, int temperatureStep, int pressureStep)
    {
        // T = t_fine / 5120 in the floating-point version (§8.1); t_fine is finer than the 0.01 °C output.
        long targetTFine = (long)Math.Round(temperatureCelsius * 5120);
        int adcT = Closest(code => TFine(c, code), targetTFine, TwentyBitCodes, temperatureStep);
        int tFine = TFine(c, adcT);

        // Pressure falls as adc_P rises (p = 1048576 − adc_P in §4.2.3); negate it to bisect on a rising function.
        long targetPressure = -(long)Math.Round(pressurePascals * 256);
        int adcP = Closest(code => -(long)Bme280Compensation.Pressure(c, code, tFine), targetPressure, TwentyBitCodes, pressureStep);

        long targetHumidity = (long)Math.Round(humidityPercent * 1024);
        int adcH = Closest(code => Bme280Compensation.Humidity(c, code, tFine), targetHumidity, SixteenBitCodes, 1);

        return new Bme280RawSample(adcT, adcP, adcH);
    }

    private static int TFine(Bme280Trimming c, int adcT)
    {
        Bme280Compensation.Temperature(c, adcT, out int tFine);
        return tFine;
    }

    /// <summary>The code (a multiple of <paramref name="step"/>) whose value is nearest <paramref name="target"/>, for a non-decreasing <paramref name="value"/>.</summary>
    private static int Closest(Func<int, long> value, long target, int codeCount, int step)
    {
        int low = 0;
        int high = codeCount / step - 1;
        while (low < high)
        {
            int middle = low + (high - low) / 2;
            if (value(middle * step) < target)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        if (low > 0 && Math.Abs(value((low - 1) * step) - target) <= Math.Abs(value(low * step) - target))
        {
            low--;
        }

        return low * step;
    }
}

using EdgeNode.Sensors.Bme280;

namespace EdgeNode.Sensors.Tests.Bme280;

public class Bme280CompensationTests
{
    // BMP280 datasheet §3.12, "Calculating pressure and temperature": the BME280 uses the same T and P formulas.
    internal static readonly Bme280Trimming WorkedExample = new(
        T1: 27504, T2: 26435, T3: -1000,
        P1: 36477, P2: -10685, P3: 3024, P4: 2855, P5: 140, P6: -7, P7: 15500, P8: -14600, P9: 6000,
        H1: 75, H2: 362, H3: 0, H4: 313, H5: 50, H6: 30);

    internal const int WorkedExampleAdcT = 519888;
    internal const int WorkedExampleAdcP = 415148;

    [Fact]
    public void The_worked_example_temperature_is_25_08_degrees_with_t_fine_128422()
    {
        int centiCelsius = Bme280Compensation.Temperature(WorkedExample, WorkedExampleAdcT, out int tFine);
        Assert.Equal(2508, centiCelsius);
        Assert.Equal(128422, tFine);
    }

    [Fact]
    public void The_worked_example_pressure_is_100653_27_pascals_within_the_integer_formulas_rounding()
    {
        Bme280Compensation.Temperature(WorkedExample, WorkedExampleAdcT, out int tFine);
        uint q24Dot8 = Bme280Compensation.Pressure(WorkedExample, WorkedExampleAdcP, tFine);
        // The datasheet's table (§3.12) computes 100653.27 Pa in floating point; the published 64-bit integer code
        // gives 25767233/256 = 100653.254 Pa for the same inputs (checked independently of this code, by hand in
        // Python), 0.016 Pa below: far under the 2.62 Pa resolution of a ×1 reading.
        Assert.Equal(25767233u, q24Dot8);
        Assert.Equal(100653.27, q24Dot8 / 256.0, tolerance: 0.02);
    }

    [Theory]
    [InlineData(WorkedExampleAdcT, 0x6A00)]
    [InlineData(WorkedExampleAdcT, 0x7F3C)]
    [InlineData(WorkedExampleAdcT, 0x5010)]
    [InlineData(440000, 0x7000)]
    [InlineData(580000, 0x6800)]
    public void The_integer_humidity_agrees_with_the_floating_point_formula_of_appendix_8_1(int adcT, int adcH)
    {
        Bme280Compensation.Temperature(WorkedExample, adcT, out int tFine);
        double integerPercent = Bme280Compensation.Humidity(WorkedExample, adcH, tFine) / 1024.0;
        double floatingPercent = FloatingPointHumidity(WorkedExample, adcH, tFine);
        Assert.InRange(floatingPercent, 1, 99);
        Assert.Equal(floatingPercent, integerPercent, tolerance: 0.01);
    }

    [Fact]
    public void Humidity_is_clamped_to_0_and_100_percent_by_the_formula()
    {
        Bme280Compensation.Temperature(WorkedExample, WorkedExampleAdcT, out int tFine);
        Assert.Equal(0u, Bme280Compensation.Humidity(WorkedExample, 0, tFine));
        Assert.Equal(100u * 1024, Bme280Compensation.Humidity(WorkedExample, 0xFFFF, tFine));
    }

    [Fact]
    public void A_zero_pressure_divisor_gives_zero_pascals_instead_of_dividing_by_zero()
    {
        Bme280Trimming noP1 = WorkedExample with { P1 = 0 };
        Assert.Equal(0u, Bme280Compensation.Pressure(noP1, WorkedExampleAdcP, 128422));
    }

    [Fact]
    public void Dig_H4_and_dig_H5_are_unpacked_from_the_shared_register_0xE5()
    {
        // H2 = 362 (0x016A), H3 = 0, H4 = 313 = 0x139 → 0xE4 = 0x13, 0xE5[3:0] = 0x9; H5 = 50 = 0x032 → 0xE6 = 0x03, 0xE5[7:4] = 0x2.
        byte[] humidity = [0x6A, 0x01, 0x00, 0x13, 0x29, 0x03, 0x1E];
        var trimming = Bme280Trimming.Parse(WorkedExample.TemperaturePressureBytes(), humidity);
        Assert.Equal(362, trimming.H2);
        Assert.Equal(313, trimming.H4);
        Assert.Equal(50, trimming.H5);
        Assert.Equal(30, trimming.H6);
        Assert.Equal(humidity, trimming.HumidityBytes());
    }

    [Fact]
    public void Dig_H4_and_dig_H5_are_12_bit_signed_values()
    {
        // H4 = −5 = 0xFFB → 0xE4 = 0xFF, 0xE5[3:0] = 0xB; H5 = −2048 = 0x800 → 0xE6 = 0x80, 0xE5[7:4] = 0x0.
        byte[] humidity = [0x00, 0x01, 0x00, 0xFF, 0x0B, 0x80, 0xF6];
        var trimming = Bme280Trimming.Parse(new byte[26], humidity);
        Assert.Equal(-5, trimming.H4);
        Assert.Equal(-2048, trimming.H5);
        Assert.Equal(-10, trimming.H6);
        Assert.Equal(humidity, trimming.HumidityBytes());
    }

    [Fact]
    public void The_trimming_bytes_round_trip()
    {
        var parsed = Bme280Trimming.Parse(WorkedExample.TemperaturePressureBytes(), WorkedExample.HumidityBytes());
        Assert.Equal(WorkedExample, parsed);
        Assert.Equal(new byte[] { 0x70, 0x6B }, WorkedExample.TemperaturePressureBytes()[..2]); // dig_T1 = 27504 = 0x6B70, little-endian
    }

    /// <summary>Datasheet §8.1, bme280_compensate_H_double, written independently of the integer version under test.</summary>
    private static double FloatingPointHumidity(Bme280Trimming c, int adcH, int tFine)
    {
        double h = tFine - 76800.0;
        h = (adcH - (c.H4 * 64.0 + c.H5 / 16384.0 * h))
            * (c.H2 / 65536.0 * (1.0 + c.H6 / 67108864.0 * h * (1.0 + c.H3 / 67108864.0 * h)));
        h *= 1.0 - c.H1 * h / 524288.0;
        return Math.Clamp(h, 0.0, 100.0);
    }
}

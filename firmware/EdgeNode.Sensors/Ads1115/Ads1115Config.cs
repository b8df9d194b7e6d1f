namespace EdgeNode.Sensors.Ads1115;

/// <summary>The Config register's fields (datasheet SBAS444 §9.6.3, Table 8) and what they mean in volts and seconds.</summary>
internal static class Ads1115Config
{
    /// <summary>Bit 15: write 1 to start a single conversion; reads 0 while converting, 1 when idle.</summary>
    public const ushort OperationalStatus = 0x8000;

    /// <summary>Bit 8: 1 = single-shot (power-down between conversions), 0 = continuous.</summary>
    public const ushort SingleShotMode = 0x0100;

    /// <summary>COMP_QUE = 11: comparator off, ALERT/RDY high-impedance.</summary>
    public const ushort ComparatorDisabled = 0b11;

    /// <summary>The power-up value: idle, AIN0−AIN1, ±2.048 V, single-shot, 128 SPS, comparator off.</summary>
    public const ushort PowerUp = 0x8583;

    public const ushort PowerUpLowThreshold = 0x8000;

    public const ushort PowerUpHighThreshold = 0x7FFF;

    /// <summary>§9.5.4 Table 3: codes at and beyond ± full scale clip to 0x7FFF and 0x8000.</summary>
    public const short PositiveFullScaleCode = short.MaxValue;

    public const short NegativeFullScaleCode = short.MinValue;

    /// <summary>The config word for one single-shot conversion with the comparator off, without the start bit.</summary>
    public static ushort SingleShot(Ads1115Input input, Ads1115FullScale fullScale, Ads1115DataRate dataRate) =>
        (ushort)(((int)input << 12) | ((int)fullScale << 9) | SingleShotMode | ((int)dataRate << 5) | ComparatorDisabled);

    public static Ads1115Input Input(ushort config) => (Ads1115Input)((config >> 12) & 0b111);

    public static Ads1115DataRate DataRate(ushort config) => (Ads1115DataRate)((config >> 5) & 0b111);

    /// <summary>PGA codes 101, 110 and 111 all mean ±0.256 V.</summary>
    public static double FullScaleVolts(ushort config) => FullScaleVolts((Ads1115FullScale)Math.Min((config >> 9) & 0b111, 0b101));

    public static double FullScaleVolts(Ads1115FullScale fullScale) => fullScale switch
    {
        Ads1115FullScale.PlusMinus6144Millivolts => 6.144,
        Ads1115FullScale.PlusMinus4096Millivolts => 4.096,
        Ads1115FullScale.PlusMinus2048Millivolts => 2.048,
        Ads1115FullScale.PlusMinus1024Millivolts => 1.024,
        Ads1115FullScale.PlusMinus512Millivolts => 0.512,
        _ => 0.256,
    };

    public static int SamplesPerSecond(Ads1115DataRate dataRate) => dataRate switch
    {
        Ads1115DataRate.Sps8 => 8,
        Ads1115DataRate.Sps16 => 16,
        Ads1115DataRate.Sps32 => 32,
        Ads1115DataRate.Sps64 => 64,
        Ads1115DataRate.Sps128 => 128,
        Ads1115DataRate.Sps250 => 250,
        Ads1115DataRate.Sps475 => 475,
        _ => 860,
    };

    /// <summary>The nominal conversion time, 1/DR (§9.3.6).</summary>
    public static TimeSpan ConversionTime(Ads1115DataRate dataRate) => TimeSpan.FromSeconds(1.0 / SamplesPerSecond(dataRate));
}

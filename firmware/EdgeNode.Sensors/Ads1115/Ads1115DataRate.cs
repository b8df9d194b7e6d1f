namespace EdgeNode.Sensors.Ads1115;

/// <summary>
/// The data-rate setting DR[2:0] (datasheet SBAS444 §9.6.3), in samples per second. A conversion lasts 1/DR; the
/// slowest rate averages longest and is the quietest (§9.3.6).
/// </summary>
public enum Ads1115DataRate
{
    Sps8 = 0b000,
    Sps16 = 0b001,
    Sps32 = 0b010,
    Sps64 = 0b011,
    Sps128 = 0b100,
    Sps250 = 0b101,
    Sps475 = 0b110,
    Sps860 = 0b111,
}

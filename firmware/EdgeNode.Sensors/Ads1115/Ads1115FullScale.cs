namespace EdgeNode.Sensors.Ads1115;

/// <summary>
/// The programmable-gain amplifier setting PGA[2:0] (datasheet SBAS444 §9.6.3): the full-scale range. The input
/// itself must still stay within GND − 0.3 V … VDD + 0.3 V whatever the range says.
/// </summary>
public enum Ads1115FullScale
{
    PlusMinus6144Millivolts = 0b000,
    PlusMinus4096Millivolts = 0b001,
    PlusMinus2048Millivolts = 0b010,
    PlusMinus1024Millivolts = 0b011,
    PlusMinus512Millivolts = 0b100,
    PlusMinus256Millivolts = 0b101,
}

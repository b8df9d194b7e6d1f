namespace EdgeNode.Sensors.Ads1115;

/// <summary>The input multiplexer setting MUX[2:0] (datasheet SBAS444 §9.6.3): a pair, or one input against GND.</summary>
public enum Ads1115Input
{
    Ain0MinusAin1 = 0b000,
    Ain0MinusAin3 = 0b001,
    Ain1MinusAin3 = 0b010,
    Ain2MinusAin3 = 0b011,
    Ain0 = 0b100,
    Ain1 = 0b101,
    Ain2 = 0b110,
    Ain3 = 0b111,
}

using EdgeNode.Sensors.Scd4x;

namespace EdgeNode.Sensors.Tests.Scd4x;

public class Scd4xWireFormatTests
{
    [Fact]
    public void The_CRC_of_0xBEEF_is_0x92_as_in_the_datasheet_example()
    {
        Assert.Equal(0x92, Scd4xCrc.Compute(0xBE, 0xEF));
    }

    [Theory]
    [InlineData(0xF896, 0x31)]
    [InlineData(0x9F07, 0xC2)]
    [InlineData(0x3BBE, 0x89)]
    public void The_serial_number_example_words_carry_the_CRCs_printed_in_the_datasheet(int word, int crc)
    {
        Assert.Equal(crc, Scd4xCrc.Compute((byte)(word >> 8), (byte)word));
    }

    [Fact]
    public void The_read_measurement_example_decodes_to_500_ppm_25_degrees_and_37_percent()
    {
        // §3.5.2 example: 0x01F4 0x33, 0x6667 0xA2, 0x5EB9 0x3C.
        byte[] bytes = [0x01, 0xF4, 0x33, 0x66, 0x67, 0xA2, 0x5E, 0xB9, 0x3C];
        ushort[] words = new ushort[3];

        Assert.Equal(-1, Scd4xWords.Decode(bytes, words));
        Assert.Equal(500, words[0]);
        Assert.Equal(25.0, Scd4xProtocol.TemperatureCelsius(words[1]), tolerance: 0.01);
        Assert.Equal(37.0, Scd4xProtocol.RelativeHumidityPercent(words[2]), tolerance: 0.01);
    }

    [Fact]
    public void Encoding_puts_each_word_big_endian_before_its_CRC()
    {
        Assert.Equal(new byte[] { 0xBE, 0xEF, 0x92, 0x01, 0xF4, 0x33 }, Scd4xWords.Encode([0xBEEF, 0x01F4]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Decoding_names_the_first_word_whose_CRC_fails(int corruptWord)
    {
        byte[] bytes = Scd4xWords.Encode([500, 0x6667, 0x5EB9]);
        bytes[corruptWord * 3] ^= 0x80;

        Assert.Equal(corruptWord, Scd4xWords.Decode(bytes, new ushort[3]));
    }

    [Theory]
    [InlineData(-45.0)]
    [InlineData(-10.0)]
    [InlineData(18.5)]
    [InlineData(60.0)]
    [InlineData(130.0)]
    public void Temperature_words_round_trip_within_half_a_step(double celsius)
    {
        Assert.Equal(celsius, Scd4xProtocol.TemperatureCelsius(Scd4xProtocol.TemperatureWord(celsius)), tolerance: 175.0 / 65535 / 2);
    }

    [Fact]
    public void The_extreme_words_are_the_ends_of_the_conversion_formulas()
    {
        Assert.Equal(-45.0, Scd4xProtocol.TemperatureCelsius(0));
        Assert.Equal(130.0, Scd4xProtocol.TemperatureCelsius(0xFFFF));
        Assert.Equal(0.0, Scd4xProtocol.RelativeHumidityPercent(0));
        Assert.Equal(100.0, Scd4xProtocol.RelativeHumidityPercent(0xFFFF));
    }
}

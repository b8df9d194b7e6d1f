using EdgeNode.Sensors.Pms5003;

namespace EdgeNode.Sensors.Tests.Pms5003;

/// <summary>The packets of the PMS5003 series data manual V2.3, byte for byte.</summary>
public class Pms5003FrameCodecTests
{
    /// <summary>
    /// A frame written out by hand from Appendix I: PM1/PM2.5/PM10 = 5/8/9 µg/m³ (CF=1 and atmospheric), counts
    /// 1011, 286, 45, 4, 2, 0 per 0.1 L, data 13 = 0x9700, check word 0x02B6 = the sum of the 30 bytes before it.
    /// </summary>
    internal static readonly byte[] HandMadeFrame = Convert.FromHexString("424D001C00050008000900050008000903F3011E002D000400020000970002B6");

    [Theory]
    [InlineData(Pms5003Command.ChangeMode, Pms5003Protocol.PassiveMode, "424DE100000170")]
    [InlineData(Pms5003Command.ChangeMode, Pms5003Protocol.ActiveMode, "424DE100010171")]
    [InlineData(Pms5003Command.ReadPassive, 0, "424DE200000171")]
    [InlineData(Pms5003Command.SleepOrWake, Pms5003Protocol.Sleep, "424DE400000173")]
    [InlineData(Pms5003Command.SleepOrWake, Pms5003Protocol.Wake, "424DE400010174")]
    internal void Commands_are_the_bytes_appendix_II_prescribes(Pms5003Command command, ushort data, string hex)
    {
        Assert.Equal(Convert.FromHexString(hex), Pms5003FrameCodec.EncodeCommand(command, data));
    }

    [Fact]
    public void A_measurement_frame_is_encoded_as_appendix_I_lays_it_out()
    {
        Assert.Equal(HandMadeFrame, Pms5003FrameCodec.EncodeFrame([5, 8, 9, 5, 8, 9, 1011, 286, 45, 4, 2, 0, 0x9700]));
    }

    [Fact]
    public void Acknowledgements_are_the_eight_bytes_units_send()
    {
        Assert.Equal(Convert.FromHexString("424D0004E1000174"), Pms5003FrameCodec.EncodeAcknowledgement(Pms5003Command.ChangeMode, 0));
        Assert.Equal(Convert.FromHexString("424D0004E4000177"), Pms5003FrameCodec.EncodeAcknowledgement(Pms5003Command.SleepOrWake, 0));
    }

    [Fact]
    public void A_command_with_a_wrong_check_word_is_not_valid()
    {
        byte[] command = Pms5003FrameCodec.EncodeCommand(Pms5003Command.ReadPassive, 0);
        Assert.True(Pms5003FrameCodec.IsValidCommand(command));
        command[6]++;
        Assert.False(Pms5003FrameCodec.IsValidCommand(command));
    }
}

using EdgeNode.Sensors.Sds011;

namespace EdgeNode.Sensors.Tests.Sds011;

/// <summary>The packets of Laser Dust Sensor Control Protocol V1.3's worked examples, byte for byte.</summary>
public class Sds011FrameCodecTests
{
    [Fact]
    public void The_query_data_command_is_the_protocols_example()
    {
        // §3.2: "AA B4 04 00 00 00 00 00 00 00 00 00 00 00 00 FF FF 02 AB".
        Assert.Equal(Convert.FromHexString("AAB404000000000000000000000000FFFF02AB"), Sds011FrameCodec.EncodeCommand(Sds011Command.QueryData, []));
    }

    [Fact]
    public void The_set_query_reporting_command_is_the_protocols_example()
    {
        // §3.1: "AA B4 02 01 01 00 00 00 00 00 00 00 00 00 00 FF FF 02 AB".
        Assert.Equal(Convert.FromHexString("AAB402010100000000000000000000FFFF02AB"),
            Sds011FrameCodec.EncodeCommand(Sds011Command.ReportingMode, [Sds011Protocol.Set, Sds011Protocol.QueryReporting]));
    }

    [Fact]
    public void The_sleep_and_work_commands_are_the_protocols_examples()
    {
        // §3.4: sleep "… 06 01 00 … FF FF 05 AB", work "… 06 01 01 … FF FF 06 AB".
        Assert.Equal(Convert.FromHexString("AAB406010000000000000000000000FFFF05AB"),
            Sds011FrameCodec.EncodeCommand(Sds011Command.SleepAndWork, [Sds011Protocol.Set, Sds011Protocol.Sleep]));
        Assert.Equal(Convert.FromHexString("AAB406010100000000000000000000FFFF06AB"),
            Sds011FrameCodec.EncodeCommand(Sds011Command.SleepAndWork, [Sds011Protocol.Set, Sds011Protocol.Work]));
    }

    [Fact]
    public void A_command_addressed_to_one_sensor_carries_its_id_before_the_checksum()
    {
        // §3.2: query to the sensor with id A160: "… A1 60 05 AB".
        Assert.Equal(Convert.FromHexString("AAB404000000000000000000000000A16005AB"), Sds011FrameCodec.EncodeCommand(Sds011Command.QueryData, [], 0xA160));
    }

    [Fact]
    public void The_measurement_frame_is_the_protocols_example()
    {
        // §3.2: sensor A160 answers "AA C0 D4 04 3A 0A A1 60 1D AB": PM2.5 = 0x04D4 / 10 = 123.6, PM10 = 0x0A3A / 10 = 261.8.
        Assert.Equal(Convert.FromHexString("AAC0D4043A0AA1601DAB"), Sds011FrameCodec.Encode(Sds011Frame.Measurement(1236, 2618, 0xA160)));
    }

    [Fact]
    public void The_replies_are_the_protocols_examples()
    {
        // §3.1: "AA C5 02 01 01 00 A1 60 05 AB"; §3.4: "AA C5 06 01 00 00 A1 60 08 AB".
        Assert.Equal(Convert.FromHexString("AAC502010100A16005AB"), Sds011FrameCodec.Encode(Sds011Frame.Reply(Sds011Command.ReportingMode, 1, 1, 0, 0xA160)));
        Assert.Equal(Convert.FromHexString("AAC506010000A16008AB"), Sds011FrameCodec.Encode(Sds011Frame.Reply(Sds011Command.SleepAndWork, 1, 0, 0, 0xA160)));
    }

    [Fact]
    public void A_command_with_a_wrong_checksum_is_not_valid()
    {
        byte[] command = Sds011FrameCodec.EncodeCommand(Sds011Command.QueryData, []);
        Assert.True(Sds011FrameCodec.IsValidCommand(command));
        command[17]++;
        Assert.False(Sds011FrameCodec.IsValidCommand(command));
    }
}

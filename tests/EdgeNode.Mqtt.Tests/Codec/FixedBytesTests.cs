using EdgeNode.Mqtt.Packets;
using static EdgeNode.Mqtt.Tests.Codec.Bytes;

namespace EdgeNode.Mqtt.Tests.Codec;

/// <summary>Each packet against bytes worked out by hand from the MQTT 3.1.1 figures (chapter 3).</summary>
public sealed class FixedBytesTests
{
    [Fact]
    public void Connect_with_will_user_name_and_password()
    {
        var packet = new ConnectPacket("c1", CleanSession: true, KeepAliveSeconds: 60,
            new MqttApplicationMessage("w/t", "bye"u8.ToArray(), MqttQualityOfService.AtLeastOnce, Retain: true), "u", "p");
        // 3.1.2: protocol name "MQTT", level 4, flags user|password|will retain|will QoS 1|will|clean = 0xEE,
        // keep-alive 60; payload: client id, will topic, will message, user name, password (3.1.3).
        Assert.Equal(
            "101E" + "00044D515454" + "04" + "EE" + "003C" + "00026331" + "0003772F74" + "0003627965" + "000175" + "000170",
            ToHex(Encode(packet)));
    }

    [Fact]
    public void Connect_minimal_persistent_session_without_keep_alive()
    {
        var packet = new ConnectPacket("a", CleanSession: false, KeepAliveSeconds: 0, null, null, null);
        Assert.Equal("100D00044D5154540400000000016" + "1", ToHex(Encode(packet)));
    }

    [Fact]
    public async Task ConnAck_session_present_and_refusals()
    {
        Assert.Equal(new ConnAckPacket(true, ConnectReturnCode.Accepted), await DecodeAsync(Hex("20020100")));
        Assert.Equal(new ConnAckPacket(false, ConnectReturnCode.BadUserNameOrPassword), await DecodeAsync(Hex("20020004")));
        Assert.Equal(new ConnAckPacket(false, ConnectReturnCode.NotAuthorized), await DecodeAsync(Hex("20020005")));
        Assert.Equal("20020100", ToHex(Encode(new ConnAckPacket(true, ConnectReturnCode.Accepted))));
    }

    [Fact]
    public async Task Publish_qos0_has_no_packet_id()
    {
        var packet = new PublishPacket("a/b", "hi"u8.ToArray(), MqttQualityOfService.AtMostOnce, false, false, 0);
        var wire = Encode(packet);
        Assert.Equal("3007" + "0003612F62" + "6869", ToHex(wire));
        var decoded = Assert.IsType<PublishPacket>(await DecodeAsync(wire));
        Assert.Equal(("a/b", "hi", MqttQualityOfService.AtMostOnce, false, false, (ushort)0),
            (decoded.Topic, System.Text.Encoding.UTF8.GetString(decoded.Payload.Span), decoded.QualityOfService, decoded.Retain, decoded.Duplicate, decoded.PacketId));
    }

    [Fact]
    public async Task Publish_qos1_with_dup_and_retain()
    {
        var packet = new PublishPacket("a/b", "hi"u8.ToArray(), MqttQualityOfService.AtLeastOnce, Retain: true, Duplicate: true, PacketId: 10);
        var wire = Encode(packet);
        // Flags: DUP 0x08 | QoS 1 0x02 | RETAIN 0x01 (3.3.1).
        Assert.Equal("3B09" + "0003612F62" + "000A" + "6869", ToHex(wire));
        var decoded = Assert.IsType<PublishPacket>(await DecodeAsync(wire));
        Assert.True(decoded.Duplicate);
        Assert.True(decoded.Retain);
        Assert.Equal(MqttQualityOfService.AtLeastOnce, decoded.QualityOfService);
        Assert.Equal(10, decoded.PacketId);
        Assert.Equal("hi"u8.ToArray(), decoded.Payload.ToArray());
    }

    [Fact]
    public async Task PubAck()
    {
        Assert.Equal("4002000A", ToHex(Encode(new PubAckPacket(10))));
        Assert.Equal(new PubAckPacket(10), await DecodeAsync(Hex("4002000A")));
    }

    [Fact]
    public async Task Subscribe_and_SubAck()
    {
        var subscribe = new SubscribePacket(1, [new MqttSubscription("a/#", MqttQualityOfService.AtLeastOnce), new MqttSubscription("b", MqttQualityOfService.AtMostOnce)]);
        // Reserved flags 0010 [MQTT-3.8.1-1]; each filter followed by its requested QoS byte.
        Assert.Equal("820C" + "0001" + "0003612F2301" + "00016200", ToHex(Encode(subscribe)));
        var subAck = Assert.IsType<SubAckPacket>(await DecodeAsync(Hex("9004000101" + "80")));
        Assert.Equal(1, subAck.PacketId);
        Assert.Equal(new byte[] { 0x01, 0x80 }, subAck.ReturnCodes);
    }

    [Fact]
    public async Task Unsubscribe_and_UnsubAck()
    {
        Assert.Equal("A207" + "0002" + "0003612F23", ToHex(Encode(new UnsubscribePacket(2, ["a/#"]))));
        Assert.Equal(new UnsubAckPacket(2), await DecodeAsync(Hex("B0020002")));
    }

    [Fact]
    public async Task Ping_and_Disconnect()
    {
        Assert.Equal("C000", ToHex(Encode(PingReqPacket.Instance)));
        Assert.Same(PingRespPacket.Instance, await DecodeAsync(Hex("D000")));
        Assert.Equal("E000", ToHex(Encode(DisconnectPacket.Instance)));
    }
}

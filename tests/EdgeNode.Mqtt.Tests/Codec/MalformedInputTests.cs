using static EdgeNode.Mqtt.Tests.Codec.Bytes;

namespace EdgeNode.Mqtt.Tests.Codec;

/// <summary>Every malformed input raises the one violation type, naming the clause it breaks.</summary>
public sealed class MalformedInputTests
{
    [Theory]
    // Remaining Length with a fifth byte (2.2.3, Table 2.4).
    [InlineData("30FFFFFFFF01", "[MQTT-2.2.3]")]
    // Reserved flags not as Table 2.2 says.
    [InlineData("4102000A", "[MQTT-2.2.2-2]")]
    [InlineData("21020000", "[MQTT-2.2.2-2]")]
    [InlineData("9203000100", "[MQTT-2.2.2-2]")]
    [InlineData("B1020001", "[MQTT-2.2.2-2]")]
    [InlineData("D100", "[MQTT-2.2.2-2]")]
    // PUBLISH QoS bits both set; DUP on QoS 0.
    [InlineData("360500017800" + "01", "[MQTT-3.3.1-4]")]
    [InlineData("3803000178", "[MQTT-3.3.1-2]")]
    // Truncated: the topic length says 5 but only 1 byte follows; PUBLISH QoS 1 without its packet id.
    [InlineData("3003000561", "[MQTT-2.2.3]")]
    [InlineData("3203000161", "[MQTT-2.2.3]")]
    [InlineData("400100", "[MQTT-3.4.1]")]
    // Ill-formed UTF-8 (C3 28: bad continuation; ED A0 80: an encoded surrogate) and U+0000.
    [InlineData("30040002C328", "[MQTT-1.5.3-1]")]
    [InlineData("30050003EDA080", "[MQTT-1.5.3-1]")]
    [InlineData("300400026100", "[MQTT-1.5.3-2]")]
    // Wildcards and emptiness in a topic name.
    [InlineData("30050003612F2B", "[MQTT-3.3.2-2]")]
    [InlineData("3003000123", "[MQTT-3.3.2-2]")]
    [InlineData("30020000", "[MQTT-4.7.3-1]")]
    // Packet id 0.
    [InlineData("3205000161" + "0000", "[MQTT-2.3.1-1]")]
    [InlineData("40020000", "[MQTT-2.3.1-1]")]
    [InlineData("900300000" + "1", "[MQTT-2.3.1-1]")]
    // Packets a server never sends a client, and reserved types.
    [InlineData("100C00044D5154540402003C0000", "[MQTT-4.8.0-1]")]
    [InlineData("82060001000161" + "00", "[MQTT-4.8.0-1]")]
    [InlineData("A20500010001" + "61", "[MQTT-4.8.0-1]")]
    [InlineData("C000", "[MQTT-4.8.0-1]")]
    [InlineData("E000", "[MQTT-4.8.0-1]")]
    [InlineData("0000", "[MQTT-2.2.1]")]
    [InlineData("F000", "[MQTT-2.2.1]")]
    // QoS 2, which we never asked for.
    [InlineData("340500016100" + "01", "[MQTT-4.8.0-1]")]
    [InlineData("50020001", "[MQTT-4.8.0-1]")]
    // CONNACK: reserved return code, session present with a refusal, reserved acknowledge bits.
    [InlineData("20020006", "[MQTT-3.2.2.3]")]
    [InlineData("20020105", "[MQTT-3.2.2-4]")]
    [InlineData("20020200", "[MQTT-3.2.2.1]")]
    // SUBACK with a reserved return code, or none at all.
    [InlineData("9003000103", "[MQTT-3.9.3-2]")]
    [InlineData("90020001", "[MQTT-3.9.3-1]")]
    // PINGRESP with a body.
    [InlineData("D00100", "[MQTT-3.13.1]")]
    public async Task Raises_the_violation_naming_the_clause(string hex, string clause)
    {
        var violation = await Assert.ThrowsAsync<MqttProtocolViolationException>(() => DecodeAsync(Hex(hex)));
        Assert.Equal(clause, violation.Clause);
        Assert.Contains(clause, violation.Message);
    }

    [Fact]
    public async Task An_oversized_packet_is_refused_from_its_length_alone_before_the_body_is_read()
    {
        // Claims a 2 MB body and supplies none: had the reader tried to allocate and read it, the stream
        // would have ended (EndOfStreamException) instead of this violation.
        var violation = await Assert.ThrowsAsync<MqttProtocolViolationException>(() => DecodeAsync(Hex("3080808001"), maximumPacketBytes: 1 << 20));
        Assert.Equal("[MQTT-2.2.3]", violation.Clause);
        Assert.Contains("MaximumIncomingPacketBytes", violation.Message);
    }

    [Fact]
    public async Task A_leading_byte_order_mark_is_kept_as_a_character()
    {
        // [MQTT-1.5.3-3]: EF BB BF is U+FEFF and must not be stripped.
        var publish = Assert.IsType<EdgeNode.Mqtt.Packets.PublishPacket>(await DecodeAsync(Hex("30060004EFBBBF61")));
        Assert.Equal("\uFEFFa", publish.Topic);
    }
}

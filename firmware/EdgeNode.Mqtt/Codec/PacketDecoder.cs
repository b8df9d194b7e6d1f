using EdgeNode.Mqtt.Packets;

namespace EdgeNode.Mqtt.Codec;

/// <summary>
/// Bytes a server sent to us, to a packet. Everything not allowed in that direction is a violation:
/// this is where the client's strictness lives.
/// </summary>
internal static class PacketDecoder
{
    public static MqttPacket Decode(byte fixedHeader, ReadOnlySpan<byte> body)
    {
        var typeNumber = fixedHeader >> 4;
        var flags = fixedHeader & 0x0F;
        var type = (MqttPacketType)typeNumber;
        switch (typeNumber)
        {
            case 0 or 15:
                throw new MqttProtocolViolationException("[MQTT-2.2.1]", $"Packet type {typeNumber} is reserved (Table 2.1).");
            case (int)MqttPacketType.Connect or (int)MqttPacketType.Subscribe or (int)MqttPacketType.Unsubscribe
                or (int)MqttPacketType.PingReq or (int)MqttPacketType.Disconnect:
                throw new MqttProtocolViolationException("[MQTT-4.8.0-1]", $"The broker sent {type}, which only a client may send (Table 2.1).");
            case (int)MqttPacketType.PubRec or (int)MqttPacketType.PubRel or (int)MqttPacketType.PubComp:
                // These belong to the QoS 2 flow, which this client never starts nor accepts.
                throw new MqttProtocolViolationException("[MQTT-4.8.0-1]", $"The broker sent {type}, a QoS 2 packet, though this client never uses QoS 2.");
        }

        var reader = new PacketBodyReader(body, type);
        MqttPacket packet = type switch
        {
            MqttPacketType.ConnAck => ConnAck(flags, body.Length, ref reader),
            MqttPacketType.Publish => Publish(flags, ref reader),
            MqttPacketType.PubAck => PacketIdOnly(type, flags, body.Length, ref reader, id => new PubAckPacket(id)),
            MqttPacketType.SubAck => SubAck(flags, ref reader),
            MqttPacketType.UnsubAck => PacketIdOnly(type, flags, body.Length, ref reader, id => new UnsubAckPacket(id)),
            MqttPacketType.PingResp => PingResp(flags, body.Length),
            _ => throw new MqttProtocolViolationException("[MQTT-2.2.1]", $"Unknown packet type {typeNumber}."),
        };
        return packet;
    }

    private static void RequireFlags(MqttPacketType type, int flags, int expected)
    {
        if (flags != expected)
            throw new MqttProtocolViolationException("[MQTT-2.2.2-2]", $"{type} has fixed-header flags 0x{flags:X}; Table 2.2 requires 0x{expected:X}.");
    }

    private static void RequireLength(MqttPacketType type, int length, int expected, string section)
    {
        if (length != expected)
            throw new MqttProtocolViolationException($"[MQTT-{section}]", $"{type} has Remaining Length {length}; it must be {expected}.");
    }

    private static ConnAckPacket ConnAck(int flags, int length, ref PacketBodyReader reader)
    {
        RequireFlags(MqttPacketType.ConnAck, flags, 0);
        RequireLength(MqttPacketType.ConnAck, length, 2, "3.2.1");
        var acknowledgeFlags = reader.ReadByte("acknowledge flags");
        if ((acknowledgeFlags & 0xFE) != 0)
            throw new MqttProtocolViolationException("[MQTT-3.2.2.1]", $"CONNACK acknowledge flags 0x{acknowledgeFlags:X2} set reserved bits 7-1.");
        var code = reader.ReadByte("return code");
        if (code > (byte)ConnectReturnCode.NotAuthorized)
            throw new MqttProtocolViolationException("[MQTT-3.2.2.3]", $"CONNACK return code {code} is reserved (Table 3.1).");
        var sessionPresent = (acknowledgeFlags & 1) == 1;
        if (sessionPresent && code != 0)
            throw new MqttProtocolViolationException("[MQTT-3.2.2-4]", "CONNACK refuses the connection yet says a session is present.");
        return new ConnAckPacket(sessionPresent, (ConnectReturnCode)code);
    }

    private static PublishPacket Publish(int flags, ref PacketBodyReader reader)
    {
        var duplicate = (flags & 0x08) != 0;
        var qos = (flags >> 1) & 0x03;
        var retain = (flags & 0x01) != 0;
        if (qos == 3)
            throw new MqttProtocolViolationException("[MQTT-3.3.1-4]", "PUBLISH has both QoS bits set.");
        if (qos == 2)
            throw new MqttProtocolViolationException("[MQTT-4.8.0-1]", "PUBLISH arrived with QoS 2 though every subscription asked for at most QoS 1 (3.8.4).");
        if (qos == 0 && duplicate)
            throw new MqttProtocolViolationException("[MQTT-3.3.1-2]", "PUBLISH with QoS 0 has DUP set.");

        var topic = reader.ReadString("topic name");
        TopicRules.CheckReceivedTopicName(topic);
        ushort packetId = 0;
        if (qos > 0)
        {
            packetId = reader.ReadUInt16("packet identifier");
            if (packetId == 0)
                throw new MqttProtocolViolationException("[MQTT-2.3.1-1]", "PUBLISH with QoS 1 has packet identifier 0.");
        }
        // Copied: the frame buffer is not ours to keep, and the handler may hold on to the payload.
        var payload = reader.ReadRest().ToArray();
        return new PublishPacket(topic, payload, (MqttQualityOfService)qos, retain, duplicate, packetId);
    }

    private static T PacketIdOnly<T>(MqttPacketType type, int flags, int length, ref PacketBodyReader reader, Func<ushort, T> create)
    {
        RequireFlags(type, flags, 0);
        RequireLength(type, length, 2, type == MqttPacketType.PubAck ? "3.4.1" : "3.11.1");
        var packetId = reader.ReadUInt16("packet identifier");
        if (packetId == 0)
            throw new MqttProtocolViolationException("[MQTT-2.3.1-1]", $"{type} has packet identifier 0.");
        return create(packetId);
    }

    private static SubAckPacket SubAck(int flags, ref PacketBodyReader reader)
    {
        RequireFlags(MqttPacketType.SubAck, flags, 0);
        var packetId = reader.ReadUInt16("packet identifier");
        if (packetId == 0)
            throw new MqttProtocolViolationException("[MQTT-2.3.1-1]", "SUBACK has packet identifier 0.");
        var codes = reader.ReadRest().ToArray();
        if (codes.Length == 0)
            throw new MqttProtocolViolationException("[MQTT-3.9.3-1]", "SUBACK carries no return code.");
        foreach (var code in codes)
        {
            if (code is not (0x00 or 0x01 or 0x02 or SubAckPacket.Failure))
                throw new MqttProtocolViolationException("[MQTT-3.9.3-2]", $"SUBACK return code 0x{code:X2} is reserved.");
        }
        return new SubAckPacket(packetId, codes);
    }

    private static PingRespPacket PingResp(int flags, int length)
    {
        RequireFlags(MqttPacketType.PingResp, flags, 0);
        RequireLength(MqttPacketType.PingResp, length, 0, "3.13.1");
        return PingRespPacket.Instance;
    }
}

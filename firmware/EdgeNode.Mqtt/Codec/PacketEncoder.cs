using System.Text;
using EdgeNode.Mqtt.Packets;

namespace EdgeNode.Mqtt.Codec;

/// <summary>
/// Packet to bytes. Besides what a client sends, it can also write the server's packets (CONNACK, SUBACK,
/// ...) so that tests can play a misbehaving broker without a second codec.
/// </summary>
internal static class PacketEncoder
{
    private static readonly byte[] ProtocolName = "MQTT"u8.ToArray();
    private const byte ProtocolLevel = 4; // 3.1.2.2: 4 means 3.1.1.

    public static ReadOnlyMemory<byte> Encode(MqttPacket packet, MqttPacketBuffer buffer)
    {
        buffer.Reset();
        var header = packet switch
        {
            ConnectPacket connect => Connect(connect, buffer),
            ConnAckPacket connAck => ConnAck(connAck, buffer),
            PublishPacket publish => Publish(publish, buffer),
            PubAckPacket pubAck => WithPacketId(MqttPacketType.PubAck, 0, pubAck.PacketId, buffer),
            SubscribePacket subscribe => Subscribe(subscribe, buffer),
            SubAckPacket subAck => SubAck(subAck, buffer),
            UnsubscribePacket unsubscribe => Unsubscribe(unsubscribe, buffer),
            UnsubAckPacket unsubAck => WithPacketId(MqttPacketType.UnsubAck, 0, unsubAck.PacketId, buffer),
            PingReqPacket => Header(MqttPacketType.PingReq, 0),
            PingRespPacket => Header(MqttPacketType.PingResp, 0),
            DisconnectPacket => Header(MqttPacketType.Disconnect, 0),
            _ => throw new ArgumentException($"No encoder for {packet.GetType().Name}.", nameof(packet)),
        };
        return buffer.Complete(header);
    }

    private static byte Header(MqttPacketType type, int flags) => (byte)(((int)type << 4) | flags);

    private static byte Connect(ConnectPacket packet, MqttPacketBuffer buffer)
    {
        buffer.WriteBinary(ProtocolName);
        buffer.WriteByte(ProtocolLevel);

        // Connect flags, 3.1.2.3; bit 0 is reserved and stays 0 [MQTT-3.1.2-3].
        var flags = 0;
        if (packet.CleanSession) flags |= 0x02;
        if (packet.Will is { } will)
        {
            flags |= 0x04 | ((int)will.QualityOfService << 3);
            if (will.Retain) flags |= 0x20;
        }
        // Without a will, will QoS and will retain stay 0 [MQTT-3.1.2-13], [MQTT-3.1.2-15].
        if (packet.Password is not null) flags |= 0x40;
        if (packet.Username is not null) flags |= 0x80;
        if (packet.Password is not null && packet.Username is null)
            throw new ArgumentException("A password needs a user name [MQTT-3.1.2-22].");
        buffer.WriteByte((byte)flags);
        buffer.WriteUInt16(packet.KeepAliveSeconds);

        // Payload order is fixed: client id, will topic, will message, user name, password [MQTT-3.1.3-1].
        buffer.WriteString(packet.ClientId, "client id");
        if (packet.Will is { } w)
        {
            buffer.WriteString(w.Topic, "will topic");
            buffer.WriteBinary(w.Payload.Span);
        }
        if (packet.Username is not null)
            buffer.WriteString(packet.Username, "user name");
        if (packet.Password is not null)
            buffer.WriteBinary(Encoding.UTF8.GetBytes(packet.Password));
        return Header(MqttPacketType.Connect, 0);
    }

    private static byte ConnAck(ConnAckPacket packet, MqttPacketBuffer buffer)
    {
        buffer.WriteByte(packet.SessionPresent ? (byte)1 : (byte)0);
        buffer.WriteByte((byte)packet.ReturnCode);
        return Header(MqttPacketType.ConnAck, 0);
    }

    private static byte Publish(PublishPacket packet, MqttPacketBuffer buffer)
    {
        var qos = (int)packet.QualityOfService;
        if (qos == 0 && packet.Duplicate)
            throw new ArgumentException("DUP must be 0 on a QoS 0 PUBLISH [MQTT-3.3.1-2].");
        if (qos > 0 && packet.PacketId == 0)
            throw new ArgumentException("A QoS 1 PUBLISH needs a non-zero packet id [MQTT-2.3.1-1].");
        buffer.WriteString(packet.Topic, "topic");
        if (qos > 0)
            buffer.WriteUInt16(packet.PacketId); // none at QoS 0 [MQTT-2.3.1-5]
        buffer.WriteBytes(packet.Payload.Span);
        var flags = (packet.Duplicate ? 0x08 : 0) | (qos << 1) | (packet.Retain ? 0x01 : 0);
        return Header(MqttPacketType.Publish, flags);
    }

    private static byte WithPacketId(MqttPacketType type, int flags, ushort packetId, MqttPacketBuffer buffer)
    {
        buffer.WriteUInt16(packetId);
        return Header(type, flags);
    }

    private static byte Subscribe(SubscribePacket packet, MqttPacketBuffer buffer)
    {
        if (packet.Subscriptions.Count == 0)
            throw new ArgumentException("A SUBSCRIBE carries at least one filter [MQTT-3.8.3-3].");
        buffer.WriteUInt16(packet.PacketId);
        foreach (var subscription in packet.Subscriptions)
        {
            buffer.WriteString(subscription.TopicFilter, "topic filter");
            buffer.WriteByte((byte)subscription.MaximumQualityOfService);
        }
        return Header(MqttPacketType.Subscribe, 0b0010); // reserved bits 0010 [MQTT-3.8.1-1]
    }

    private static byte SubAck(SubAckPacket packet, MqttPacketBuffer buffer)
    {
        buffer.WriteUInt16(packet.PacketId);
        foreach (var code in packet.ReturnCodes)
            buffer.WriteByte(code);
        return Header(MqttPacketType.SubAck, 0);
    }

    private static byte Unsubscribe(UnsubscribePacket packet, MqttPacketBuffer buffer)
    {
        if (packet.TopicFilters.Count == 0)
            throw new ArgumentException("An UNSUBSCRIBE carries at least one filter [MQTT-3.10.3-2].");
        buffer.WriteUInt16(packet.PacketId);
        foreach (var filter in packet.TopicFilters)
            buffer.WriteString(filter, "topic filter");
        return Header(MqttPacketType.Unsubscribe, 0b0010); // reserved bits 0010 [MQTT-3.10.1-1]
    }
}

using EdgeNode.Mqtt.Packets;

namespace EdgeNode.Mqtt.Codec;

/// <summary>
/// The codec, as two methods: a packet to bytes, and a received fixed header plus body to a packet.
/// Decoding is strict and client-side: it accepts only what a server may send a client, and any
/// deviation raises <see cref="MqttProtocolViolationException"/> naming the clause.
/// Framing (reading the Remaining Length off the stream) is <see cref="MqttFrameReader"/>'s job.
/// </summary>
internal sealed class MqttPacketFormatter
{
    /// <summary>The returned bytes live in <paramref name="buffer"/> and are valid until it is reused.</summary>
    public ReadOnlyMemory<byte> Encode(MqttPacket packet, MqttPacketBuffer buffer) => PacketEncoder.Encode(packet, buffer);

    public MqttPacket Decode(byte fixedHeader, ReadOnlySpan<byte> body) => PacketDecoder.Decode(fixedHeader, body);
}

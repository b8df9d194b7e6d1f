using EdgeNode.Mqtt.Codec;
using EdgeNode.Mqtt.Packets;

namespace EdgeNode.Mqtt.Tests.Codec;

/// <summary>Hex in, packets out, through the same framing and decoding the connection uses.</summary>
internal static class Bytes
{
    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", ""));

    public static string ToHex(ReadOnlyMemory<byte> bytes) => Convert.ToHexString(bytes.Span);

    public static byte[] Encode(MqttPacket packet) => new MqttPacketFormatter().Encode(packet, new MqttPacketBuffer()).ToArray();

    public static async Task<MqttPacket> DecodeAsync(byte[] wire, int maximumPacketBytes = 1 << 20)
    {
        var reader = new MqttFrameReader(new MemoryStream(wire), maximumPacketBytes);
        var frame = await reader.ReadAsync(CancellationToken.None) ?? throw new EndOfStreamException("no packet");
        return new MqttPacketFormatter().Decode(frame.FixedHeader, frame.Body);
    }
}

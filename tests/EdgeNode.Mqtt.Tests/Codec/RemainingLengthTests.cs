using EdgeNode.Mqtt.Codec;
using EdgeNode.Mqtt.Packets;

namespace EdgeNode.Mqtt.Tests.Codec;

public sealed class RemainingLengthTests
{
    // Table 2.4 - Size of Remaining Length field: the edges of each byte count.
    [Theory]
    [InlineData(0, "00")]
    [InlineData(127, "7F")]
    [InlineData(128, "8001")]
    [InlineData(16_383, "FF7F")]
    [InlineData(16_384, "808001")]
    [InlineData(2_097_151, "FFFF7F")]
    [InlineData(2_097_152, "80808001")]
    [InlineData(268_435_455, "FFFFFF7F")]
    public void Encodes_and_decodes_the_table_boundaries(int value, string hex)
    {
        Span<byte> encoded = stackalloc byte[4];
        var count = RemainingLength.Encode(value, encoded);
        Assert.Equal(hex, Convert.ToHexString(encoded[..count]));
        Assert.Equal(count, RemainingLength.EncodedSize(value));

        var decoded = 0;
        var complete = false;
        for (var i = 0; i < count && !complete; i++)
            complete = RemainingLength.Accumulate(encoded[i], i, ref decoded);
        Assert.True(complete);
        Assert.Equal(value, decoded);
    }

    [Theory]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(16_383)]
    [InlineData(16_384)]
    [InlineData(2_097_151)]
    [InlineData(2_097_152)]
    public async Task A_publish_whose_body_is_exactly_that_long_round_trips(int bodyLength)
    {
        // Body = topic "t" (2 + 1 bytes) + payload.
        var payload = new byte[bodyLength - 3];
        new Random(bodyLength).NextBytes(payload);
        var wire = Bytes.Encode(new PublishPacket("t", payload, MqttQualityOfService.AtMostOnce, false, false, 0));
        Assert.Equal(1 + RemainingLength.EncodedSize(bodyLength) + bodyLength, wire.Length);
        var decoded = Assert.IsType<PublishPacket>(await Bytes.DecodeAsync(wire, maximumPacketBytes: 4 << 20));
        Assert.Equal(payload, decoded.Payload.ToArray());
    }

    [Fact]
    public void Values_past_the_four_byte_maximum_are_refused_when_encoding()
    {
        Span<byte> encoded = stackalloc byte[4];
        try
        {
            RemainingLength.Encode(268_435_456, encoded);
            Assert.Fail("268,435,456 does not fit in four bytes");
        }
        catch (ArgumentOutOfRangeException)
        {
        }
    }
}

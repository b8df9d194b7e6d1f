using System.IO.Compression;
using EdgeNode.Protocol.Catalogue;
using EdgeNode.Protocol.Codec;
using EdgeNode.Protocol.Messages;

namespace EdgeNode.Protocol.Tests;

/// <summary>
/// A refused Batch or Alert still names its sender and id when those two opening fields are readable, so the fleet can
/// answer Rejected; when they are not, nothing is guessed.
/// </summary>
public sealed class MessageOriginTests
{
    private static readonly MessageOrigin Expected = new("mairie-12", 17);

    [Fact]
    public void A_batch_refused_for_a_value_out_of_range_names_its_node_and_batch()
    {
        WireWindow window = SampleMessages.Window(SampleMessages.Midnight) with
        {
            Sensors = [new WireSensorWindow("sds011", 1, [new(MetricCatalogue.Pm25, 3, 2_500, 2_400, 2_600, 2_500)], 0, null)],
        };
        byte[] payload = EdgeCodec.Encode(SampleMessages.Batch(0) with { Windows = [window] });
        Assert.Throws<PayloadRejectedException>(() => EdgeCodec.DecodeBatch(payload));

        Assert.Equal(Expected, EdgeCodec.ReadOrigin(payload));
    }

    [Fact]
    public void A_compressed_batch_cut_before_its_trailer_names_its_node_and_batch()
    {
        byte[] plain = Plain(EdgeCodec.Encode(SampleMessages.Batch()));
        byte[] cut = Deflated(plain[3..^3]);
        Assert.Throws<PayloadRejectedException>(() => EdgeCodec.DecodeBatch(cut));

        Assert.Equal(Expected, EdgeCodec.ReadOrigin(cut));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(SchemaVersion.Current + 1)]
    public void A_batch_of_a_schema_version_not_read_still_names_its_node_and_batch(byte version)
    {
        byte[] payload = EdgeCodec.Encode(SampleMessages.Batch());
        payload[0] = version;
        Assert.Throws<PayloadRejectedException>(() => EdgeCodec.DecodeBatch(payload));

        Assert.Equal(Expected, EdgeCodec.ReadOrigin(payload));
    }

    [Fact]
    public void A_batch_with_the_wrong_kind_byte_still_names_its_node_and_batch()
    {
        byte[] payload = EdgeCodec.Encode(SampleMessages.Batch());
        payload[1] = (byte)MessageKind.Health;

        Assert.Equal(Expected, EdgeCodec.ReadOrigin(payload));
    }

    [Fact]
    public void An_alert_names_its_node_and_alert_id()
    {
        var alert = new AlertMessage("mairie-12", 31, MetricCatalogue.Pm25, WireBand.Poor, true, 52.4, 50, 3600, SampleMessages.Midnight);

        Assert.Equal(new MessageOrigin("mairie-12", 31), EdgeCodec.ReadOrigin(EdgeCodec.Encode(alert)));
    }

    public static TheoryData<byte[]> Unattributable => new()
    {
        Array.Empty<byte>(),
        new byte[] { 1, 1 },
        new byte[] { 1, 1, 7, 9, 109, 97, 105, 114, 105, 101, 45, 49, 50, 17 },
        new byte[] { 1, 1, 0, 9, 109, 97, 105, 114, 105, 101 },
        new byte[] { 1, 1, 0, 9, 77, 65, 73, 82, 73, 69, 45, 49, 50, 17 },
        new byte[] { 1, 1, 1, 0xFF, 0xFF, 0xFF, 0xFF },
        new byte[PayloadLimits.MaximumPayloadBytes + 1],
    };

    [Theory]
    [MemberData(nameof(Unattributable))]
    public void Nothing_is_guessed_when_the_node_id_and_id_cannot_be_read(byte[] payload) => Assert.Null(EdgeCodec.ReadOrigin(payload));

    private static byte[] Plain(byte[] payload)
    {
        if (payload[2] == 0)
        {
            return payload;
        }
        using var input = new MemoryStream(payload, 3, payload.Length - 3);
        using var deflate = new DeflateStream(input, CompressionMode.Decompress);
        using var plain = new MemoryStream();
        plain.Write(payload, 0, 2);
        plain.WriteByte(0);
        deflate.CopyTo(plain);
        return plain.ToArray();
    }

    private static byte[] Deflated(byte[] body)
    {
        using var output = new MemoryStream();
        output.Write([SchemaVersion.Current, (byte)MessageKind.Batch, 1]);
        using (var deflate = new DeflateStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(body);
        }
        return output.ToArray();
    }
}

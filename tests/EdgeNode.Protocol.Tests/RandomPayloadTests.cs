using EdgeNode.Protocol.Codec;
using FsCheck;
using FsCheck.Fluent;

namespace EdgeNode.Protocol.Tests;

/// <summary>The fleet decodes whatever a broker hands it: nothing but <see cref="PayloadRejectedException"/> may come out.</summary>
public sealed class RandomPayloadTests
{
    private static readonly Gen<byte> AnyByte = Gen.Choose(0, 255).Select(i => (byte)i);

    [Fact]
    public void Random_bytes_after_a_valid_header_are_decoded_or_rejected_never_crash()
    {
        foreach (byte kind in new byte[] { 1, 2, 3, 4, 5, 6, 7 })
        {
            Prop.ForAll(Gen.ArrayOf(AnyByte).ToArbitrary(), body => DecodesOrRejects([SchemaVersion.Current, kind, 0, .. body]))
                .Check(Config.QuickThrowOnFailure.WithMaxTest(300));
        }
    }

    [Fact]
    public void Single_byte_corruptions_of_a_real_batch_are_decoded_or_rejected_never_crash()
    {
        byte[] original = EdgeCodec.Encode(SampleMessages.Batch());
        Prop.ForAll(Gen.Choose(0, original.Length - 1).ToArbitrary(), AnyByte.ToArbitrary(), (position, value) =>
        {
            byte[] damaged = (byte[])original.Clone();
            damaged[position] = value;
            return DecodesOrRejects(damaged);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    private static bool DecodesOrRejects(byte[] payload)
    {
        Func<ReadOnlyMemory<byte>, object>[] decoders =
        [
            p => EdgeCodec.DecodeBatch(p), p => EdgeCodec.DecodeHealth(p), p => EdgeCodec.DecodeAlert(p), p => EdgeCodec.DecodeAck(p),
            p => EdgeCodec.DecodeConfig(p), p => EdgeCodec.DecodeConfigApplied(p), p => EdgeCodec.DecodeStatus(p),
        ];
        foreach (Func<ReadOnlyMemory<byte>, object> decode in decoders)
        {
            try
            {
                decode(payload);
            }
            catch (PayloadRejectedException)
            {
            }
        }
        return true;
    }
}

using EdgeNode.Mqtt.Codec;

namespace EdgeNode.Mqtt.Tests.Codec;

/// <summary>Garbage in, the one violation type (or a decoded packet) out: never an IndexOutOfRange or the like.</summary>
public sealed class RandomInputTests
{
    [Fact]
    public void Random_headers_and_bodies_raise_nothing_but_the_violation()
    {
        var random = new Random(20_251_104);
        var formatter = new MqttPacketFormatter();
        var decoded = 0;
        var violations = 0;
        for (var i = 0; i < 2_000; i++)
        {
            var header = (byte)random.Next(256);
            var body = new byte[random.Next(0, 40)];
            random.NextBytes(body);
            try
            {
                formatter.Decode(header, body);
                decoded++;
            }
            catch (MqttProtocolViolationException)
            {
                violations++;
            }
        }
        // Both outcomes must occur, or the generator is not exercising the decoder.
        Assert.True(decoded > 0 && violations > 0, $"decoded {decoded}, violations {violations}");
    }

    [Fact]
    public async Task Random_byte_streams_end_in_a_packet_a_violation_or_a_short_stream_only()
    {
        var random = new Random(42);
        var formatter = new MqttPacketFormatter();
        for (var i = 0; i < 500; i++)
        {
            var bytes = new byte[random.Next(1, 48)];
            random.NextBytes(bytes);
            var reader = new MqttFrameReader(new MemoryStream(bytes), 1 << 10);
            try
            {
                while (await reader.ReadAsync(CancellationToken.None) is { } frame)
                    formatter.Decode(frame.FixedHeader, frame.Body);
            }
            catch (MqttProtocolViolationException)
            {
            }
            catch (EndOfStreamException)
            {
                // The stream ended inside a packet: on a socket that is a lost connection, not a decoder fault.
            }
        }
    }
}

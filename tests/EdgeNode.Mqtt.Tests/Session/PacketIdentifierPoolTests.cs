using EdgeNode.Mqtt.Session;

namespace EdgeNode.Mqtt.Tests.Session;

public sealed class PacketIdentifierPoolTests
{
    [Fact]
    public void Never_hands_out_zero_nor_an_id_in_use_across_the_wrap()
    {
        var pool = new PacketIdentifierPool();
        var held = pool.Allocate();
        Assert.Equal(1, held);
        var seen = new HashSet<ushort>();
        // Go round the whole space twice while id 1 stays in use.
        for (var i = 0; i < 140_000; i++)
        {
            var id = pool.Allocate();
            Assert.NotEqual(0, id);
            Assert.NotEqual(held, id);
            seen.Add(id);
            pool.Release(id);
        }
        Assert.Equal(65_534, seen.Count);
    }
}

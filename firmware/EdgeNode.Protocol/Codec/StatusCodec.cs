using EdgeNode.Protocol.Messages;

namespace EdgeNode.Protocol.Codec;

/// <summary>The body of the retained <c>status</c> topic: one byte of state and the instant it began.</summary>
internal static class StatusCodec
{
    public static void Write(PayloadWriter w, StatusMessage s)
    {
        w.Byte(s.Online ? (byte)1 : (byte)0);
        w.Instant(s.Since);
    }

    public static StatusMessage Read(ref PayloadReader r)
    {
        byte online = r.Byte("online flag");
        if (online > 1)
        {
            throw new PayloadRejectedException($"online flag of {online}");
        }
        DateTimeOffset since = r.Instant("since");
        r.ExpectEnd("status");
        return new StatusMessage(online == 1, since);
    }
}

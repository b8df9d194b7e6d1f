using EdgeNode.Protocol.Messages;
using EdgeNode.Protocol.Topics;

namespace EdgeNode.Protocol.Codec;

/// <summary>The body of <c>down/ack</c>.</summary>
internal static class AckCodec
{
    public static void Write(PayloadWriter w, AckMessage a)
    {
        w.Text(NodeId.Require(a.NodeId, nameof(a)), NodeId.MaximumLength);
        w.Byte((byte)a.Subject);
        w.Unsigned(a.Id);
        w.Byte((byte)a.Outcome);
        w.Text(Shorten(a.Reason ?? ""), PayloadLimits.MaximumTextBytes);
    }

    public static AckMessage Read(ref PayloadReader r)
    {
        string nodeId = r.NodeId();
        byte subject = r.Byte("ack subject");
        if (!Enum.IsDefined((AckSubject)subject))
        {
            throw new PayloadRejectedException($"unknown ack subject {subject}");
        }
        ulong id = r.Unsigned("acknowledged id");
        byte outcome = r.Byte("ack outcome");
        if (!Enum.IsDefined((AckOutcome)outcome))
        {
            throw new PayloadRejectedException($"unknown ack outcome {outcome}");
        }
        string reason = r.Text("reason", PayloadLimits.MaximumTextBytes);
        r.ExpectEnd("ack");
        return new AckMessage(nodeId, (AckSubject)subject, id, (AckOutcome)outcome, reason.Length == 0 ? null : reason);
    }

    // The reason is for a technician reading logs: its start says enough, and a down/ack must stay small.
    private static string Shorten(string reason)
    {
        while (System.Text.Encoding.UTF8.GetByteCount(reason) > PayloadLimits.MaximumTextBytes)
        {
            reason = reason[..(reason.Length * 3 / 4)];
        }
        return reason;
    }
}

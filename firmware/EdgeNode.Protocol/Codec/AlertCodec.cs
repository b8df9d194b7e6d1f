using EdgeNode.Protocol.Catalogue;
using EdgeNode.Protocol.Messages;
using EdgeNode.Protocol.Topics;

namespace EdgeNode.Protocol.Codec;

/// <summary>The body of <c>up/alert</c>.</summary>
internal static class AlertCodec
{
    public static void Write(PayloadWriter w, AlertMessage a)
    {
        w.Text(NodeId.Require(a.NodeId, nameof(a)), NodeId.MaximumLength);
        w.Unsigned(a.AlertId);
        w.Byte(a.Metric.Code);
        w.Byte((byte)a.Band);
        w.Byte(a.Raised ? (byte)1 : (byte)0);
        w.Signed(a.Metric.Quantise(a.RollingMean));
        w.Signed(a.Metric.Quantise(a.Threshold));
        w.Count(a.RollingSeconds);
        w.Instant(a.At);
    }

    public static AlertMessage Read(ref PayloadReader r)
    {
        string nodeId = r.NodeId();
        ulong id = r.Unsigned("alert id");
        byte code = r.Byte("metric code");
        if (!MetricCatalogue.TryByCode(code, out WireMetric metric))
        {
            throw new PayloadRejectedException($"unknown metric code {code}");
        }
        byte band = r.Byte("band");
        if (!Enum.IsDefined((WireBand)band))
        {
            throw new PayloadRejectedException($"unknown air-quality band {band}");
        }
        byte raised = r.Byte("raised flag");
        if (raised > 1)
        {
            throw new PayloadRejectedException($"raised flag of {raised}");
        }
        double mean = metric.Restore(r.Signed("rolling mean"));
        double threshold = metric.Restore(r.Signed("threshold"));
        if (!metric.InRange(mean) || !metric.InRange(threshold))
        {
            throw new PayloadRejectedException($"{metric.Name} alert values {mean} / {threshold} lie outside {metric.Minimum}–{metric.Maximum}");
        }
        int seconds = r.Count("rolling period", 7 * 86_400);
        DateTimeOffset at = r.Instant("alert time");
        r.ExpectEnd("alert");
        return new AlertMessage(nodeId, id, metric, (WireBand)band, raised == 1, mean, threshold, seconds, at);
    }
}

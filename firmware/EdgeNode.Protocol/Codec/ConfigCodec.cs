using EdgeNode.Protocol.Messages;
using EdgeNode.Protocol.Topics;

namespace EdgeNode.Protocol.Codec;

/// <summary>The bodies of <c>down/config</c> and of the node's answer on <c>up/ack</c>.</summary>
internal static class ConfigCodec
{
    public static void Write(PayloadWriter w, ConfigMessage c)
    {
        w.Text(NodeId.Require(c.NodeId, nameof(c)), NodeId.MaximumLength);
        w.Count(c.Revision);
        if (c.Settings.Count > PayloadLimits.MaximumConfigSettings)
        {
            throw new ArgumentException($"a configuration carries at most {PayloadLimits.MaximumConfigSettings} settings");
        }
        w.Count(c.Settings.Count);
        foreach ((string key, string value) in c.Settings.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.Text(key, PayloadLimits.MaximumTextBytes);
            w.Text(value, PayloadLimits.MaximumTextBytes);
        }
    }

    public static ConfigMessage ReadConfig(ref PayloadReader r)
    {
        string nodeId = r.NodeId();
        int revision = r.Count("revision", int.MaxValue);
        int count = r.Count("setting count", PayloadLimits.MaximumConfigSettings);
        var settings = new Dictionary<string, string>(count, StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            string key = r.Text("setting name", PayloadLimits.MaximumTextBytes);
            string value = r.Text("setting value", PayloadLimits.MaximumTextBytes);
            if (key.Length == 0 || !settings.TryAdd(key, value))
            {
                throw new PayloadRejectedException($"setting name '{key}' is empty or given twice");
            }
        }
        r.ExpectEnd("configuration");
        return new ConfigMessage(nodeId, revision, settings);
    }

    public static void Write(PayloadWriter w, ConfigApplied a)
    {
        w.Text(NodeId.Require(a.NodeId, nameof(a)), NodeId.MaximumLength);
        w.Count(a.Revision);
        w.Byte(a.Applied ? (byte)1 : (byte)0);
        w.Text(a.Problem ?? "", PayloadLimits.MaximumTextBytes);
    }

    public static ConfigApplied ReadApplied(ref PayloadReader r)
    {
        string nodeId = r.NodeId();
        int revision = r.Count("revision", int.MaxValue);
        byte applied = r.Byte("applied flag");
        if (applied > 1)
        {
            throw new PayloadRejectedException($"applied flag of {applied}");
        }
        string problem = r.Text("problem", PayloadLimits.MaximumTextBytes);
        r.ExpectEnd("configuration answer");
        return new ConfigApplied(nodeId, revision, applied == 1, problem.Length == 0 ? null : problem);
    }
}

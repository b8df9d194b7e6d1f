using System.Globalization;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.SelfTest;

/// <summary>The words the self-test uses for faults and values.</summary>
internal static class SelfTestText
{
    public static string FaultName(SensorFaultKind kind) => kind switch
    {
        SensorFaultKind.NotPresent => "not present",
        SensorFaultKind.NotAnswering => "not answering",
        SensorFaultKind.CorruptData => "corrupt data",
        SensorFaultKind.OutOfRange => "out of range",
        SensorFaultKind.Stuck => "stuck value",
        SensorFaultKind.WarmingUp => "warming up",
        SensorFaultKind.Stale => "stale (no recent reading)",
        _ => kind.ToString(),
    };

    /// <summary>The --fault spelling of a kind: "not-present", "corrupt-data", …</summary>
    public static string OptionName(SensorFaultKind kind) => kind switch
    {
        SensorFaultKind.NotPresent => "not-present",
        SensorFaultKind.NotAnswering => "not-answering",
        SensorFaultKind.CorruptData => "corrupt-data",
        SensorFaultKind.OutOfRange => "out-of-range",
        SensorFaultKind.Stuck => "stuck",
        SensorFaultKind.WarmingUp => "warming-up",
        SensorFaultKind.Stale => "stale",
        _ => kind.ToString(),
    };

    public static string Format(Measurement m) =>
        string.Create(CultureInfo.InvariantCulture, $"{m.Metric.ShortName()} {m.Value:0.0} {m.Metric.Symbol()}");
}

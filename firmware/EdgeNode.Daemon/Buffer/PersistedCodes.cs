using EdgeNode.Daemon.Windows;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Buffer;

/// <summary>
/// The byte each enum value is stored as. Written out by hand, not cast from the enum, so that reordering or
/// inserting an enum member in the firmware cannot silently change the meaning of windows already on the SD card.
/// A member without a code here fails loudly (and a test walks every member).
/// </summary>
internal static class PersistedCodes
{
    public static byte Of(Metric metric) => metric switch
    {
        Metric.TemperatureCelsius => 1,
        Metric.RelativeHumidityPercent => 2,
        Metric.PressureHectopascals => 3,
        Metric.Co2PartsPerMillion => 4,
        Metric.Pm1MicrogramsPerCubicMetre => 5,
        Metric.Pm25MicrogramsPerCubicMetre => 6,
        Metric.Pm10MicrogramsPerCubicMetre => 7,
        Metric.No2MicrogramsPerCubicMetre => 8,
        _ => throw Unmapped(metric),
    };

    public static Metric MetricFrom(byte code) => code switch
    {
        1 => Metric.TemperatureCelsius,
        2 => Metric.RelativeHumidityPercent,
        3 => Metric.PressureHectopascals,
        4 => Metric.Co2PartsPerMillion,
        5 => Metric.Pm1MicrogramsPerCubicMetre,
        6 => Metric.Pm25MicrogramsPerCubicMetre,
        7 => Metric.Pm10MicrogramsPerCubicMetre,
        8 => Metric.No2MicrogramsPerCubicMetre,
        _ => throw Unknown("metric", code),
    };

    /// <summary>0 stands for "no fault".</summary>
    public static byte Of(SensorFaultKind? fault) => fault switch
    {
        null => 0,
        SensorFaultKind.NotPresent => 1,
        SensorFaultKind.NotAnswering => 2,
        SensorFaultKind.CorruptData => 3,
        SensorFaultKind.OutOfRange => 4,
        SensorFaultKind.Stuck => 5,
        SensorFaultKind.WarmingUp => 6,
        SensorFaultKind.Stale => 7,
        _ => throw Unmapped(fault.Value),
    };

    public static SensorFaultKind? FaultFrom(byte code) => code switch
    {
        0 => null,
        1 => SensorFaultKind.NotPresent,
        2 => SensorFaultKind.NotAnswering,
        3 => SensorFaultKind.CorruptData,
        4 => SensorFaultKind.OutOfRange,
        5 => SensorFaultKind.Stuck,
        6 => SensorFaultKind.WarmingUp,
        7 => SensorFaultKind.Stale,
        _ => throw Unknown("sensor fault", code),
    };

    public static byte Of(WindowTimeQuality time) => time switch
    {
        WindowTimeQuality.Synchronised => 1,
        WindowTimeQuality.Restamped => 2,
        WindowTimeQuality.Unconfirmed => 3,
        _ => throw Unmapped(time),
    };

    public static WindowTimeQuality TimeQualityFrom(byte code) => code switch
    {
        1 => WindowTimeQuality.Synchronised,
        2 => WindowTimeQuality.Restamped,
        3 => WindowTimeQuality.Unconfirmed,
        _ => throw Unknown("time quality", code),
    };

    private static InvalidOperationException Unmapped(Enum value) =>
        new($"{value.GetType().Name}.{value} has no storage code in {nameof(PersistedCodes)}: add one (never reuse a code) before building firmware that stores it.");

    private static InvalidDataException Unknown(string what, byte code) =>
        new($"Stored window has unknown {what} code {code}: it was written by a newer firmware or the row is damaged.");
}

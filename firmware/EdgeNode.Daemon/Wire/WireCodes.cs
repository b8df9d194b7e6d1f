using EdgeNode.Protocol.AirQuality;
using EdgeNode.Protocol.Catalogue;
using EdgeNode.Protocol.Messages;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Wire;

/// <summary>
/// The protocol's names for the sensor library's metrics, faults and bands. The protocol knows nothing of the sensor
/// library, so the one translation between the two lives here, below everything that speaks to the fleet: alerts,
/// calibration, the status and the uplink.
/// </summary>
public static class WireCodes
{
    public static WireMetric ToWire(Metric metric) => metric switch
    {
        Metric.TemperatureCelsius => MetricCatalogue.Temperature,
        Metric.RelativeHumidityPercent => MetricCatalogue.RelativeHumidity,
        Metric.PressureHectopascals => MetricCatalogue.Pressure,
        Metric.Co2PartsPerMillion => MetricCatalogue.Co2,
        Metric.Pm1MicrogramsPerCubicMetre => MetricCatalogue.Pm1,
        Metric.Pm25MicrogramsPerCubicMetre => MetricCatalogue.Pm25,
        Metric.Pm10MicrogramsPerCubicMetre => MetricCatalogue.Pm10,
        Metric.No2MicrogramsPerCubicMetre => MetricCatalogue.No2,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "no wire code for this metric"),
    };

    public static WireFault ToWire(SensorFaultKind kind) => kind switch
    {
        SensorFaultKind.NotPresent => WireFault.NotPresent,
        SensorFaultKind.NotAnswering => WireFault.NotAnswering,
        SensorFaultKind.CorruptData => WireFault.CorruptData,
        SensorFaultKind.OutOfRange => WireFault.OutOfRange,
        SensorFaultKind.Stuck => WireFault.Stuck,
        SensorFaultKind.WarmingUp => WireFault.WarmingUp,
        SensorFaultKind.Stale => WireFault.Stale,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no wire code for this fault"),
    };

    public static WireBand ToWire(AirQualityBand band) => band switch
    {
        AirQualityBand.Good => WireBand.Good,
        AirQualityBand.Fair => WireBand.Fair,
        AirQualityBand.Moderate => WireBand.Moderate,
        AirQualityBand.Poor => WireBand.Poor,
        AirQualityBand.VeryPoor => WireBand.VeryPoor,
        _ => WireBand.ExtremelyPoor,
    };
}

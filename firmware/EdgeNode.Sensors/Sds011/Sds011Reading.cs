namespace EdgeNode.Sensors.Sds011;

/// <summary>One SDS011 measurement, already checked against the sensor's 0.0–999.9 µg/m³ range.</summary>
/// <param name="DeviceId">The two id bytes the sensor put in its frame (Protocol V1.3 §2), e.g. 0xA160.</param>
public sealed record Sds011Reading(
    double Pm25MicrogramsPerCubicMetre,
    double Pm10MicrogramsPerCubicMetre,
    ushort DeviceId,
    DateTimeOffset MeasuredAt);

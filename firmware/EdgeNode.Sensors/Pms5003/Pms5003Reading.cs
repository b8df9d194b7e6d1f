namespace EdgeNode.Sensors.Pms5003;

/// <summary>
/// One PMS5003 frame, decoded and checked. The atmospheric-environment values are the ones for outdoor air and
/// the ones <see cref="Pms5003Sensor.ReadAsync"/> reports; the CF=1 ("standard particle") values are kept
/// because some published corrections (for example for humidity) are fitted on them.
/// </summary>
public sealed record Pms5003Reading(
    double Pm1MicrogramsPerCubicMetre,
    double Pm25MicrogramsPerCubicMetre,
    double Pm10MicrogramsPerCubicMetre,
    double Pm1StandardMicrogramsPerCubicMetre,
    double Pm25StandardMicrogramsPerCubicMetre,
    double Pm10StandardMicrogramsPerCubicMetre,
    Pms5003ParticleCountsPerDecilitre Particles,
    DateTimeOffset MeasuredAt);

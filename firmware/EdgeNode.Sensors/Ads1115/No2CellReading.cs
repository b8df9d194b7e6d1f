namespace EdgeNode.Sensors.Ads1115;

/// <summary>
/// One NO2 reading with the electrode voltages it came from, so that the fleet can recalibrate from raw values.
/// </summary>
public sealed record No2CellReading(
    double No2MicrogramsPerCubicMetre,
    double No2PartsPerBillion,
    double WorkingElectrodeMillivolts,
    double AuxiliaryElectrodeMillivolts,
    DateTimeOffset MeasuredAt);

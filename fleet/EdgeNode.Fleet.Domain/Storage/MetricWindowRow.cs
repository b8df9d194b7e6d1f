namespace EdgeNode.Fleet.Storage;

/// <summary>
/// One aggregated window of one metric from one sensor on one node, as the fleet stores it. The natural key is
/// (<see cref="NodeId"/>, <see cref="Sensor"/>, <see cref="Metric"/>, <see cref="WindowStart"/>): a redelivered window
/// replaces the stored one.
/// </summary>
/// <param name="WindowStart">Start of the window, a whole second; read back in UTC.</param>
/// <param name="TimeQuality">0 synchronised, 1 restamped after the clock was synchronised, 2 unconfirmed.</param>
/// <param name="Coverage">Fraction of the window the sensor actually sampled, 0 to 1.</param>
public sealed record MetricWindowRow(
    string NodeId,
    string Sensor,
    string Metric,
    DateTimeOffset WindowStart,
    int WindowSeconds,
    byte TimeQuality,
    bool Partial,
    int Count,
    double Mean,
    double Minimum,
    double Maximum,
    double Last,
    double Coverage,
    int Faults,
    string? LastFault,
    int CalibrationVersion);

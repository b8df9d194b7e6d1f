namespace EdgeNode.Fleet.Storage;

/// <summary>
/// One sensor in one window in which it gave no value: every read failed, it was waiting out a back-off, or the node
/// stopped sampling it (<see cref="LastFault"/> "Stale"). Kept so that the fleet can tell "the node was there and the
/// sensor was faulty" from "nothing arrived". A traffic sensor has one for every window: its data is the traffic window,
/// and this row carries its listening coverage. The natural key is (<see cref="NodeId"/>, <see cref="Sensor"/>,
/// <see cref="WindowStart"/>): a redelivered window replaces the stored one.
/// </summary>
/// <param name="WindowStart">Start of the window, a whole second; read back in UTC.</param>
/// <param name="TimeQuality">0 synchronised, 1 restamped after the clock was synchronised, 2 unconfirmed.</param>
/// <param name="Coverage">Fraction of the window the sensor actually sampled, 0 to 1.</param>
/// <param name="LastFault">The fault it was in, as the wire names it, or null.</param>
public sealed record NoValueWindowRow(
    string NodeId,
    string Sensor,
    DateTimeOffset WindowStart,
    int WindowSeconds,
    byte TimeQuality,
    bool Partial,
    double Coverage,
    int Faults,
    string? LastFault,
    int CalibrationVersion);

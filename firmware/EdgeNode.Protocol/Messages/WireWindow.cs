namespace EdgeNode.Protocol.Messages;

/// <summary>One closed aggregation window of one node.</summary>
/// <param name="Start">Whole seconds, UTC; sub-second parts are not carried.</param>
/// <param name="CalibrationVersion">The calibration set applied to the values; 0 means none (raw values).</param>
public sealed record WireWindow(
    DateTimeOffset Start,
    int LengthSeconds,
    WireTimeQuality Time,
    bool Partial,
    int CalibrationVersion,
    IReadOnlyList<WireSensorWindow> Sensors,
    WireTrafficWindow? Traffic);

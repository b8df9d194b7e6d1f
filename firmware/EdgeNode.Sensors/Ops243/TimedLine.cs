namespace EdgeNode.Sensors.Ops243;

/// <summary>A decoded line and the moment its last byte was read.</summary>
internal readonly record struct TimedLine(DateTimeOffset At, Ops243Line Line);

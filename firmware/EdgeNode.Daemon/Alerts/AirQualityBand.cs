namespace EdgeNode.Daemon.Alerts;

/// <summary>The six bands of the European Air Quality Index, from best to worst.</summary>
public enum AirQualityBand
{
    Good,
    Fair,
    Moderate,
    Poor,
    VeryPoor,
    ExtremelyPoor,
}

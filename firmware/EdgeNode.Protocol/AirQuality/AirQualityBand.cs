namespace EdgeNode.Protocol.AirQuality;

/// <summary>The six bands of the European Air Quality Index, best to worst; the number is the EEA's level minus one.</summary>
public enum AirQualityBand
{
    Good = 0,
    Fair = 1,
    Moderate = 2,
    Poor = 3,
    VeryPoor = 4,
    ExtremelyPoor = 5,
}

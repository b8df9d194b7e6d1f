namespace EdgeNode.Protocol.Messages;

/// <summary>The six bands of the European Air Quality Index, best to worst.</summary>
public enum WireBand : byte
{
    Good = 1,
    Fair = 2,
    Moderate = 3,
    Poor = 4,
    VeryPoor = 5,
    ExtremelyPoor = 6,
}

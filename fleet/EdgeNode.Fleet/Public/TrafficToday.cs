namespace EdgeNode.Fleet.Public;

/// <summary>Vehicles counted by a node's radar since local midnight, by direction.</summary>
public sealed record TrafficToday(int Approaching, int Receding)
{
    public int Total => Approaching + Receding;
}

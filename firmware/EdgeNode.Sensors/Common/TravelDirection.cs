namespace EdgeNode.Sensors;

/// <summary>Which way a vehicle moved relative to the sensor; the only thing said of it besides its speed.</summary>
public enum TravelDirection
{
    Approaching,
    Receding,
}

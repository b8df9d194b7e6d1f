namespace EdgeNode.Sensors.Ops243;

/// <summary>The road an emulated radar watches: which vehicles pass the sensor, and when.</summary>
public interface ITrafficModel
{
    /// <summary>The vehicles passing the sensor in [<paramref name="from"/>, <paramref name="to"/>), in time order. Asking again gives the same vehicles.</summary>
    IReadOnlyList<EmulatedVehicle> Between(DateTimeOffset from, DateTimeOffset to);
}

namespace EdgeNode.Sensors;

/// <summary>A traffic sensor: turns what it senses into anonymous vehicle passages.</summary>
public interface IVehicleCounter : IDisposable
{
    /// <summary>The model and where it sits, e.g. "OPS243-A at /dev/ttyACM0".</summary>
    string Description { get; }

    /// <summary>Listens for <paramref name="duration"/> and returns the passages completed in that time.</summary>
    /// <exception cref="SensorFaultException">The sensor is missing, silent or sends corrupt reports.</exception>
    Task<IReadOnlyList<VehiclePassage>> ListenAsync(TimeSpan duration, CancellationToken cancellationToken = default);
}

namespace EdgeNode.Sensors;

/// <summary>A sensor that measures the air: what the sampler and the self-test see of every driver.</summary>
public interface IEnvironmentalSensor : IDisposable
{
    /// <summary>The model and where it sits, e.g. "BME280 at I2C bus 1, address 0x76".</summary>
    string Description { get; }

    /// <summary>The metrics every successful reading contains.</summary>
    IReadOnlyList<Metric> Metrics { get; }

    /// <summary>Takes one reading.</summary>
    /// <exception cref="SensorFaultException">No trustworthy value could be read; the kind says why.</exception>
    Task<IReadOnlyList<Measurement>> ReadAsync(CancellationToken cancellationToken = default);
}

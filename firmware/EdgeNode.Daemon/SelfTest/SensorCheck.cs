namespace EdgeNode.Daemon.SelfTest;

/// <summary>
/// One sensor the self-test looks for. Opening identifies the device (and fails if it is absent);
/// observing reads it and gives the verdict.
/// </summary>
public abstract class SensorCheck(string sensor, string location)
{
    /// <summary>The model, e.g. "BME280"; also the name used by --fault and --sensors (lower case).</summary>
    public string Sensor { get; } = sensor;

    public string Location { get; } = location;

    /// <summary>Finds and identifies the device. Returns a verdict only when that fails.</summary>
    public abstract Task<SensorVerdict?> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Reads the opened device according to <paramref name="plan"/>, then releases it.</summary>
    public abstract Task<SensorVerdict> ObserveAsync(SelfTestPlan plan, TimeProvider time, CancellationToken cancellationToken);
}

namespace EdgeNode.Sensors;

/// <summary>
/// A sensor with a fan, laser or heater that wears out, so the node sleeps it between readings. Readings
/// taken before <see cref="WarmUp"/> has passed since waking fail with <see cref="SensorFaultKind.WarmingUp"/>.
/// </summary>
public interface IDutyCycledSensor : IEnvironmentalSensor
{
    /// <summary>How long after waking readings become trustworthy (datasheet figure).</summary>
    TimeSpan WarmUp { get; }

    Task WakeAsync(CancellationToken cancellationToken = default);

    Task SleepAsync(CancellationToken cancellationToken = default);
}

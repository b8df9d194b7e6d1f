namespace EdgeNode.Sensors;

/// <summary>
/// When a duty-cycled particle sensor last woke, and the faults for reading it too early
/// (<see cref="IDutyCycledSensor"/>: readings before the warm-up has passed fail with
/// <see cref="SensorFaultKind.WarmingUp"/>). A sleeping sensor is refused without sending it anything: any
/// command would wake it and silently undo the duty cycle.
/// </summary>
/// <param name="sensor">The model and port, e.g. "SDS011 on /dev/ttyUSB0", that every fault names.</param>
/// <param name="warmUp">The datasheet's warm-up after waking.</param>
/// <param name="whyWait">Why the fan needs <paramref name="warmUp"/>, in the datasheet's terms, for "its fan needs 30 s …".</param>
internal sealed class WarmUpClock(TimeProvider time, string sensor, TimeSpan warmUp, string whyWait)
{
    private DateTimeOffset? _awakeSince;

    /// <summary>False from <see cref="MarkAsleep"/> (and before the first wake) until <see cref="MarkAwakeSince"/>.</summary>
    public bool IsAwake => _awakeSince is not null;

    /// <summary>The sensor was told to sleep, or a wake has begun and not yet been confirmed.</summary>
    public void MarkAsleep() => _awakeSince = null;

    /// <summary>The sensor confirmed it is awake; the warm-up counts from <paramref name="wokeAt"/>.</summary>
    public void MarkAwakeSince(DateTimeOffset wokeAt) => _awakeSince = wokeAt;

    /// <exception cref="SensorFaultException">Asleep, never woken, or still warming up.</exception>
    public void ThrowIfNotWarm()
    {
        if (_awakeSince is not { } since)
        {
            throw AsleepFault();
        }

        TimeSpan awake = time.GetUtcNow() - since;
        if (awake < warmUp)
        {
            throw new SensorFaultException(SensorFaultKind.WarmingUp, sensor,
                $"{sensor} woke {awake.TotalSeconds:0} s ago; its fan needs {warmUp.TotalSeconds:0} s {whyWait}: "
                + $"read again in {(warmUp - awake).TotalSeconds:0} s.");
        }
    }

    public SensorFaultException AsleepFault() => new(SensorFaultKind.WarmingUp, sensor,
        $"{sensor} is asleep (fan and laser off), or has not been woken since the service started: wake it first, then wait {warmUp.TotalSeconds:0} s before reading.");
}

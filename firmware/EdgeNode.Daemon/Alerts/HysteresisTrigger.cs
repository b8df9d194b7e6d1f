namespace EdgeNode.Daemon.Alerts;

/// <summary>
/// The raised/cleared state of one threshold. Raises as soon as the mean reaches the threshold; clears only once
/// the mean has stayed below the threshold less the hysteresis margin for the minimum time.
/// </summary>
internal sealed class HysteresisTrigger(PollutionThreshold threshold, double hysteresisFraction, TimeSpan minimumClearDuration)
{
    private DateTimeOffset? _belowSince;

    public PollutionThreshold Threshold => threshold;

    public bool IsRaised { get; private set; }

    public double ClearBelowMicrogramsPerCubicMetre => threshold.ThresholdMicrogramsPerCubicMetre * (1 - hysteresisFraction);

    public AlertTransition? Evaluate(double meanMicrogramsPerCubicMetre, DateTimeOffset at)
    {
        if (!IsRaised)
        {
            if (meanMicrogramsPerCubicMetre < threshold.ThresholdMicrogramsPerCubicMetre)
            {
                return null;
            }

            IsRaised = true;
            _belowSince = null;
            return AlertTransition.Raised;
        }

        if (meanMicrogramsPerCubicMetre >= ClearBelowMicrogramsPerCubicMetre)
        {
            _belowSince = null;
            return null;
        }

        _belowSince ??= at;
        if (at - _belowSince.Value < minimumClearDuration)
        {
            return null;
        }

        IsRaised = false;
        _belowSince = null;
        return AlertTransition.Cleared;
    }

    /// <summary>Too few readings to judge: time spent below the margin before the gap no longer counts towards a clear.</summary>
    public void Interrupt() => _belowSince = null;
}

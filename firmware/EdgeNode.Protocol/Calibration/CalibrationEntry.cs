using EdgeNode.Protocol.Catalogue;

namespace EdgeNode.Protocol.Calibration;

/// <summary>
/// A linear correction of one sensor's metric: calibrated = <see cref="Gain"/> × raw + <see cref="Offset"/>, as found
/// by co-locating the node with a reference instrument.
/// </summary>
/// <param name="Sensor">The sensor's name on the node (e.g. <c>sds011</c>): two sensors may measure the same metric.</param>
/// <param name="Metric">The metric's wire name (e.g. <c>pm25_ugm3</c>).</param>
public sealed record CalibrationEntry(string Sensor, string Metric, double Gain, double Offset)
{
    /// <summary>A gain outside this range says the sensor is broken, not that it needs correcting.</summary>
    public const double MinimumGain = 0.2;

    public const double MaximumGain = 5;

    /// <summary>Sensor names follow the node-id alphabet so that they can be part of a configuration key.</summary>
    public const int MaximumSensorNameLength = 32;

    /// <summary>The offset may move a value by at most this fraction of the metric's accepted range.</summary>
    public const double MaximumOffsetFraction = 0.1;

    /// <summary>The calibrated value, kept within what the protocol accepts for the metric (a negative concentration is noise, not a reading).</summary>
    public double Apply(WireMetric metric, double raw) => Math.Clamp(Gain * raw + Offset, metric.Minimum, metric.Maximum);

    /// <summary>The raw value a calibrated one came from (exact unless <see cref="Apply"/> had to clamp it).</summary>
    public double Invert(double calibrated) => (calibrated - Offset) / Gain;

    /// <summary>What is wrong with this entry, in English words a member of staff can act on; empty when it can be applied.</summary>
    public IEnumerable<string> Problems() => Check().Select(problem => problem.ToString());

    /// <summary>What is wrong with this entry, for a reader to word in their own language; empty when it can be applied.</summary>
    public IEnumerable<CalibrationProblem> Check()
    {
        if (!IsSensorName(Sensor))
        {
            yield return new CalibrationProblem(CalibrationProblemKind.SensorName, this);
        }
        WireMetric? metric = MetricCatalogue.All.FirstOrDefault(m => m.Name == Metric);
        if (metric is null)
        {
            yield return new CalibrationProblem(CalibrationProblemKind.UnknownMetric, this);
            yield break;
        }
        if (!double.IsFinite(Gain) || Gain < MinimumGain || Gain > MaximumGain)
        {
            yield return new CalibrationProblem(CalibrationProblemKind.Gain, this, metric);
        }
        if (!double.IsFinite(Offset) || Math.Abs(Offset) > MaximumOffset(metric))
        {
            yield return new CalibrationProblem(CalibrationProblemKind.Offset, this, metric);
        }
    }

    public static double MaximumOffset(WireMetric metric) => (metric.Maximum - metric.Minimum) * MaximumOffsetFraction;

    private static bool IsSensorName(string name) =>
        name.Length is > 0 and <= MaximumSensorNameLength && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}

using System.Globalization;
using EdgeNode.Protocol.Catalogue;

namespace EdgeNode.Protocol.Calibration;

/// <summary>
/// One thing wrong with a <see cref="CalibrationEntry"/>, with what a reader needs to word it in their language;
/// <see cref="ToString"/> words it in English, as the node answers the fleet.
/// </summary>
/// <param name="Metric">The metric, for <see cref="CalibrationProblemKind.Gain"/> and <see cref="CalibrationProblemKind.Offset"/>.</param>
public sealed record CalibrationProblem(CalibrationProblemKind Kind, CalibrationEntry Entry, WireMetric? Metric = null)
{
    /// <summary>The largest offset allowed for <see cref="Metric"/>, in its unit (0 without one).</summary>
    public double MaximumOffset => Metric is null ? 0 : CalibrationEntry.MaximumOffset(Metric);

    public override string ToString() => Kind switch
    {
        CalibrationProblemKind.SensorName =>
            $"sensor '{Entry.Sensor}': a sensor name uses lower-case letters, digits and hyphens, at most {CalibrationEntry.MaximumSensorNameLength}",
        CalibrationProblemKind.UnknownMetric =>
            $"metric '{Entry.Metric}' is not one the protocol carries ({string.Join(", ", MetricCatalogue.All.Select(m => m.Name))})",
        CalibrationProblemKind.Gain => string.Create(CultureInfo.InvariantCulture,
            $"{Entry.Sensor} {Entry.Metric}: the gain must be between {CalibrationEntry.MinimumGain} and {CalibrationEntry.MaximumGain} (it is {Entry.Gain}); outside that, replace the sensor"),
        _ => string.Create(CultureInfo.InvariantCulture,
            $"{Entry.Sensor} {Entry.Metric}: the offset must be within ±{MaximumOffset} {Metric?.Unit} (it is {Entry.Offset})"),
    };
}

namespace EdgeNode.Fleet.Monitoring;

/// <summary>One metric of one sensor, charted for the node page.</summary>
/// <param name="CalibrationVersion">The calibration in force for the newest window: the values are as calibrated by it.</param>
/// <param name="Svg">The chart as SVG markup (<see cref="SvgChart"/>).</param>
public sealed record MetricChart(string Sensor, string Metric, int CalibrationVersion, string Svg)
{
    /// <summary>The metric's unit from the protocol's catalogue ("pm25_ugm3" is µg/m³), or "" for a metric it does not know.</summary>
    public static string UnitOf(string metric) =>
        Protocol.Catalogue.MetricCatalogue.All.FirstOrDefault(known => known.Name == metric)?.Unit ?? "";
}

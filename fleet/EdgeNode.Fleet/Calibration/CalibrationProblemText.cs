using System.Globalization;
using EdgeNode.Protocol.Calibration;

namespace EdgeNode.Fleet.Calibration;

/// <summary>A calibration problem in the staff's words, for the node page's form (numbers written as the page writes them).</summary>
public static class CalibrationProblemText
{
    public static string InFrench(CalibrationProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        CalibrationEntry entry = problem.Entry;
        return problem.Kind switch
        {
            CalibrationProblemKind.SensorName =>
                $"capteur « {entry.Sensor} » : un nom de capteur s'écrit en minuscules, chiffres et tirets, {CalibrationEntry.MaximumSensorNameLength} caractères au plus",
            CalibrationProblemKind.UnknownMetric => $"« {entry.Metric} » n'est pas une mesure que le protocole transporte",
            CalibrationProblemKind.Gain =>
                $"{entry.Sensor}, {Monitoring.MetricNames.Name(entry.Metric)} : le gain doit être compris entre {Number(CalibrationEntry.MinimumGain)} et {Number(CalibrationEntry.MaximumGain)} " +
                $"(il vaut {Number(entry.Gain)}) ; au-delà, il faut remplacer le capteur, pas le corriger",
            _ =>
                $"{entry.Sensor}, {Monitoring.MetricNames.Name(entry.Metric)} : le décalage doit rester entre -{Number(problem.MaximumOffset)} et +{Number(problem.MaximumOffset)} {problem.Metric?.Unit} " +
                $"(il vaut {Number(entry.Offset)})",
        };
    }

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace EdgeNode.Daemon.SelfTest;

/// <summary>
/// Prints the report for a phone screen over SSH: one line per sensor with the verdict in words (never
/// colour alone), and under a faulty one what to check.
/// </summary>
public static class SelfTestReportWriter
{
    public static void Write(SelfTestReport report, IReadOnlyDictionary<int, string> knownI2cDevices, TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"EdgeNode self-test on {report.Hardware}, {report.At:yyyy-MM-dd HH:mm} UTC"));
        output.WriteLine();

        I2cScanResult scan = report.Scan;
        if (scan.Error is not null)
        {
            output.WriteLine($"I2C bus {scan.BusId}: cannot scan. {scan.Error}");
        }
        else if (scan.Addresses.Count == 0)
        {
            output.WriteLine($"I2C bus {scan.BusId}: no device answers. Check the 3.3 V and GND wires and the SDA/SCL pull-ups.");
        }
        else
        {
            output.WriteLine($"I2C bus {scan.BusId}: devices answer at {string.Join(", ", scan.Addresses.Select(a => $"0x{a:x2}"))}");
            foreach (int address in scan.Addresses)
            {
                string name = knownI2cDevices.TryGetValue(address, out string? known) ? known : "unknown device (not used by EdgeNode)";
                output.WriteLine($"  0x{address:x2}  {name}");
            }
        }

        output.WriteLine();
        int sensorWidth = Math.Max(6, report.Verdicts.Max(v => v.Sensor.Length));
        int locationWidth = Math.Max(8, report.Verdicts.Max(v => v.Location.Length));
        foreach (SensorVerdict verdict in report.Verdicts)
        {
            output.WriteLine($"{verdict.Sensor.PadRight(sensorWidth)}  {verdict.Location.PadRight(locationWidth)}  {(verdict.Ok ? "OK   " : "FAULT")}  {verdict.Summary}");
            if (verdict.Advice is not null)
            {
                output.WriteLine($"{new string(' ', sensorWidth + 2)}{verdict.Advice}");
            }
        }

        output.WriteLine();
        int faulty = report.Verdicts.Count(v => !v.Ok);
        output.WriteLine(faulty == 0
            ? $"Verdict: all {report.Verdicts.Count} sensors OK."
            : $"Verdict: {faulty} of {report.Verdicts.Count} sensors faulty. Fix what is listed above, then run the self-test again.");
    }
}

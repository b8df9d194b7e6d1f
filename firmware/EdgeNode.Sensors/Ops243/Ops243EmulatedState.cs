using System.Globalization;

namespace EdgeNode.Sensors.Ops243;

/// <summary>
/// The settings an emulated OPS243-A holds, at their factory values after <see cref="Reset"/> (a power-cycle:
/// settings are not saved unless asked). Formats a measured speed exactly as the sensor would print it.
/// </summary>
internal sealed class Ops243EmulatedState
{
    // The FFT, its peak search and the UART output take time beyond filling the buffer; 25 ms brings the
    // report rate to ~13 Hz at 20 ksps and ~8 Hz at the 10 ksps default, as users of the sensor describe.
    private static readonly TimeSpan ProcessingTime = TimeSpan.FromMilliseconds(25);

    public Ops243EmulatedState() => Reset();

    public EmulatedSpeedUnit Unit { get; set; }

    public bool JsonMode { get; set; }

    public bool SpeedReports { get; set; }

    public int SampleRateHertz { get; set; }

    public int BufferSize { get; set; }

    public int DecimalPlaces { get; set; }

    /// <summary>'+' inbound only, '-' outbound only, '|' both (UM-003-A p.10).</summary>
    public char DirectionFilter { get; set; }

    /// <summary>R&gt;n in the current unit; 0 means no limit.</summary>
    public double MinimumSpeed { get; set; }

    /// <summary>R&lt;n in the current unit; 0 means no limit.</summary>
    public double MaximumSpeed { get; set; }

    /// <summary>
    /// Buffer fill time plus processing, in whole milliseconds: the emulated serial line waits with
    /// Task.Delay, which cannot wait less than a millisecond, so every emulated instant stays on the millisecond grid.
    /// </summary>
    public TimeSpan ReportInterval =>
        TimeSpan.FromMilliseconds(Math.Round(1000.0 * BufferSize / SampleRateHertz) + ProcessingTime.TotalMilliseconds);

    /// <summary>The name the sensor answers to U? (UM-003-A p.8).</summary>
    public string UnitName => Unit switch
    {
        EmulatedSpeedUnit.KilometresPerHour => "km-per-hr",
        EmulatedSpeedUnit.MilesPerHour => "mph",
        EmulatedSpeedUnit.FeetPerSecond => "ft-per-sec",
        EmulatedSpeedUnit.CentimetresPerSecond => "cm-per-sec",
        _ => "m-per-sec",
    };

    public double MaximumMetresPerSecond => Ops243Doppler.MaximumSpeedKilometresPerHour(SampleRateHertz) / 3.6;

    public double ResolutionMetresPerSecond => Ops243Doppler.ResolutionKilometresPerHour(SampleRateHertz, BufferSize) / 3.6;

    public void Reset()
    {
        Unit = EmulatedSpeedUnit.MetresPerSecond;
        JsonMode = false;
        SpeedReports = true;
        SampleRateHertz = 10_000;
        BufferSize = Ops243Doppler.DefaultBufferSize;
        DecimalPlaces = 2;
        DirectionFilter = '|';
        MinimumSpeed = 0;
        MaximumSpeed = 0;
    }

    public double FromMetresPerSecond(double metresPerSecond) => Unit switch
    {
        EmulatedSpeedUnit.KilometresPerHour => metresPerSecond * 3.6,
        EmulatedSpeedUnit.MilesPerHour => metresPerSecond / 0.44704,
        EmulatedSpeedUnit.FeetPerSecond => metresPerSecond / 0.3048,
        EmulatedSpeedUnit.CentimetresPerSecond => metresPerSecond * 100,
        _ => metresPerSecond,
    };

    /// <summary>The report line for a measured radial speed (positive inbound), or null when a filter hides it.</summary>
    public string? FormatReport(double radialMetresPerSecond)
    {
        double value = Math.Round(FromMetresPerSecond(radialMetresPerSecond), DecimalPlaces);
        double magnitude = Math.Abs(value);
        bool hidden = !SpeedReports || value == 0
            || (MinimumSpeed > 0 && magnitude < MinimumSpeed)
            || (MaximumSpeed > 0 && magnitude > MaximumSpeed)
            || (DirectionFilter == '+' && value < 0)
            || (DirectionFilter == '-' && value > 0);
        return hidden ? null : FormatSpeed(value);
    }

    /// <summary>A speed printed as the sensor prints it, filters aside.</summary>
    public string FormatSpeed(double value)
    {
        string number = value.ToString("F" + DecimalPlaces.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return JsonMode
            ? $"{{\"speed\":{number},\"direction\":\"{(value >= 0 ? "inbound" : "outbound")}\"}}"
            : number;
    }
}

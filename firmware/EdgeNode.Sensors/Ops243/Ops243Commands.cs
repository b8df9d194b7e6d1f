namespace EdgeNode.Sensors.Ops243;

/// <summary>
/// The ASCII commands the driver sends (OmniPreSense UM-003-A "OPS243-A User Manual", API Commands, and the
/// AN-010 API Interface Control Document, which both describe the same command set). Two-character
/// commands need no terminator; commands that carry a number need a carriage return after it (UM-003-A p.10).
/// </summary>
internal static class Ops243Commands
{
    /// <summary>Module part number, answered with <c>{"Product":"OPS243 Doppler"}</c> (UM-003-A p.7).</summary>
    public const string QueryProduct = "?P";

    /// <summary>Firmware version, answered with <c>{"Version":"1.3.1"}</c> (UM-003-A p.7).</summary>
    public const string QueryVersion = "?V";

    /// <summary>Current speed unit, answered with <c>{"Units":"km-per-hr"}</c> (UM-003-A p.8).</summary>
    public const string QueryUnits = "U?";

    /// <summary>Speeds in kilometres per hour (UM-003-A p.8); answered with <c>{"Units":"km-per-hr"}</c>.</summary>
    public const string UnitsKilometresPerHour = "UK";

    /// <summary>JSON output off, so each speed report is a bare signed number on its own line (OPS-UM-001-C p.8, "Oj").</summary>
    public const string JsonOff = "Oj";

    /// <summary>Speed reporting on, in case a previous user saved it off (OPS-UM-001-C p.8, "OS").</summary>
    public const string SpeedReportOn = "OS";

    /// <summary>One report (the strongest target) per line (UM-003-A p.12, "On", n = 1).</summary>
    public const string OneReportPerLine = "O1";

    /// <summary>20 000 samples/s (UM-003-A p.9, "S2"): doubles the measurable speed of the 10 ksps default to ≈ 224 km/h.</summary>
    public const string SampleRate20k = "S2";

    /// <summary>One decimal place (UM-003-A p.8, "Fn"); finer digits would be below the 0.44 km/h FFT resolution.</summary>
    public const string OneDecimalPlace = "F1";

    /// <summary>Report both directions (UM-003-A p.10, "R|"); the sign tells them apart.</summary>
    public const string BothDirections = "R|";

    /// <summary>The answer key and value that prove the unit is km/h (UM-003-A p.8).</summary>
    public const string UnitsKey = "Units";

    public const string KilometresPerHourUnitName = "km-per-hr";

    public const string ProductKey = "Product";

    public const string VersionKey = "Version";

    /// <summary>Reported minimum speed filter (UM-003-A p.10, "R&gt;n", "requires a return after the number").</summary>
    public static string MinimumSpeed(double kilometresPerHour) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"R>{kilometresPerHour:0.#}\r");
}

namespace EdgeNode.Fleet.OpenData;

/// <summary>A node as open data describes it. Coordinates are WGS 84 degrees, null until recorded.</summary>
public sealed record OpenNode(string Id, string Name, string Municipality, string LampPostId, double? Latitude, double? Longitude, bool Active, string Windows, string Traffic);

/// <summary>The answer of /api/open/v1/nodes.</summary>
public sealed record OpenNodeList(OpenDataLicence Licence, DateTimeOffset GeneratedAt, IReadOnlyList<OpenNode> Nodes);

/// <summary>One quantity: its stored name and unit.</summary>
public sealed record OpenMetric(string Name, string Unit);

/// <summary>One sensor seen in the answer's windows and what it is.</summary>
public sealed record OpenSensor(string Name, string? Model);

/// <summary>One sensor's correction of the metric under a calibration version: value = gain × raw + offset.</summary>
public sealed record OpenCorrection(string Sensor, double Gain, double Offset);

/// <summary>
/// A calibration version as it touched the metric: the corrections of the sensors it corrected (a sensor not listed went
/// out as measured), and when staff set it (the node applies it when it next connects).
/// </summary>
public sealed record OpenCalibration(int Version, DateTimeOffset SetAt, IReadOnlyList<OpenCorrection> Corrections);

/// <summary>
/// What a reuser needs to read the windows: licence, node, metric and unit, the instruments, the window lengths and
/// calibration versions found in the range with what each did (<paramref name="Calibrations"/>: the versions this fleet
/// knows; a version it lost, in a database restored from before it, is missing there), and what the columns mean.
/// </summary>
public sealed record OpenWindowMetadata(
    OpenDataLicence Licence,
    OpenNode Node,
    OpenMetric Metric,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<OpenSensor> Sensors,
    IReadOnlyList<int> WindowSeconds,
    IReadOnlyList<int> CalibrationVersions,
    IReadOnlyList<OpenCalibration> Calibrations,
    IReadOnlyDictionary<string, string> Columns);

/// <summary>One aggregated window of one metric from one sensor.</summary>
public sealed record OpenWindow(
    string Sensor,
    DateTimeOffset Start,
    DateTimeOffset End,
    int WindowSeconds,
    double Mean,
    double Minimum,
    double Maximum,
    double Last,
    int Count,
    double Coverage,
    bool Partial,
    string TimeQuality,
    int CalibrationVersion);

/// <summary>The JSON answer of /api/open/v1/nodes/{id}/windows: metadata, then the windows by start.</summary>
public sealed record OpenWindowData(OpenWindowMetadata Metadata, IReadOnlyList<OpenWindow> Windows);

/// <summary>One traffic window: counts per direction and speeds, never anything that identifies a vehicle.</summary>
public sealed record OpenTrafficWindow(
    string Sensor,
    DateTimeOffset Start,
    DateTimeOffset End,
    int WindowSeconds,
    int Approaching,
    int Receding,
    IReadOnlyList<int> SpeedHistogram,
    double? V85KilometresPerHour,
    bool Partial,
    string TimeQuality);

/// <summary>The JSON answer of /api/open/v1/nodes/{id}/traffic.</summary>
public sealed record OpenTrafficData(
    OpenDataLicence Licence,
    OpenNode Node,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<OpenSensor> Sensors,
    string SpeedHistogram,
    IReadOnlyList<OpenTrafficWindow> Windows);

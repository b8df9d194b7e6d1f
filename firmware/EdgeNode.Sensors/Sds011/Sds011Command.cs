namespace EdgeNode.Sensors.Sds011;

/// <summary>
/// Data byte 1 of a command packet: what the host asks (Laser Dust Sensor Control Protocol V1.3 §3). A
/// reply (0xC5) repeats it in the same place so that the host knows what is being answered.
/// </summary>
internal enum Sds011Command : byte
{
    /// <summary>§3.1: query or set active/query reporting; kept after power off.</summary>
    ReportingMode = 0x02,

    /// <summary>§3.2: ask for one measurement; answered with a 0xC0 frame.</summary>
    QueryData = 0x04,

    /// <summary>§3.3: give the sensor a new two-byte device id.</summary>
    SetDeviceId = 0x05,

    /// <summary>§3.4: sleep (fan and laser off) or work; not kept after power off.</summary>
    SleepAndWork = 0x06,

    /// <summary>§3.6: firmware date (year, month, day).</summary>
    FirmwareVersion = 0x07,

    /// <summary>§3.5: report continuously (0) or every 1–30 minutes; kept after power off.</summary>
    WorkingPeriod = 0x08,
}

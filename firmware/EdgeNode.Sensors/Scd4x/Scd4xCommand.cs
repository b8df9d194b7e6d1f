namespace EdgeNode.Sensors.Scd4x;

/// <summary>
/// The 16-bit commands this driver and its emulator use, sent big-endian (datasheet "SCD4x" v1.3 §3.4 Table 9;
/// each command's own section is named beside it). Execution times are in <see cref="Scd4xProtocol.ExecutionTime"/>.
/// </summary>
internal enum Scd4xCommand : ushort
{
    /// <summary>§3.5.1: measure every 5 s until stopped. Idle only.</summary>
    StartPeriodicMeasurement = 0x21B1,

    /// <summary>§3.5.2: CO2, temperature, humidity: three words; NACK when no new data is buffered.</summary>
    ReadMeasurement = 0xEC05,

    /// <summary>§3.5.3: back to idle; the sensor answers nothing else for 500 ms.</summary>
    StopPeriodicMeasurement = 0x3F86,

    /// <summary>§3.8.2: one word; data ready when its 11 least significant bits are not all 0.</summary>
    GetDataReadyStatus = 0xE4B8,

    /// <summary>§3.9.2: three words forming a 48-bit serial number, big-endian. Idle only.</summary>
    GetSerialNumber = 0x3682,

    /// <summary>§3.9.3: one word, 0 when no malfunction was found. Idle only; 10 s.</summary>
    PerformSelfTest = 0x3639,

    /// <summary>§3.9.5: reload the settings from EEPROM. Idle only.</summary>
    Reinit = 0x3646,

    /// <summary>§3.10.1, SCD41 only: one measurement on demand, 5 s. Idle only.</summary>
    MeasureSingleShot = 0x219D,

    /// <summary>§3.10.2, SCD41 only: temperature and humidity only (CO2 reads 0), 50 ms. Idle only.</summary>
    MeasureSingleShotRhtOnly = 0x2196,
}

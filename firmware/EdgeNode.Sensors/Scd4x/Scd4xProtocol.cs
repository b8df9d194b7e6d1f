namespace EdgeNode.Sensors.Scd4x;

/// <summary>Timing and signal conversion of the SCD4x (datasheet "SCD4x" v1.3).</summary>
internal static class Scd4xProtocol
{
    /// <summary>§3 Table 8: the fixed I2C address.</summary>
    public const int Address = 0x62;

    /// <summary>§3.5.1: periodic measurement updates its signal every 5 s, the first one 5 s after the start.</summary>
    public static readonly TimeSpan SignalUpdateInterval = TimeSpan.FromSeconds(5);

    /// <summary>§3.1: after its supply passes 2.25 V the sensor needs 1000 ms to reach idle and accept commands.</summary>
    public static readonly TimeSpan PowerUpTime = TimeSpan.FromMilliseconds(1000);

    /// <summary>§3.8.2: "If the least significant 11 bits of word[0] are 0 → data not ready".</summary>
    public const ushort DataReadyMask = 0x07FF;

    /// <summary>
    /// §3.4 Table 9, execution time. §3.3: the sensor acknowledges the read header only once it has passed, and
    /// no command may be sent while the previous one is processed.
    /// </summary>
    public static TimeSpan ExecutionTime(Scd4xCommand command) => TimeSpan.FromMilliseconds(command switch
    {
        Scd4xCommand.StartPeriodicMeasurement => 0,
        Scd4xCommand.ReadMeasurement => 1,
        Scd4xCommand.StopPeriodicMeasurement => 500,
        Scd4xCommand.GetDataReadyStatus => 1,
        Scd4xCommand.GetSerialNumber => 1,
        Scd4xCommand.PerformSelfTest => 10_000,
        Scd4xCommand.Reinit => 20,
        Scd4xCommand.MeasureSingleShot => 5_000,
        Scd4xCommand.MeasureSingleShotRhtOnly => 50,
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Not an SCD4x command this driver knows."),
    });

    /// <summary>
    /// §3.5.2: T = −45 + 175 · word / (2¹⁶ − 1). The v1.3 datasheet divides by 2¹⁶; later revisions and Sensirion's
    /// own drivers by 2¹⁶ − 1. The two differ by at most 0.003 °C, a tenth of the output's noise.
    /// </summary>
    public static double TemperatureCelsius(ushort word) => -45 + 175.0 * word / 65535;

    /// <summary>§3.5.2: RH = 100 · word / (2¹⁶ − 1).</summary>
    public static double RelativeHumidityPercent(ushort word) => 100.0 * word / 65535;

    /// <summary>The inverse of <see cref="TemperatureCelsius"/>, for the emulator; clamped to what a word can hold.</summary>
    public static ushort TemperatureWord(double celsius) => (ushort)Math.Clamp(Math.Round((celsius + 45) * 65535 / 175), 0, 65535);

    public static ushort RelativeHumidityWord(double percent) => (ushort)Math.Clamp(Math.Round(percent * 65535 / 100), 0, 65535);
}

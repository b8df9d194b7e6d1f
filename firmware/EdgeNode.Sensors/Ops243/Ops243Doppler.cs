namespace EdgeNode.Sensors.Ops243;

/// <summary>
/// The Doppler arithmetic behind the OPS243's figures. The sensor samples I and Q, so its FFT spans ±fs/2
/// (inbound and outbound) and a speed above fs/2 × λ/2 folds back to a wrong value instead of saturating.
/// Checked against UM-003-A p.7: at the 10 ksps default with a 1024 buffer this gives the 0.0607 m/s
/// resolution the sensor itself reports in its <c>??</c> answer.
/// </summary>
internal static class Ops243Doppler
{
    /// <summary>Default carrier, T=0 (UM-003-A p.10, "Frequency Control").</summary>
    public const double CarrierHertz = 24.125e9;

    public const double SpeedOfLightMetresPerSecond = 299_792_458;

    /// <summary>The sample rate the driver selects with <see cref="Ops243Commands.SampleRate20k"/>.</summary>
    public const int ConfiguredSampleRateHertz = 20_000;

    /// <summary>The buffer size the sensor uses unless told otherwise (UM-003-A p.9, "S&gt;" is 1024).</summary>
    public const int DefaultBufferSize = 1024;

    /// <summary>Speed per hertz of Doppler shift: λ/2, because the wave travels out and back.</summary>
    public static double MetresPerSecondPerHertz => SpeedOfLightMetresPerSecond / (2 * CarrierHertz);

    /// <summary>The fastest speed the FFT can represent at a sample rate (Nyquist for complex samples).</summary>
    public static double MaximumSpeedKilometresPerHour(int sampleRateHertz) =>
        sampleRateHertz / 2.0 * MetresPerSecondPerHertz * 3.6;

    /// <summary>One FFT bin, the sensor's speed resolution.</summary>
    public static double ResolutionKilometresPerHour(int sampleRateHertz, int bufferSize) =>
        (double)sampleRateHertz / bufferSize * MetresPerSecondPerHertz * 3.6;

    /// <summary>≈ 223.7 km/h: no report above this can come from the sensor as the driver configures it.</summary>
    public static double ConfiguredMaximumSpeedKilometresPerHour => MaximumSpeedKilometresPerHour(ConfiguredSampleRateHertz);
}

namespace EdgeNode.Protocol.Codec;

/// <summary>Bounds the decoder enforces before it allocates, so a hostile payload cannot make the fleet spend memory.</summary>
public static class PayloadLimits
{
    /// <summary>A week of 15-minute windows is 672; a batch is at most a few hours' worth.</summary>
    public const int MaximumWindowsPerBatch = 2_000;

    public const int MaximumSensorsPerWindow = 16;

    public const int MaximumMetricsPerSensor = 16;

    public const int MaximumReportsPerBatch = 256;

    public const int MaximumTextBytes = 200;

    public const int MaximumNameBytes = 32;

    public const int MaximumConfigSettings = 64;

    /// <summary>What the fleet accepts on the wire, compressed.</summary>
    public const int MaximumPayloadBytes = 256 * 1024;

    /// <summary>What a compressed body may grow to once inflated: a guard against compression bombs.</summary>
    public const int MaximumInflatedBytes = 4 * 1024 * 1024;

    public const int MinimumWindowSeconds = 60;

    public const int MaximumWindowSeconds = 86_400;

    /// <summary>Windows may carry a pre-synchronisation date (1970 on a Pi with no saved time) but never a far-future one.</summary>
    public static readonly DateTimeOffset LatestInstant = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);
}

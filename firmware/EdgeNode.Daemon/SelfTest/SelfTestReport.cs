namespace EdgeNode.Daemon.SelfTest;

/// <summary>Everything the self-test found, in the order a technician reads it.</summary>
public sealed record SelfTestReport(string Hardware, DateTimeOffset At, I2cScanResult Scan, IReadOnlyList<SensorVerdict> Verdicts)
{
    public bool AllOk => Verdicts.All(v => v.Ok);
}

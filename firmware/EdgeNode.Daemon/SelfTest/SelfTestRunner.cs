using EdgeNode.Daemon.NodeHardware;

namespace EdgeNode.Daemon.SelfTest;

/// <summary>
/// Runs the technician's self-test once the I2C bus is scanned: identify every expected sensor, then read them (together on
/// a real clock, so the PM sensors' warm-ups overlap) and give a verdict for each.
/// </summary>
public sealed class SelfTestRunner(INodeHardware hardware, I2cScanResult scan, IReadOnlyList<SensorCheck> checks, SelfTestPlan plan)
{
    /// <param name="afterIdentification">
    /// Called once every sensor has been identified and before any is read: emulation injects run-time
    /// faults here, as a cable shaken loose after installation would.
    /// </param>
    public async Task<SelfTestReport> RunAsync(Action? afterIdentification = null, CancellationToken cancellationToken = default)
    {
        DateTimeOffset started = hardware.Time.GetUtcNow();
        var verdicts = new SensorVerdict?[checks.Count];
        for (int i = 0; i < checks.Count; i++)
        {
            verdicts[i] = await checks[i].OpenAsync(cancellationToken).ConfigureAwait(false);
        }

        afterIdentification?.Invoke();

        var results = new SensorVerdict[checks.Count];
        if (plan.ReadTogether)
        {
            IEnumerable<Task<SensorVerdict>> observations = checks.Select((check, i) => verdicts[i] is { } found ? Task.FromResult(found) : check.ObserveAsync(plan, hardware.Time, cancellationToken));
            results = await Task.WhenAll(observations).ConfigureAwait(false);
        }
        else
        {
            for (int i = 0; i < checks.Count; i++)
            {
                results[i] = verdicts[i] ?? await checks[i].ObserveAsync(plan, hardware.Time, cancellationToken).ConfigureAwait(false);
            }
        }

        return new SelfTestReport(hardware.Name, started, scan, results);
    }
}

using EdgeNode.Sensors;

namespace EdgeNode.Daemon.SelfTest;

/// <summary>
/// The outcome of reading one sensor several times. An isolated bad reading is noted, not condemned; a
/// sensor whose last reading failed, or more than a quarter of them, is faulty. "Warming up" before the
/// first good reading is the sensor getting ready (a CO2 sensor's first 5 s), not a failure.
/// </summary>
internal sealed class ReadingSeries
{
    private readonly List<SensorFaultException> _faults = [];
    private int _attempts;
    private IReadOnlyList<Measurement>? _lastGood;
    private SensorFaultException? _lastFault;

    public void Succeeded(IReadOnlyList<Measurement> reading)
    {
        _attempts++;
        _lastGood = reading;
        _lastFault = null;
    }

    public void Failed(SensorFaultException fault)
    {
        _lastFault = fault;
        if (fault.Kind == SensorFaultKind.WarmingUp && _lastGood is null)
        {
            return;
        }

        _attempts++;
        _faults.Add(fault);
    }

    public SensorVerdict Verdict(string sensor, string location)
    {
        if (_lastFault is { } last)
        {
            return new SensorVerdict(sensor, location, last.Kind, SelfTestText.FaultName(last.Kind), last.Message);
        }

        if (_lastGood is null)
        {
            return new SensorVerdict(sensor, location, SensorFaultKind.NotAnswering, SelfTestText.FaultName(SensorFaultKind.NotAnswering),
                "The self-test ended before any reading: run it again with a longer --observe.");
        }

        if (_faults.Count * 4 > _attempts)
        {
            SensorFaultException frequent = _faults[^1];
            return new SensorVerdict(sensor, location, frequent.Kind, SelfTestText.FaultName(frequent.Kind),
                $"{_faults.Count} of {_attempts} readings failed. {frequent.Message}");
        }

        string values = string.Join(", ", _lastGood.Select(SelfTestText.Format));
        string? note = _faults.Count == 0
            ? null
            : $"{_faults.Count} of {_attempts} readings failed ({SelfTestText.FaultName(_faults[^1].Kind)}); watch it.";
        return new SensorVerdict(sensor, location, null, values, note);
    }
}

namespace EdgeNode.Sensors.Ops243;

/// <summary>
/// Turns the stream of signed speed reports into vehicle passages: a passage is a run of reports in one
/// direction with gaps shorter than the hold time. Each direction has its own run, because the sensor
/// reports whichever target is strongest, so two vehicles crossing make the reports alternate in sign.
/// Also watches the raw reports for a frozen sensor.
/// </summary>
internal sealed class PassageTracker
{
    /// <summary>
    /// The same raw report for longer than this is a frozen sensor. The slowest vehicle reported (10 km/h,
    /// 2.8 m/s) crosses even the longest detection range of the OPS243 (≈ 100 m for a car) in 36 s, and its
    /// radial speed changes with the angle while it does; an unbroken run of identical values for a full
    /// minute is not traffic.
    /// </summary>
    public static readonly TimeSpan StuckLimit = TimeSpan.FromSeconds(60);

    private readonly Ops243Settings _settings;
    private readonly SpeedRun?[] _runs = new SpeedRun?[2];
    private readonly StuckValueDetector _stuck = new(StuckLimit);
    private readonly List<VehiclePassage> _completed = [];
    private DateTimeOffset? _lastReportAt;

    public PassageTracker(Ops243Settings settings) => _settings = settings;

    /// <summary>When the earliest open run will have been idle for the hold time, or null with none open.</summary>
    public DateTimeOffset? NextCloseAt
    {
        get
        {
            DateTimeOffset? next = null;
            foreach (SpeedRun? run in _runs)
            {
                if (run is not null && (next is null || run.LastAt + _settings.HoldTime < next))
                {
                    next = run.LastAt + _settings.HoldTime;
                }
            }

            return next;
        }
    }

    /// <summary>Adds one report (|speed| already checked against the sensor's range). Returns true when the sensor looks stuck.</summary>
    public bool Add(DateTimeOffset at, double signedSpeedKilometresPerHour)
    {
        // Stuck means an unbroken stream of one value; a gap resets it, so two vehicles minutes apart
        // at the same speed are not mistaken for a frozen sensor.
        if (_lastReportAt is { } last && at - last >= _settings.HoldTime)
        {
            _stuck.Reset();
        }

        _lastReportAt = at;
        if (_stuck.IsStuck([(long)Math.Round(signedSpeedKilometresPerHour * 100)], at))
        {
            return true;
        }

        // Positive is inbound, i.e. approaching (UM-003-A p.10, R+ "inbound"; OPS-UM-001-C p.8).
        TravelDirection direction = signedSpeedKilometresPerHour > 0 ? TravelDirection.Approaching : TravelDirection.Receding;
        int index = (int)direction;
        if (_runs[index] is { } run && at - run.LastAt >= _settings.HoldTime)
        {
            Finish(run, direction);
            _runs[index] = null;
        }

        (_runs[index] ??= new SpeedRun(at)).Add(at, Math.Abs(signedSpeedKilometresPerHour));
        return false;
    }

    /// <summary>Closes the runs idle for the hold time at <paramref name="now"/> and moves every completed passage to <paramref name="into"/>.</summary>
    public void Collect(DateTimeOffset now, List<VehiclePassage> into)
    {
        for (int i = 0; i < _runs.Length; i++)
        {
            if (_runs[i] is { } run && now - run.LastAt >= _settings.HoldTime)
            {
                Finish(run, (TravelDirection)i);
                _runs[i] = null;
            }
        }

        _completed.Sort((a, b) => a.At.CompareTo(b.At));
        into.AddRange(_completed);
        _completed.Clear();
    }

    /// <summary>Drops open runs, e.g. after the sensor was reconfigured and its earlier reports are doubtful.</summary>
    public void Clear()
    {
        Array.Clear(_runs);
        _stuck.Reset();
        _lastReportAt = null;
    }

    private void Finish(SpeedRun run, TravelDirection direction)
    {
        if (run.Count >= _settings.MinimumReportsPerPassage)
        {
            // The vehicle is counted when it leaves the beam: the run's last report.
            _completed.Add(new VehiclePassage(run.LastAt, direction, run.PassageSpeedKilometresPerHour()));
        }
    }
}

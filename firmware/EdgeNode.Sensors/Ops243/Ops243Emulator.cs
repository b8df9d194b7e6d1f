using System.Text;
using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Emulation;

namespace EdgeNode.Sensors.Ops243;

/// <summary>
/// An OPS243-A on the far end of an <see cref="EmulatedSerialPort"/>. It answers the configuration and query
/// commands as the sensor does (<see cref="Ops243CommandInterpreter"/>) and, driven by a
/// <see cref="ITrafficModel"/>, streams a speed report every <see cref="ReportInterval"/> while a vehicle is in
/// the beam: the radial speed of the nearest vehicle (the strongest echo) with Doppler noise, quantised to
/// the FFT resolution and folded back above the sample rate's limit, filtered and formatted by the sensor's
/// current settings. It starts at factory settings (m/s, 10 ksps) and <see cref="Reboot"/> returns there.
/// Faults, as a broken sensor shows them: Silent (nothing, no answers), CorruptData (every line and answer
/// garbled), OutOfRange (well-formed reports faster than the sensor can measure), Stuck (one report
/// repeated forever, while queries are still answered), WrongDevice (a GPS receiver's NMEA sentences).
/// </summary>
public sealed class Ops243Emulator : IEmulatedSerialPeripheral, IEmulatedSensor
{
    // Vehicles are fetched this far ahead; a vehicle must cross the beam range within half of it (60 m at
    // ≥ 3.6 km/h), so an idle emulator can sleep until half the horizon without missing one.
    private static readonly TimeSpan Lookahead = TimeSpan.FromSeconds(120);

    // An idle emulator still wakes this often, so that a fault injected while the road is empty shows on
    // the line within a second, as it would on a real sensor, instead of at the next vehicle.
    private static readonly TimeSpan IdleWake = TimeSpan.FromSeconds(1);

    private readonly ITrafficModel _traffic;
    private readonly RadarBeam _beam;
    private readonly Random _random;
    private readonly Ops243EmulatedState _state = new();
    private readonly Ops243CommandInterpreter _interpreter;
    private readonly List<EmulatedVehicle> _known = [];
    private DateTimeOffset? _fetchedUntil;
    private DateTimeOffset? _nextReportAt;
    private DateTimeOffset? _nextNmeaAt;
    private string? _lastReport;
    private string? _frozenReport;

    /// <param name="traffic">The road the radar watches.</param>
    /// <param name="beam">Mounting geometry; <see cref="RadarBeam.VillageLamppost"/> when null.</param>
    /// <param name="seed">Seed of the Doppler noise and of the garbling, so a test run repeats exactly.</param>
    public Ops243Emulator(ITrafficModel traffic, RadarBeam? beam = null, int seed = 7)
    {
        _traffic = traffic;
        _beam = beam ?? RadarBeam.VillageLamppost;
        _random = new Random(seed);
        _interpreter = new Ops243CommandInterpreter(_state);
    }

    public EmulatedFault Fault { get; set; }

    /// <summary>Standard deviation of the Doppler noise as a fraction of the speed (the datasheet quotes ±0.5 % accuracy).</summary>
    public double NoiseFraction { get; init; } = 0.003;

    /// <summary>The unit name the sensor would answer to U?, e.g. "km-per-hr".</summary>
    public string Units => _state.UnitName;

    public int SampleRateHertz => _state.SampleRateHertz;

    public int DecimalPlaces => _state.DecimalPlaces;

    public bool JsonMode => _state.JsonMode;

    /// <summary>'+' inbound only, '-' outbound only, '|' both.</summary>
    public char DirectionFilter => _state.DirectionFilter;

    /// <summary>The R&gt;n filter, in <see cref="Units"/>.</summary>
    public double MinimumSpeedFilter => _state.MinimumSpeed;

    public TimeSpan ReportInterval => _state.ReportInterval;

    /// <summary>A power cut or brown-out: every setting back to its factory value.</summary>
    public void Reboot() => _state.Reset();

    public ReadOnlyMemory<byte> Receive(ReadOnlySpan<byte> fromHost, DateTimeOffset now)
    {
        if (Fault is EmulatedFault.Silent or EmulatedFault.WrongDevice)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        string answers = _interpreter.Feed(fromHost);
        if (_interpreter.ResetRequested)
        {
            _interpreter.ResetRequested = false;
            Reboot();
        }

        return Fault == EmulatedFault.CorruptData ? Garble(answers) : Encoding.ASCII.GetBytes(answers);
    }

    public SerialEmission Emit(DateTimeOffset now)
    {
        TimeSpan interval = _state.ReportInterval;
        _nextReportAt ??= WholeMillisecond(now + interval);
        switch (Fault)
        {
            case EmulatedFault.Silent:
                _nextReportAt = WholeMillisecond(now + interval);
                return new SerialEmission(ReadOnlyMemory<byte>.Empty, WholeMillisecond(now + TimeSpan.FromSeconds(1)));
            case EmulatedFault.WrongDevice:
                return EmitNmea(now);
        }

        _nextNmeaAt = null;
        _frozenReport = Fault == EmulatedFault.Stuck ? _frozenReport : null;
        RefreshVehicles(now);
        var output = new StringBuilder();
        while (_nextReportAt <= now)
        {
            DateTimeOffset at = _nextReportAt.Value;
            if (LineAt(at) is { } line)
            {
                output.Append(line).Append("\r\n");
            }

            _nextReportAt = at + interval;
            if (Fault == EmulatedFault.None)
            {
                SkipIdle(interval);
            }
        }

        ReadOnlyMemory<byte> bytes = Fault == EmulatedFault.CorruptData ? Garble(output.ToString()) : Encoding.ASCII.GetBytes(output.ToString());
        return new SerialEmission(bytes, _nextReportAt);
    }

    private string? LineAt(DateTimeOffset at)
    {
        switch (Fault)
        {
            case EmulatedFault.Stuck:
                // The signal processing froze: the last report goes out again and again.
                return _frozenReport ??= _lastReport ?? _state.FormatSpeed(_state.FromMetresPerSecond(42.6 / 3.6));
            case EmulatedFault.OutOfRange:
                double impossible = _state.MaximumMetresPerSecond * (1.5 + _random.NextDouble());
                return _state.FormatSpeed(_state.FromMetresPerSecond(_random.Next(2) == 0 ? impossible : -impossible));
            case EmulatedFault.CorruptData:
                // A plausible report, garbled on the way (see Garble).
                return _state.FormatSpeed(_state.FromMetresPerSecond((10 + (30 * _random.NextDouble())) / 3.6));
            default:
                string? report = ReportAt(at);
                _lastReport = report ?? _lastReport;
                return report;
        }
    }

    private string? ReportAt(DateTimeOffset at)
    {
        EmulatedVehicle? nearest = null;
        double nearestRange = double.MaxValue;
        foreach (EmulatedVehicle vehicle in _known)
        {
            (DateTimeOffset from, DateTimeOffset to) = _beam.Visibility(vehicle);
            double range = _beam.RangeMetres(vehicle, at);
            if (at >= from && at <= to && range < nearestRange)
            {
                nearest = vehicle;
                nearestRange = range;
            }
        }

        if (nearest is not { } target)
        {
            return null;
        }

        double radial = _beam.RadialMetresPerSecond(target, at) * (1 + NoiseFraction * Gaussian());
        double maximum = _state.MaximumMetresPerSecond;
        double folded = radial - (2 * maximum * Math.Floor((radial + maximum) / (2 * maximum)));
        double resolution = _state.ResolutionMetresPerSecond;
        return _state.FormatReport(Math.Round(folded / resolution) * resolution);
    }

    private void RefreshVehicles(DateTimeOffset now)
    {
        DateTimeOffset from = _fetchedUntil ?? now - Lookahead;
        DateTimeOffset until = now + Lookahead;
        if (until > from)
        {
            _known.AddRange(_traffic.Between(from, until));
            _fetchedUntil = until;
        }

        _known.RemoveAll(v => _beam.Visibility(v).To < now - TimeSpan.FromSeconds(1));
    }

    /// <summary>With nothing in the beam, jumps the next report to when the next vehicle enters it (at most <see cref="IdleWake"/> ahead).</summary>
    private void SkipIdle(TimeSpan interval)
    {
        DateTimeOffset next = _nextReportAt!.Value;
        DateTimeOffset horizon = _fetchedUntil!.Value - (Lookahead / 2);
        DateTimeOffset wake = next + IdleWake < horizon ? next + IdleWake : horizon;
        foreach (EmulatedVehicle vehicle in _known)
        {
            (DateTimeOffset from, DateTimeOffset to) = _beam.Visibility(vehicle);
            if (to >= next && from < wake)
            {
                wake = from;
            }
        }

        if (wake > next)
        {
            long steps = (long)Math.Ceiling((wake - next) / interval);
            _nextReportAt = next + (interval * steps);
        }
    }

    private SerialEmission EmitNmea(DateTimeOffset now)
    {
        _nextNmeaAt ??= WholeMillisecond(now);
        var output = new StringBuilder();
        while (_nextNmeaAt <= now)
        {
            output.Append(NmeaChatter.SentenceAt(_nextNmeaAt.Value));
            _nextNmeaAt += TimeSpan.FromSeconds(1);
        }

        return new SerialEmission(Encoding.ASCII.GetBytes(output.ToString()), _nextNmeaAt);
    }

    /// <summary>Replaces characters with noise bytes as a marginal line or a wrong baud rate would, keeping the line ends.</summary>
    private byte[] Garble(string text)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(text);
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] is not ((byte)'\r' or (byte)'\n') && (_random.Next(2) == 0 || i == 0 || bytes[i - 1] == (byte)'\n'))
            {
                bytes[i] = (byte)_random.Next(0x80, 0x100);
            }
        }

        return bytes;
    }

    /// <summary>Rounds up to the millisecond (see <see cref="Ops243EmulatedState.ReportInterval"/>).</summary>
    private static DateTimeOffset WholeMillisecond(DateTimeOffset at) =>
        new(at.Ticks + ((TimeSpan.TicksPerMillisecond - (at.Ticks % TimeSpan.TicksPerMillisecond)) % TimeSpan.TicksPerMillisecond), at.Offset);

    private double Gaussian() =>
        Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}

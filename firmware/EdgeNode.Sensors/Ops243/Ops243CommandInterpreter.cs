using System.Globalization;
using System.Text;

namespace EdgeNode.Sensors.Ops243;

/// <summary>
/// Reads host commands from the byte stream as the sensor does: two characters each, except R&gt;n and
/// R&lt;n which run to a carriage return (UM-003-A p.10). Bytes may arrive in any pieces; a partial numeric
/// command waits for its terminator. Unknown commands are ignored.
/// </summary>
internal sealed class Ops243CommandInterpreter(Ops243EmulatedState state)
{
    // A numeric command longer than this without its terminator is noise, not a command.
    private const int MaximumPendingLength = 24;

    private readonly StringBuilder _pending = new();

    /// <summary>Set when the host sent P! (system reset).</summary>
    public bool ResetRequested { get; set; }

    /// <summary>Takes bytes from the host; returns the answer lines (each ending CRLF) the sensor sends back.</summary>
    public string Feed(ReadOnlySpan<byte> fromHost)
    {
        foreach (byte b in fromHost)
        {
            _pending.Append((char)b);
        }

        var answers = new StringBuilder();
        while (true)
        {
            while (_pending.Length > 0 && _pending[0] is '\r' or '\n' or ' ')
            {
                _pending.Remove(0, 1);
            }

            if (_pending.Length < 2)
            {
                break;
            }

            string command = _pending.ToString(0, 2);
            if (command is "R>" or "R<")
            {
                int end = IndexOfLineEnd();
                if (end < 0)
                {
                    if (_pending.Length > MaximumPendingLength)
                    {
                        _pending.Clear();
                    }

                    break;
                }

                ApplyFilter(command, _pending.ToString(2, end - 2));
                _pending.Remove(0, end + 1);
                continue;
            }

            _pending.Remove(0, 2);
            Apply(command, answers);
        }

        return answers.ToString();
    }

    private int IndexOfLineEnd()
    {
        for (int i = 2; i < _pending.Length; i++)
        {
            if (_pending[i] is '\r' or '\n')
            {
                return i;
            }
        }

        return -1;
    }

    private void ApplyFilter(string command, string number)
    {
        if (!double.TryParse(number.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value < 0)
        {
            return;
        }

        if (command == "R>")
        {
            state.MinimumSpeed = value;
        }
        else
        {
            state.MaximumSpeed = value;
        }
    }

    private void Apply(string command, StringBuilder answers)
    {
        switch (command)
        {
            case "??":
                Answer(answers, "{\"Product\":\"OPS243\"}");
                Answer(answers, "{\"Version\":\"1.3.1\"}");
                Answer(answers, Invariant($"{{\"SamplingRate\":{state.SampleRateHertz}, \"resolution\":{state.ResolutionMetresPerSecond:0.0000}}}"));
                Answer(answers, Invariant($"{{\"SampleSize\":{state.BufferSize}}}"));
                Answer(answers, "{\"PowerMode\":\"Continuous\"}");
                Answer(answers, Invariant($"{{\"RequiredMinSpeed\":\"{state.MinimumSpeed:0.000}\"}}"));
                break;
            case "?P":
                Answer(answers, "{\"Product\":\"OPS243 Doppler\"}");
                break;
            case "?V":
                Answer(answers, "{\"Version\":\"1.3.1\"}");
                break;
            case "?B":
                Answer(answers, "{\"Build\":\"20181005_1335\"}");
                break;
            case "U?":
                Answer(answers, $"{{\"Units\":\"{state.UnitName}\"}}");
                break;
            case "UK" or "UM" or "US" or "UF" or "UC":
                state.Unit = command[1] switch
                {
                    'K' => EmulatedSpeedUnit.KilometresPerHour,
                    'S' => EmulatedSpeedUnit.MilesPerHour,
                    'F' => EmulatedSpeedUnit.FeetPerSecond,
                    'C' => EmulatedSpeedUnit.CentimetresPerSecond,
                    _ => EmulatedSpeedUnit.MetresPerSecond,
                };
                Answer(answers, $"{{\"Units\":\"{state.UnitName}\"}}");
                break;
            case "OJ" or "Oj":
                state.JsonMode = command == "OJ";
                break;
            case "OS" or "Os":
                state.SpeedReports = command == "OS";
                break;
            case "R+" or "R-" or "R|":
                state.DirectionFilter = command[1];
                break;
            case "P!":
                ResetRequested = true;
                break;
            default:
                ApplySampling(command);
                break;
        }
    }

    private void ApplySampling(string command)
    {
        switch (command)
        {
            case "SI": state.SampleRateHertz = 1_000; break;
            case "SV": state.SampleRateHertz = 5_000; break;
            case "SX" or "S1": state.SampleRateHertz = 10_000; break;
            case "S2": state.SampleRateHertz = 20_000; break;
            case "SL": state.SampleRateHertz = 50_000; break;
            case "SC": state.SampleRateHertz = 100_000; break;
            case "S>": state.BufferSize = 1024; break;
            case "S<": state.BufferSize = 512; break;
            case "S{": state.BufferSize = 256; break;
            default:
                if (command[0] == 'F' && command[1] is >= '0' and <= '5')
                {
                    state.DecimalPlaces = command[1] - '0';
                }

                // "On" (number of reports) and anything unknown change nothing the emulator models.
                break;
        }
    }

    private static void Answer(StringBuilder answers, string line) => answers.Append(line).Append("\r\n");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

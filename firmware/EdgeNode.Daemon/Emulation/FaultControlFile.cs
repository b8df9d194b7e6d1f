using System.Text;

namespace EdgeNode.Daemon.Emulation;

/// <summary>
/// <c>&lt;data directory&gt;/emulation-faults</c>: the faults a running <c>edgenode run --emulate</c> injects, one
/// <c>SENSOR=KIND</c> per line (the <c>--fault</c> syntax), blank lines and <c># comments</c> ignored, an empty
/// file for none. The service writes the <c>--fault</c> list into it at start, so it always shows what is in
/// force, and re-reads it every few seconds.
/// </summary>
public static class FaultControlFile
{
    public const string FileName = "emulation-faults";

    private const string Header = """
        # Faults injected into the emulated sensors of this running `edgenode run --emulate`.
        # One SENSOR=KIND per line, e.g. sds011=corrupt-data; delete a line to clear its fault.
        # KIND: not-present (unplugged), not-answering, corrupt-data, out-of-range, stuck.
        # Read again every few seconds; a line that cannot be used is logged and ignored.

        """;

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, FileName);

    public static void Write(string dataDirectory, IEnumerable<InjectedFault> faults)
    {
        Directory.CreateDirectory(dataDirectory);
        var text = new StringBuilder(Header.ReplaceLineEndings("\n"));
        foreach (InjectedFault fault in faults)
        {
            text.Append(fault).Append('\n');
        }

        File.WriteAllText(PathIn(dataDirectory), text.ToString());
    }

    /// <summary>The faults the text asks for, and a problem for each line that cannot be used (naming the line).</summary>
    /// <param name="fitted">The sensors fitted on this node; a fault on another is a problem.</param>
    public static (IReadOnlyList<InjectedFault> Faults, IReadOnlyList<string> Problems) Parse(string text, IReadOnlySet<string> fitted)
    {
        var faults = new List<InjectedFault>();
        var problems = new List<string>();
        string[] lines = text.ReplaceLineEndings("\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string where = $"{FileName} line {i + 1} '{line}'";
            InjectedFault fault;
            try
            {
                fault = InjectedFault.Parse(line);
            }
            catch (FormatException e)
            {
                // Parse words its message for --fault; say which line instead.
                problems.Add($"{where}: {e.Message.Replace($"--fault '{line}': ", "", StringComparison.Ordinal)}");
                continue;
            }

            if (fault.WhyNotWhileRunning is { } refused)
            {
                problems.Add($"{where}: {refused}");
            }
            else if (!fitted.Contains(fault.Sensor))
            {
                problems.Add($"{where}: {fault.Sensor} is not fitted on this node (Sensors:Fitted).");
            }
            else if (faults.FirstOrDefault(f => f.Sensor == fault.Sensor) is { } earlier)
            {
                problems.Add($"{where}: {fault.Sensor} already has {earlier} on an earlier line; one fault per sensor.");
            }
            else
            {
                faults.Add(fault);
            }
        }

        return (faults, problems);
    }
}

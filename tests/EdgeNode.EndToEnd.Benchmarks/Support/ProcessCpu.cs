using System.Globalization;

namespace EdgeNode.EndToEnd.Benchmarks.Support;

/// <summary>
/// CPU time (user + system) of a process and all its descendants, from /proc: where a 2-core machine's time went
/// during a run, split by program (Mosquitto, the fleet, PostgreSQL's backends, the simulated nodes).
/// </summary>
internal static class ProcessCpu
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan OfTree(int pid)
    {
        double ticks = 0;
        foreach (int p in Descendants(pid).Append(pid))
        {
            ticks += OwnTicks(p);
        }
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    public static TimeSpan OfSelf() => TimeSpan.FromSeconds(OwnTicks(Environment.ProcessId) / TicksPerSecond);

    private static double OwnTicks(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name (which may hold spaces, so split after its closing parenthesis): utime is 14th, stime 15th.
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0; // ended meanwhile
        }
    }

    private static IEnumerable<int> Descendants(int pid)
    {
        var children = new List<int>();
        foreach (string task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
        {
            string file = Path.Combine(task, "children");
            if (File.Exists(file))
            {
                foreach (string child in File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    children.Add(int.Parse(child, CultureInfo.InvariantCulture));
                }
            }
        }
        return children.Concat(children.SelectMany(Descendants));
    }
}

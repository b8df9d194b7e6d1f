using EdgeNode.Daemon.NodeHardware;
using Microsoft.Extensions.Logging;

namespace EdgeNode.Daemon.Emulation;

/// <summary>
/// The faults injected into a running emulated node, at most one per sensor. Setting a new list applies only
/// what changed, at the wire, and logs each change once.
/// </summary>
public sealed class RuntimeFaults(EmulatedNodeHardware hardware, ILogger logger)
{
    private readonly Dictionary<string, InjectedFault> _active = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<InjectedFault> Active
    {
        get
        {
            lock (_lock)
            {
                return [.. _active.Values.OrderBy(f => f.Sensor, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Makes <paramref name="wanted"/> the faults in force: new ones applied, missing ones cleared.</summary>
    /// <param name="wanted">At most one fault per sensor, none of them refused by <see cref="InjectedFault.WhyNotWhileRunning"/>.</param>
    public void Set(IReadOnlyCollection<InjectedFault> wanted)
    {
        lock (_lock)
        {
            foreach (string sensor in SensorWiring.Names)
            {
                InjectedFault? current = _active.GetValueOrDefault(sensor);
                InjectedFault? next = wanted.FirstOrDefault(f => f.Sensor == sensor);
                if (current == next)
                {
                    continue;
                }

                current?.Clear(hardware);
                if (next is null)
                {
                    _active.Remove(sensor);
                    logger.LogInformation("Emulation: fault {Fault} cleared; {Sensor} works again", current, sensor);
                    continue;
                }

                next.ApplyWhileRunning(hardware);
                _active[sensor] = next;
                if (current is null)
                {
                    logger.LogInformation("Emulation: fault {Fault} injected", next);
                }
                else
                {
                    logger.LogInformation("Emulation: fault {Fault} injected, replacing {Previous}", next, current);
                }
            }
        }
    }
}

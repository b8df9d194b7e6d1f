using EdgeNode.Daemon.NodeHardware;
using EdgeNode.Daemon.Sampling;
using EdgeNode.Sensors;
using Microsoft.Extensions.Logging;

namespace EdgeNode.Daemon.Emulation;

/// <summary>
/// The faults injected into a running emulated node, at most one per sensor. Setting a new list applies only
/// what changed, at the wire, and logs each change once. A fault given at start that breaks a fitted sensor on the
/// wire waits until the node has identified that sensor (<see cref="SetAtStart"/>), as in the self-test: an I2C sensor
/// silent from power-up NACKs its address and is, honestly, not present, whereas the fault asked for is a sensor that
/// was found and then stopped answering.
/// </summary>
public sealed class RuntimeFaults(EmulatedNodeHardware hardware, ILogger logger) : ISensorIdentifiedObserver
{
    private readonly Dictionary<string, InjectedFault> _active = [];

    // Start faults in force but not yet on the wire: their sensor has not been identified by the node yet.
    private readonly Dictionary<string, InjectedFault> _awaitingIdentification = [];
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
            Apply(wanted, atStart: false);
        }
    }

    /// <summary>
    /// Makes <paramref name="atStart"/> the faults in force before the node looks for its sensors: a sensor not
    /// present is taken off at once; any other fault reaches the wire when <see cref="Identified"/> is called for its
    /// sensor, so that the node reports the fault asked for.
    /// </summary>
    public void SetAtStart(IReadOnlyCollection<InjectedFault> atStart)
    {
        lock (_lock)
        {
            Apply(atStart, atStart: true);
        }
    }

    /// <summary>The node has identified <paramref name="sensor"/>: a start fault waiting for it now reaches the wire.</summary>
    public void Identified(string sensor)
    {
        lock (_lock)
        {
            if (_awaitingIdentification.Remove(sensor, out InjectedFault? fault))
            {
                fault.ApplyWhileRunning(hardware);
                logger.LogDebug("Emulation: fault {Fault} in force now that the node has identified {Sensor}", fault, sensor);
            }
        }
    }

    // Called under _lock.
    private void Apply(IReadOnlyCollection<InjectedFault> wanted, bool atStart)
    {
        foreach (string sensor in SensorWiring.Names)
        {
            InjectedFault? current = _active.GetValueOrDefault(sensor);
            InjectedFault? next = wanted.FirstOrDefault(f => f.Sensor == sensor);
            if (current == next)
            {
                continue;
            }

            _awaitingIdentification.Remove(sensor);
            current?.Clear(hardware);
            if (next is null)
            {
                _active.Remove(sensor);
                logger.LogInformation("Emulation: fault {Fault} cleared; {Sensor} works again", current, sensor);
                continue;
            }

            _active[sensor] = next;
            if (atStart && next.Kind != SensorFaultKind.NotPresent)
            {
                _awaitingIdentification[sensor] = next;
                logger.LogInformation("Emulation: fault {Fault} injected once the node has identified {Sensor}", next, sensor);
                continue;
            }

            next.ApplyWhileRunning(hardware);
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

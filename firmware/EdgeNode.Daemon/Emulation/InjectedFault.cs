using EdgeNode.Daemon.NodeHardware;
using EdgeNode.Daemon.SelfTest;
using EdgeNode.Sensors;
using EdgeNode.Sensors.Emulation;

namespace EdgeNode.Daemon.Emulation;

/// <summary>
/// A fault asked for with <c>--fault sensor=kind</c> (self-test and service) or a line of the emulation-faults
/// control file, and how the emulated node produces it on the wire so that the real driver has to recognise it.
/// </summary>
public sealed record InjectedFault(string Sensor, SensorFaultKind Kind)
{
    private static readonly string[] DutyCycled = [SensorWiring.Sds011, SensorWiring.Pms5003];

    /// <summary>Parses "sds011=corrupt-data".</summary>
    /// <exception cref="FormatException">Unknown sensor or fault, with the accepted spellings.</exception>
    public static InjectedFault Parse(string text)
    {
        string[] parts = text.Split('=', 2, StringSplitOptions.TrimEntries);
        string sensor = parts[0].ToLowerInvariant();
        if (parts.Length != 2 || !SensorWiring.Names.Contains(sensor))
        {
            throw new FormatException($"--fault '{text}': write SENSOR=KIND with SENSOR one of {string.Join(", ", SensorWiring.Names)}.");
        }

        // Stale is the node's own judgement, not something a sensor does on the wire.
        SensorFaultKind[] kinds = Enum.GetValues<SensorFaultKind>().Where(k => k != SensorFaultKind.Stale).ToArray();
        string kindText = parts[1].ToLowerInvariant();
        if (!kinds.Any(k => SelfTestText.OptionName(k) == kindText))
        {
            throw new FormatException($"--fault '{text}': KIND is one of {string.Join(", ", kinds.Select(SelfTestText.OptionName))}.");
        }

        SensorFaultKind kind = kinds.First(k => SelfTestText.OptionName(k) == kindText);
        if (kind == SensorFaultKind.WarmingUp && !DutyCycled.Contains(sensor))
        {
            throw new FormatException($"--fault '{text}': only {string.Join(" and ", DutyCycled)} sleep and warm up.");
        }

        return new InjectedFault(sensor, kind);
    }

    /// <summary>What must be true before the sensors are looked for: a sensor not fitted, a warm-up not waited for.</summary>
    public void ApplyBeforeIdentification(EmulatedNodeHardware hardware, ISet<string> readBeforeWarmUp)
    {
        if (Kind == SensorFaultKind.NotPresent)
        {
            hardware.Remove(Sensor);
        }
        else if (Kind == SensorFaultKind.WarmingUp)
        {
            readBeforeWarmUp.Add(Sensor);
        }
    }

    /// <summary>What breaks once the sensor was found, as a loose cable or a failing sensor would.</summary>
    public void ApplyAfterIdentification(EmulatedNodeHardware hardware)
    {
        EmulatedFault? fault = Kind switch
        {
            SensorFaultKind.NotAnswering => EmulatedFault.Silent,
            SensorFaultKind.CorruptData => EmulatedFault.CorruptData,
            SensorFaultKind.OutOfRange => EmulatedFault.OutOfRange,
            SensorFaultKind.Stuck => EmulatedFault.Stuck,
            _ => null,
        };
        if (fault is { } f)
        {
            hardware.Emulator(Sensor).Fault = f;
        }
    }

    /// <summary>
    /// Why the running service cannot be given this fault, or null: its sampling loops always wait out a
    /// warm-up, so "read before warming up" exists only in the self-test.
    /// </summary>
    public string? WhyNotWhileRunning => Kind == SensorFaultKind.WarmingUp
        ? $"'{this}': the service always waits out a warm-up; warming-up can only be injected into the self-test."
        : null;

    /// <summary>Breaks the sensor of a running node: unplugs it, or makes it fail on the wire.</summary>
    public void ApplyWhileRunning(EmulatedNodeHardware hardware)
    {
        if (Kind == SensorFaultKind.NotPresent)
        {
            hardware.Remove(Sensor);
        }
        else
        {
            ApplyAfterIdentification(hardware);
        }
    }

    /// <summary>Undoes <see cref="ApplyWhileRunning"/>: the sensor is plugged back in, or works again.</summary>
    public void Clear(EmulatedNodeHardware hardware)
    {
        if (Kind == SensorFaultKind.NotPresent)
        {
            hardware.PlugBack(Sensor);
        }
        else
        {
            hardware.Emulator(Sensor).Fault = EmulatedFault.None;
        }
    }

    /// <summary>As it is written on the command line: "sds011=corrupt-data".</summary>
    public override string ToString() => $"{Sensor}={SelfTestText.OptionName(Kind)}";
}

using EdgeNode.Daemon.NodeHardware;
using EdgeNode.Sensors;
using EdgeNode.Sensors.Emulation;

namespace EdgeNode.Daemon.SelfTest;

/// <summary>
/// A fault asked for with <c>--fault sensor=kind</c>, and how the emulated node produces it on the wire so
/// that the real driver has to recognise it.
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

        SensorFaultKind[] kinds = Enum.GetValues<SensorFaultKind>();
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
}

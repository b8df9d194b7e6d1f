using EdgeNode.Daemon.NodeHardware;
using EdgeNode.Sensors.Ads1115;

namespace EdgeNode.Daemon.Node;

/// <summary>Section "Sensors": which sensors are fitted and where each is wired (defaults: the standard kit as in hardware/wiring.md).</summary>
public sealed class SensorsOptions
{
    public const string SectionName = "Sensors";

    // The wiring's own defaults, so the service and the self-test look in the same places.
    private static readonly SensorWiring Defaults = new();

    public int I2cBus { get; set; } = Defaults.I2cBusId;

    public string Sds011Port { get; set; } = Defaults.Sds011Port;

    public string Pms5003Port { get; set; } = Defaults.Pms5003Port;

    public string RadarPort { get; set; } = Defaults.RadarPort;

    /// <summary>Names from <see cref="SensorWiring.Names"/>; null means the standard kit.</summary>
    public string[]? Fitted { get; set; }

    /// <summary>The three constants on the NO2 cell's certificate (WE0 mV, AE0 mV, sensitivity mV/ppb), when it is fitted.</summary>
    public double[]? No2Calibration { get; set; }

    public IEnumerable<string> Problems()
    {
        if (I2cBus < 0)
        {
            yield return $"Sensors:I2cBus is {I2cBus}: give the N of /dev/i2c-N (1 on a Raspberry Pi).";
        }

        foreach (string unknown in (Fitted ?? []).Except(SensorWiring.Names))
        {
            yield return $"Sensors:Fitted names '{unknown}': known sensors are {string.Join(", ", SensorWiring.Names)}.";
        }

        if ((Fitted ?? []).Contains(SensorWiring.No2) && (No2Calibration is not { Length: 3 } || No2Calibration[2] == 0))
        {
            yield return "Sensors:No2Calibration must hold the three constants of the NO2 cell's certificate: [WE0 mV, AE0 mV, sensitivity mV/ppb (not 0)].";
        }
    }

    public SensorWiring ToWiring() => new()
    {
        I2cBusId = I2cBus,
        Sds011Port = Sds011Port,
        Pms5003Port = Pms5003Port,
        RadarPort = RadarPort,
        Fitted = new HashSet<string>(Fitted ?? SensorWiring.StandardKit),
        No2Calibration = No2Calibration is { Length: 3 } c ? new No2CellCalibration(c[0], c[1], c[2]) : null,
    };
}

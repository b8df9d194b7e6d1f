using EdgeNode.Protocol.Catalogue;
using EdgeNode.Sensors.Ads1115;

namespace EdgeNode.Daemon.NodeHardware;

/// <summary>Which sensors are fitted on this node and where each is wired.</summary>
public sealed record SensorWiring
{
    public const string Bme280 = SensorCatalogue.Bme280;
    public const string Scd4x = SensorCatalogue.Scd4x;
    public const string Sds011 = SensorCatalogue.Sds011;
    public const string Pms5003 = SensorCatalogue.Pms5003;
    public const string Radar = SensorCatalogue.Ops243;

    /// <summary>The optional NO2 cell (Alphasense NO2-B43F on its ISB) read through an ADS1115.</summary>
    public const string No2 = SensorCatalogue.No2;

    /// <summary>Datasheet §6.2: 0x76 with SDO to GND, 0x77 with SDO to VDDIO.</summary>
    public const int Bme280PrimaryAddress = 0x76;

    public const int Bme280SecondaryAddress = 0x77;

    /// <summary>SCD4x datasheet §3.2: fixed address.</summary>
    public const int Scd4xAddress = 0x62;

    /// <summary>ADS1115 datasheet §9.5.1: 0x48 with ADDR to GND.</summary>
    public const int No2Address = 0x48;

    /// <summary>Nova Fitness protocol V1.3 and the Plantower manual: both at 9600 8N1.</summary>
    public const int ParticulateBaudRate = 9600;

    /// <summary>The OPS243-A's UART rate; over USB (CDC-ACM) the rate is ignored.</summary>
    public const int RadarBaudRate = 19200;

    /// <summary>Every sensor EdgeNode knows, by the lower-case name used in options, configuration and on the wire.</summary>
    public static IReadOnlyList<string> Names => SensorCatalogue.Names;

    /// <summary>The standard kit; the NO2 cell is an option.</summary>
    public static IReadOnlyList<string> StandardKit { get; } = [Bme280, Scd4x, Sds011, Pms5003, Radar];

    public int I2cBusId { get; init; } = 1;

    public string Sds011Port { get; init; } = "/dev/ttyUSB0";

    /// <summary>serial0 follows the Pi's primary UART whichever of ttyAMA0/ttyS0 it is.</summary>
    public string Pms5003Port { get; init; } = "/dev/serial0";

    public string RadarPort { get; init; } = "/dev/ttyACM0";

    /// <summary>The constants on the NO2 cell's certificate; needed when the cell is fitted.</summary>
    public No2CellCalibration? No2Calibration { get; init; }

    /// <summary>BCM GPIO wired to the PMS5003's SET pin (low = sleep), if any (<c>Gpio:Pms5003SetPin</c>).</summary>
    public int? Pms5003SetPin { get; init; }

    /// <summary>BCM GPIO of the transistor switching the particulate sensors' power, if any (<c>Gpio:ParticulatePowerPin</c>).</summary>
    public int? ParticulatePowerPin { get; init; }

    /// <summary>Names of the fitted sensors (see <see cref="Names"/>).</summary>
    public IReadOnlySet<string> Fitted { get; init; } = new HashSet<string>(StandardKit);

    /// <summary>The BME280's address: 0x77 only when a scan found it there and not at 0x76.</summary>
    public static int Bme280AddressFrom(IReadOnlyCollection<int> answering) =>
        !answering.Contains(Bme280PrimaryAddress) && answering.Contains(Bme280SecondaryAddress) ? Bme280SecondaryAddress : Bme280PrimaryAddress;
}

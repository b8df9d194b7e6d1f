namespace EdgeNode.Daemon.Gpio;

/// <summary>
/// Section "Gpio": what is wired to the Pi's GPIO header, by BCM pin number (GPIO17 is 17, physical pin 11); each
/// feature is optional and off while its pin is not given. hardware/wiring.md shows the wiring.
/// </summary>
public sealed class GpioOptions
{
    public const string SectionName = "Gpio";

    /// <summary>BCM GPIO 0–27 on the 40-pin header.</summary>
    public const int LastPin = 27;

    /// <summary>The status LED (high = lit).</summary>
    public int? StatusLedPin { get; set; }

    /// <summary>The self-test push button, to ground (the internal pull-up is used).</summary>
    public int? ButtonPin { get; set; }

    /// <summary>The PMS5003's SET pin (low = sleep).</summary>
    public int? Pms5003SetPin { get; set; }

    /// <summary>The transistor switching the particulate sensors' 5 V (high = powered).</summary>
    public int? ParticulatePowerPin { get; set; }

    public IEnumerable<string> Problems()
    {
        var given = new List<(string Name, int Pin)>();
        foreach ((string name, int? pin) in new[] { ("StatusLedPin", StatusLedPin), ("ButtonPin", ButtonPin), ("Pms5003SetPin", Pms5003SetPin), ("ParticulatePowerPin", ParticulatePowerPin) })
        {
            if (pin is not { } number)
            {
                continue;
            }

            if (number is < 0 or > LastPin)
            {
                yield return $"Gpio:{name} is {number}: give a BCM GPIO number from 0 to {LastPin} (GPIO17 is 17, on physical pin 11).";
            }
            else if (given.FirstOrDefault(g => g.Pin == number) is { Name: not null } other)
            {
                yield return $"Gpio:{name} and Gpio:{other.Name} are both GPIO {number}: each needs a pin of its own.";
            }

            given.Add((name, number));
        }

        if (given.Any(g => g.Pin is 2 or 3 or 14 or 15))
        {
            yield return "Gpio: GPIO 2 and 3 are the sensors' I2C bus (SDA, SCL) and GPIO 14 and 15 the PMS5003's serial port (TX, RX): choose other pins (hardware/wiring.md suggests some).";
        }
    }
}

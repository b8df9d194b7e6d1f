using EdgeNode.Hardware.Serial;

namespace EdgeNode.Sensors.Pms5003;

/// <summary>
/// What the shared <see cref="SerialFrameLink{TFrame}"/> needs to know about the PMS5003: the timing it allows
/// and what a technician is told to check when no answer comes.
/// </summary>
internal static class Pms5003Link
{
    /// <summary>
    /// A passive read is answered at once; a unit left in active mode sends a frame at least every 2.3 s (manual,
    /// "Output result": stable mode 2.3 s, fast mode 200–800 ms). Five seconds without an intact frame is two
    /// missed stable-mode frames: a fault, not a slow sensor.
    /// </summary>
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(5);

    /// <summary>A command lost to line noise, or sent while the sensor was still waking, is sent again this often.</summary>
    public static readonly TimeSpan ResendEvery = TimeSpan.FromSeconds(1);

    public static readonly SerialExchangeTiming Timing = new(AnswerTimeout, ResendEvery, MaxResends: null);

    public static readonly SerialLinkAdvice Advice = new(
        FrameName: "a PMS5003 frame",
        FrameDamage: "wrong check word, length or cut short",
        BaudRate: Pms5003Protocol.BaudRate,
        LikelyOtherDevice: "a Nova SDS011",
        WhenSilent: "check its 5 V supply (is the fan turning?), that its TXD (pin 5) "
            + "goes to the Raspberry Pi's RXD (header pin 10) and its RXD (pin 4) to TXD (pin 8), and that SET (pin 3) is not pulled low.",
        WhenDisturbed: "check the ground wire, the 8-pin connector, and keep the cable short and away from the lamp's driver.",
        WhenIgnored: "power-cycle the sensor (or pulse RESET, pin 6); replace it if this persists.");

    /// <param name="sensor">The description every fault names, e.g. "PMS5003 on /dev/ttyAMA0".</param>
    public static SerialFrameLink<Pms5003Frame> Open(SerialDevice port, TimeProvider time, string sensor) =>
        new(port, time, sensor, new Pms5003FrameScanner(), Timing, Advice);
}

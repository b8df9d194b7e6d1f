using EdgeNode.Hardware.Serial;

namespace EdgeNode.Sensors.Sds011;

/// <summary>
/// What the shared <see cref="SerialFrameLink{TFrame}"/> needs to know about the SDS011: the timing it allows
/// and what a technician is told to check when no answer comes.
/// </summary>
internal static class Sds011Link
{
    /// <summary>
    /// The sensor answers a command at once and, awake, reports once a second (specification: "serial data
    /// output frequency 1 time/s"). Three seconds without an intact answer is two missed reports: a fault,
    /// not a slow sensor.
    /// </summary>
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// A command lost to line noise (or the one that only woke a sleeping sensor) is sent once more. Not
    /// sooner: Protocol V1.3 §3.2 recommends querying no more often than every 3 seconds.
    /// </summary>
    public static readonly TimeSpan ResendAfter = TimeSpan.FromSeconds(1.5);

    public static readonly SerialExchangeTiming Timing = new(AnswerTimeout, ResendAfter, MaxResends: 1);

    public static readonly SerialLinkAdvice Advice = new(
        FrameName: "an SDS011 frame",
        FrameDamage: "wrong checksum or cut short",
        BaudRate: Sds011Protocol.BaudRate,
        LikelyOtherDevice: "a Plantower PMS5003",
        WhenSilent: "check its 5 V supply (is the fan turning?), "
            + "that its TX goes to the Raspberry Pi's RXD (header pin 10) and its RX to TXD (pin 8), and the connector.",
        WhenDisturbed: "check the ground wire, the connector, and keep the cable short and away from the lamp's driver.",
        WhenIgnored: "power-cycle the sensor; replace it if this persists.");

    /// <param name="sensor">The description every fault names, e.g. "SDS011 on /dev/ttyUSB0".</param>
    public static SerialFrameLink<Sds011Frame> Open(SerialDevice port, TimeProvider time, string sensor) =>
        new(port, time, sensor, new Sds011FrameScanner(), Timing, Advice);
}

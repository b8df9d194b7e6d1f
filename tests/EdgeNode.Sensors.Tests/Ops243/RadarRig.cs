using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Ops243;

namespace EdgeNode.Sensors.Tests.Ops243;

/// <summary>An emulated OPS243-A on an emulated serial line, a counter reading it, and one virtual clock for all.</summary>
internal sealed class RadarRig : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);

    public RadarRig(ITrafficModel traffic, Ops243Settings? settings = null, int seed = 7)
    {
        Time = new VirtualTimeProvider(Start);
        Emulator = new Ops243Emulator(traffic, seed: seed);
        Port = new EmulatedSerialPort(Emulator, Time, "/dev/ttyACM0");
        Counter = new Ops243Counter(Port, Time, settings);
    }

    public RadarRig(params EmulatedVehicle[] vehicles)
        : this(new ScriptedTraffic(vehicles))
    {
    }

    public VirtualTimeProvider Time { get; }

    public Ops243Emulator Emulator { get; }

    public EmulatedSerialPort Port { get; }

    public Ops243Counter Counter { get; }

    public static EmulatedVehicle Approaching(double secondsAfterStart, double kilometresPerHour) =>
        new(Start.AddSeconds(secondsAfterStart), TravelDirection.Approaching, kilometresPerHour);

    public static EmulatedVehicle Receding(double secondsAfterStart, double kilometresPerHour) =>
        new(Start.AddSeconds(secondsAfterStart), TravelDirection.Receding, kilometresPerHour);

    /// <summary>The tolerance a Doppler count is held to: cosine error at the top of the run, ±0.3 % noise, one 0.44 km/h FFT bin.</summary>
    public static void AssertSpeed(double expectedKilometresPerHour, double measuredKilometresPerHour) =>
        Assert.InRange(measuredKilometresPerHour, expectedKilometresPerHour * 0.98 - 0.5, expectedKilometresPerHour * 1.01 + 0.5);

    public void Dispose()
    {
        Counter.Dispose();
        Port.Dispose();
    }
}

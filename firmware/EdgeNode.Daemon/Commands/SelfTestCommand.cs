using System.CommandLine;
using System.Globalization;
using EdgeNode.Daemon.Emulation;
using EdgeNode.Daemon.Gpio;
using EdgeNode.Daemon.NodeHardware;
using EdgeNode.Daemon.SelfTest;
using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Ads1115;
using EdgeNode.Sensors.Emulation;
using EdgeNode.Sensors.Ops243;

namespace EdgeNode.Daemon.Commands;

/// <summary><c>edgenode selftest</c>: the technician's check after wiring a node.</summary>
public static class SelfTestCommand
{
    /// <summary>Exit codes: every sensor OK, at least one faulty, the command line was wrong.</summary>
    public const int AllOk = 0;
    public const int SomeFaulty = 1;
    public const int UsageError = 2;

    public static Command Create(TextWriter output)
    {
        var defaults = new SensorWiring();
        var i2cBus = new Option<int>("--i2c-bus") { Description = "I2C bus number (/dev/i2c-N)", DefaultValueFactory = _ => defaults.I2cBusId };
        var sds011 = new Option<string>("--sds011") { Description = "Serial port of the SDS011", DefaultValueFactory = _ => defaults.Sds011Port };
        var pms5003 = new Option<string>("--pms5003") { Description = "Serial port of the PMS5003", DefaultValueFactory = _ => defaults.Pms5003Port };
        var radar = new Option<string>("--radar") { Description = "Serial port of the OPS243-A radar", DefaultValueFactory = _ => defaults.RadarPort };
        var sensors = new Option<string>("--sensors")
        {
            Description = $"Comma-separated sensors fitted on this node ({string.Join(", ", SensorWiring.Names)})",
            DefaultValueFactory = _ => string.Join(',', SensorWiring.StandardKit),
        };
        var no2 = new Option<string?>("--no2-calibration")
        {
            Description = "The NO2 cell is fitted, with WE0,AE0,SENSITIVITY from its ISB certificate (mV, mV, mV/ppb). With --emulate, --sensors ...,no2 uses the emulated cell's certificate",
        };

        var setPin = new Option<int?>("--pms5003-set-pin") { Description = "BCM GPIO wired to the PMS5003's SET pin, as Gpio:Pms5003SetPin" };
        var powerPin = new Option<int?>("--particulate-power-pin") { Description = "BCM GPIO of the particulate sensors' power switch, as Gpio:ParticulatePowerPin" };
        var observe = new Option<TimeSpan?>("--observe") { Description = "How long to read each sensor (default 10s; emulated 3h of virtual time)" };
        var emulate = new Option<bool>("--emulate") { Description = "Run against emulated sensors, on any machine" };
        var faults = new Option<string[]>("--fault")
        {
            Description = "With --emulate: SENSOR=KIND, KIND one of not-present, not-answering, corrupt-data, out-of-range, stuck, warming-up (repeatable)",
            AllowMultipleArgumentsPerToken = false,
        };

        var command = new Command("selftest", "Find every sensor, read it, and give a verdict per sensor.")
        {
            i2cBus, sds011, pms5003, radar, sensors, no2, setPin, powerPin, observe, emulate, faults,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                bool emulated = result.GetValue(emulate);
                HashSet<string> fitted = ParseSensors(result.GetValue(sensors)!);
                No2CellCalibration? calibration = result.GetValue(no2) is { } text ? ParseNo2Calibration(text)
                    : emulated ? EmulatedNodeHardware.No2Certificate
                    : null;
                if (result.GetValue(no2) is not null)
                {
                    fitted.Add(SensorWiring.No2);
                }

                if (fitted.Contains(SensorWiring.No2) && calibration is null)
                {
                    throw new FormatException("The NO2 cell needs the constants on its certificate: --no2-calibration WE0,AE0,SENSITIVITY (mV, mV, mV/ppb).");
                }

                var wiring = new SensorWiring
                {
                    I2cBusId = result.GetValue(i2cBus),
                    Sds011Port = result.GetValue(sds011)!,
                    Pms5003Port = result.GetValue(pms5003)!,
                    RadarPort = result.GetValue(radar)!,
                    Fitted = fitted,
                    No2Calibration = calibration,
                    Pms5003SetPin = result.GetValue(setPin),
                    ParticulatePowerPin = result.GetValue(powerPin),
                };
                if (new GpioOptions { Pms5003SetPin = wiring.Pms5003SetPin, ParticulatePowerPin = wiring.ParticulatePowerPin }.Problems().FirstOrDefault() is { } pinProblem)
                {
                    throw new FormatException(pinProblem);
                }

                InjectedFault[] injected = (result.GetValue(faults) ?? []).Select(InjectedFault.Parse).ToArray();
                if (injected.Length > 0 && !emulated)
                {
                    throw new FormatException("--fault needs --emulate: faults are injected into emulated sensors only.");
                }

                SelfTestPlan plan = emulated ? SelfTestPlan.Emulated : SelfTestPlan.OnHardware;
                if (result.GetValue(observe) is { } observation)
                {
                    plan = plan with { Observation = observation };
                }

                SelfTestReport report = emulated
                    ? await RunEmulatedAsync(wiring, plan, injected, cancellationToken)
                    : await RunAsync(new LinuxNodeHardware(), wiring, plan, null, cancellationToken);
                SelfTestReportWriter.Write(report, SensorChecks.KnownI2cDevices, output);
                return report.AllOk ? AllOk : SomeFaulty;
            }
            catch (FormatException e)
            {
                output.WriteLine(e.Message);
                return UsageError;
            }
        });
        return command;
    }

    private static async Task<SelfTestReport> RunEmulatedAsync(SensorWiring wiring, SelfTestPlan plan, InjectedFault[] injected, CancellationToken cancellationToken)
    {
        // Virtual time runs the observation at once, but from now: the report is dated when the technician ran it.
        var time = new VirtualTimeProvider(DateTimeOffset.UtcNow);
        var traffic = new PoissonTraffic(time.GetUtcNow(), approachingPerHour: 120, recedingPerHour: 90);
        var hardware = new EmulatedNodeHardware(time, new ConstantAmbient(AmbientConditions.Typical), traffic, wiring);
        var readBeforeWarmUp = new HashSet<string>(plan.ReadBeforeWarmUp);
        foreach (InjectedFault fault in injected)
        {
            fault.ApplyBeforeIdentification(hardware, readBeforeWarmUp);
        }

        return await RunAsync(hardware, wiring, plan with { ReadBeforeWarmUp = readBeforeWarmUp },
            () => Array.ForEach(injected, f => f.ApplyAfterIdentification(hardware)), cancellationToken);
    }

    private static async Task<SelfTestReport> RunAsync(
        INodeHardware hardware, SensorWiring wiring, SelfTestPlan plan, Action? afterIdentification, CancellationToken cancellationToken)
    {
        using (hardware)
        {
            I2cScanResult scan = I2cScanResult.Of(hardware, wiring.I2cBusId);
            var runner = new SelfTestRunner(hardware, scan, SensorChecks.For(hardware, wiring, scan), plan);
            return await runner.RunAsync(afterIdentification, cancellationToken);
        }
    }

    private static HashSet<string> ParseSensors(string list)
    {
        var fitted = new HashSet<string>(list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToLowerInvariant()));
        string[] unknown = fitted.Except(SensorWiring.Names).ToArray();
        if (unknown.Length > 0)
        {
            throw new FormatException($"--sensors: unknown {string.Join(", ", unknown)}; known sensors are {string.Join(", ", SensorWiring.Names)}.");
        }

        return fitted;
    }

    private static No2CellCalibration ParseNo2Calibration(string text)
    {
        string[] parts = text.Split(',', StringSplitOptions.TrimEntries);
        double[] numbers = new double[parts.Length];
        if (parts.Length != 3 || !parts.Select((p, i) => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i])).All(ok => ok)
            || numbers[2] == 0)
        {
            throw new FormatException($"--no2-calibration '{text}': write WE0,AE0,SENSITIVITY as on the certificate, e.g. 225,232,-0.35 (mV, mV, mV/ppb; the sensitivity is not zero).");
        }

        return new No2CellCalibration(numbers[0], numbers[1], numbers[2]);
    }
}

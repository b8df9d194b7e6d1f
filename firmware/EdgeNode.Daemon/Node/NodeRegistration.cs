using System.Diagnostics.CodeAnalysis;
using EdgeNode.Daemon.Aggregation;
using EdgeNode.Daemon.Alerts;
using EdgeNode.Daemon.Buffer;
using EdgeNode.Daemon.Calibration;
using EdgeNode.Daemon.Clock;
using EdgeNode.Daemon.Gpio;
using EdgeNode.Daemon.NodeHardware;
using EdgeNode.Daemon.Sampling;
using EdgeNode.Daemon.SelfTest;
using EdgeNode.Daemon.Status;
using EdgeNode.Daemon.Systemd;
using EdgeNode.Daemon.Uplink;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeNode.Daemon.Node;

/// <summary>
/// The node's flow, one hosted service per stage: sampling → aggregation → storing → uplink, with the alerts beside
/// (straight to the uplink, never behind the backlog), the status file, the status LED and the watchdog. The host
/// starts them in the order registered here and stops them in reverse: sampling stops first, the window in progress
/// is closed and stored, and the uplink stops last. Another stage (the update agent) is one more hosted service.
/// </summary>
public static class NodeRegistration
{
    /// <summary>Binds every section of the node's settings, each checked when the host starts: a bad one stops it before anything runs.</summary>
    /// <param name="configurationDirectory">Where relative paths in the settings (Uplink:CaFile, as enrolment writes it) are taken from.</param>
    public static IServiceCollection AddNodeSettings(this IServiceCollection services, IConfiguration configuration, string configurationDirectory)
    {
        Section<NodeOptions>(services, NodeOptions.SectionName, o => configuration.GetSection(NodeOptions.SectionName).Bind(o), o => o.Problems());
        Section<SensorsOptions>(services, SensorsOptions.SectionName, o => configuration.GetSection(SensorsOptions.SectionName).Bind(o), o => o.Problems());
        Section<WindowAggregationOptions>(services, WindowAggregationOptions.SectionName,
            o => configuration.GetSection(WindowAggregationOptions.SectionName).Bind(o), o => SettingsValidator<WindowAggregationOptions>.Thrown(o.Validate));
        Section<PollutionAlertOptions>(services, PollutionAlertOptions.SectionName,
            o => configuration.GetSection(PollutionAlertOptions.SectionName).Bind(o), o => SettingsValidator<PollutionAlertOptions>.Thrown(o.Validate));
        Section<UplinkOptions>(services, UplinkOptions.SectionName, o => configuration.GetSection(UplinkOptions.SectionName).Bind(o), o => o.Problems())
            // Relative to the configuration, as enrolment writes it ("fleet-ca.pem" next to fleet.json).
            .PostConfigure(o => o.CaFile = o.CaFile.Length > 0 ? Path.GetFullPath(o.CaFile, configurationDirectory) : o.CaFile);
        Section<GpioOptions>(services, GpioOptions.SectionName, o => configuration.GetSection(GpioOptions.SectionName).Bind(o), o => o.Problems());
        services.AddSingleton(sp =>
        {
            GpioOptions gpio = sp.GetRequiredService<IOptions<GpioOptions>>().Value;
            return sp.GetRequiredService<IOptions<SensorsOptions>>().Value.ToWiring() with { Pms5003SetPin = gpio.Pms5003SetPin, ParticulatePowerPin = gpio.ParticulatePowerPin };
        });
        return services;
    }

    /// <summary>
    /// The node on the <see cref="INodeHardware"/>, <see cref="SensorWiring"/> and options registered beside it (by
    /// <see cref="AddNodeSettings"/>, or directly by a test).
    /// </summary>
    public static IServiceCollection AddNode(this IServiceCollection services)
    {
        services.AddOptions();
        services.TryAddSingleton(sp => new SystemdWatchdog(sp.GetService<ISystemdNotifier>()));
        services.AddSingleton(sp => sp.GetRequiredService<INodeHardware>().Time);
        services.AddSingleton(sp => new BootClock(sp.GetRequiredService<INodeHardware>().BootId, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(OpenBuffer);
        services.AddSingleton(FindSensors);
        services.AddSingleton(Aggregator);
        services.AddSingleton(sp => new PollutionAlertEvaluator(sp.GetRequiredService<IOptions<PollutionAlertOptions>>().Value));
        services.AddSingleton(Board);
        services.AddSingleton<CalibrationInForce>();
        services.AddSingleton<ISampleSink>(sp => new WindowingSink(
            sp.GetRequiredService<WindowAggregator>(), sp.GetRequiredService<PollutionAlertEvaluator>(), sp.GetRequiredService<SensorStatusBoard>(), sp.GetRequiredService<CalibrationInForce>()));
        services.AddSingleton(sp => new SamplingHeartbeat(sp.GetRequiredService<TimeProvider>(), TimeProvider.System));
        services.AddSingleton<ClockFollower>();
        services.AddSingleton<NodeStatusSource>();
        services.AddSingleton(Uplink);
        services.AddSingleton<WindowStoringService>();
        services.AddSingleton<AlertForwardingService>();
        services.AddSingleton<AggregationService>();
        services.AddSingleton<SamplingService>();
        services.AddSingleton<StatusFileService>();
        services.AddSingleton(sp => new StatusLightService(
            sp.GetRequiredService<IOptions<GpioOptions>>().Value, sp.GetRequiredService<INodeHardware>().OpenGpio, sp.GetRequiredService<SensorStatusBoard>(),
            () => sp.GetRequiredService<UplinkService>().Status, sp.GetRequiredService<ILogger<StatusLightService>>()));
        services.AddSingleton<WatchdogService>();

        // In the order they start; they stop in reverse.
        services.AddHostedService(sp => sp.GetRequiredService<UplinkService>());
        services.AddHostedService(sp => sp.GetRequiredService<WindowStoringService>());
        services.AddHostedService(sp => sp.GetRequiredService<AlertForwardingService>());
        services.AddHostedService(sp => sp.GetRequiredService<AggregationService>());
        services.AddHostedService(sp => sp.GetRequiredService<SamplingService>());
        services.AddHostedService(sp => sp.GetRequiredService<StatusFileService>());
        services.AddHostedService(sp => sp.GetRequiredService<StatusLightService>());
        services.AddHostedService(sp => sp.GetRequiredService<WatchdogService>());
        services.AddHostedService<NodeLifetimeLog>();
        return services;
    }

    /// <summary>A section bound and checked at start; a value the binder cannot convert is one more problem, named with the others.</summary>
    private static OptionsBuilder<T> Section<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T>(
        IServiceCollection services, string section, Action<T> bind, Func<T, IEnumerable<string>> problems) where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new SettingsValidator<T>(problems));
        return services.AddOptions<T>()
            .Configure(options =>
            {
                try
                {
                    bind(options);
                }
                catch (InvalidOperationException e)
                {
                    // The binder names the setting and the value it could not convert.
                    throw new OptionsValidationException(section, typeof(T), [e.Message]);
                }
            })
            .ValidateOnStart();
    }

    private static WindowBuffer OpenBuffer(IServiceProvider services)
    {
        NodeOptions node = services.GetRequiredService<IOptions<NodeOptions>>().Value;
        Directory.CreateDirectory(node.DataDirectory);
        Directory.CreateDirectory(node.EffectiveStatusDirectory);
        return WindowBuffer.Open(
            new WindowBufferOptions { DatabasePath = Path.Combine(node.DataDirectory, "buffer.db"), BootId = services.GetRequiredService<BootClock>().BootId },
            services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<WindowBuffer>>());
    }

    private static SensorsFound FindSensors(IServiceProvider services)
    {
        INodeHardware hardware = services.GetRequiredService<INodeHardware>();
        SensorWiring wiring = services.GetRequiredService<SensorWiring>();
        I2cScanResult scan = I2cScanResult.Of(hardware, wiring.I2cBusId);
        return new SensorsFound(FittedSensors.For(hardware, wiring, SensorWiring.Bme280AddressFrom(scan.Addresses)));
    }

    private static WindowAggregator Aggregator(IServiceProvider services)
    {
        SensorsFound sensors = services.GetRequiredService<SensorsFound>();
        WindowAggregationOptions options = services.GetRequiredService<IOptions<WindowAggregationOptions>>().Value;
        options.VehicleCounterFitted = sensors.VehicleCounterFitted;
        var aggregator = new WindowAggregator(options, services.GetRequiredService<TimeProvider>());
        foreach (FittedSensor sensor in sensors.All)
        {
            aggregator.Expect(sensor.Name);
        }

        return aggregator;
    }

    private static SensorStatusBoard Board(IServiceProvider services)
    {
        var board = new SensorStatusBoard(services.GetRequiredService<TimeProvider>());
        foreach (FittedSensor sensor in services.GetRequiredService<SensorsFound>().All)
        {
            board.Expect(sensor.Name, SamplingService.ExpectedInterval(sensor));
        }

        return board;
    }

    private static UplinkService Uplink(IServiceProvider services)
    {
        UplinkOptions options = services.GetRequiredService<IOptions<UplinkOptions>>().Value;
        NodeOptions node = services.GetRequiredService<IOptions<NodeOptions>>().Value;
        // The health message reads the status, which reads the uplink's: looked up when sent, not when built.
        return new UplinkService(options.Enabled
            ? new NodeUplink(options, node.Id, services.GetRequiredService<WindowBuffer>(), services.GetRequiredService<SensorsFound>().TrafficSensor, node.DataDirectory,
                services.GetRequiredService<TimeProvider>(), () => services.GetRequiredService<NodeStatusSource>().Health(), services.GetRequiredService<ILoggerFactory>(),
                services.GetRequiredService<CalibrationInForce>())
            : null);
    }
}

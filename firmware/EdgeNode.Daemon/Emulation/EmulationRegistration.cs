using EdgeNode.Daemon.Node;
using EdgeNode.Daemon.NodeHardware;
using EdgeNode.Daemon.Sampling;
using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Emulation;
using EdgeNode.Sensors.Ops243;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeNode.Daemon.Emulation;

/// <summary>The node on emulated sensors (<c>edgenode run --emulate</c>), with faults injected at start and while it runs.</summary>
public static class EmulationRegistration
{
    /// <summary>Registered before the node: hosts start services in order, so the start faults are in place before the node looks for its sensors.</summary>
    /// <param name="speed">How many times faster than real time; 1 for real time.</param>
    /// <param name="history">Start this long ago and run fast only until the present.</param>
    public static IServiceCollection AddEmulatedHardware(this IServiceCollection services, double speed, TimeSpan? history, IReadOnlyList<InjectedFault> atStart)
    {
        services.AddSingleton<INodeHardware>(sp => Emulated(sp.GetRequiredService<SensorWiring>(), speed, history, sp.GetRequiredService<IOptions<NodeOptions>>().Value.Id));
        services.AddSingleton(sp => new RuntimeFaults(
            (EmulatedNodeHardware)sp.GetRequiredService<INodeHardware>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger("EdgeNode.Emulation")));
        services.AddSingleton<ISensorIdentifiedObserver>(sp => sp.GetRequiredService<RuntimeFaults>());
        services.AddHostedService(sp => new FaultControlFileWatcher(
            sp.GetRequiredService<IOptions<NodeOptions>>().Value.DataDirectory, sp.GetRequiredService<RuntimeFaults>(), sp.GetRequiredService<SensorWiring>(), atStart,
            sp.GetRequiredService<ILogger<FaultControlFileWatcher>>()));
        return services;
    }

    /// <summary>
    /// Sensors at the wire measuring a realistic village day and road, seeded from the node id: two emulated
    /// nodes see different weather, and a node sees the same weather every time it is run.
    /// </summary>
    private static EmulatedNodeHardware Emulated(SensorWiring wiring, double speed, TimeSpan? history, string nodeId)
    {
        TimeProvider time = speed > 1 ? new ScaledTimeProvider(speed, DateTimeOffset.UtcNow - (history ?? TimeSpan.Zero), catchUp: history is not null) : TimeProvider.System;
        ulong seed = EmulationSeed.From(nodeId);
        var ambient = new RuralDayAmbient(seed);
        return new EmulatedNodeHardware(time, ambient, new DailyTraffic(ambient.Traffic, seed), wiring);
    }
}

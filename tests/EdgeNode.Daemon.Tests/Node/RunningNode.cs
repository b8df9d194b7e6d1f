using EdgeNode.Daemon.Aggregation;
using EdgeNode.Daemon.Buffer;
using EdgeNode.Daemon.Gpio;
using EdgeNode.Daemon.Node;
using EdgeNode.Daemon.NodeHardware;
using EdgeNode.Daemon.Systemd;
using EdgeNode.Daemon.Uplink;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeNode.Daemon.Tests.Node;

/// <summary>The node's stages on a host, wired by <see cref="NodeRegistration.AddNode"/> as <c>edgenode run</c> wires them, on the hardware and settings a test gives.</summary>
internal sealed class RunningNode
{
    private readonly IHost _host;

    /// <param name="more">Further registrations, made before the node's: a stage that must start first, an observer.</param>
    public RunningNode(
        INodeHardware hardware, NodeOptions node, SensorWiring wiring, WindowAggregationOptions aggregation, UplinkOptions? uplink = null, GpioOptions? gpio = null,
        Action<IServiceCollection>? more = null)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services
            .AddSingleton(hardware)
            .AddSingleton(wiring)
            .AddSingleton(SystemdWatchdog.None)
            .AddSingleton(Options.Create(node))
            .AddSingleton(Options.Create(aggregation))
            .AddSingleton(Options.Create(uplink ?? new UplinkOptions()))
            .AddSingleton(Options.Create(gpio ?? new GpioOptions()));
        more?.Invoke(builder.Services);
        builder.Services.AddNode();
        _host = builder.Build();
    }

    public IServiceProvider Services => _host.Services;

    /// <summary>The buffer, open once the node has started.</summary>
    public WindowBuffer Buffer => Services.GetRequiredService<WindowBuffer>();

    public StatusLight? StatusLight => Services.GetRequiredService<StatusLightService>().Light;

    /// <summary>Returns once every stage has started: the buffer is open and the sensors are sampled.</summary>
    public Task StartAsync(CancellationToken cancellationToken) => _host.StartAsync(cancellationToken);

    /// <summary>Stops every stage, as SIGTERM does, and closes the buffer.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _host.StopAsync(cancellationToken);
        await ((IAsyncDisposable)_host).DisposeAsync();
    }
}

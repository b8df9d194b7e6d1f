using EdgeNode.Fleet.Audit;
using EdgeNode.Fleet.Calibration;
using EdgeNode.Fleet.Monitoring;
using EdgeNode.Fleet.Registry;
using EdgeNode.Fleet.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeNode.Fleet.Storage;

/// <summary>How an engine puts its store into the container: one object per process, under every store interface.</summary>
public static class FleetStoreRegistration
{
    /// <summary>
    /// Registers the store made by <paramref name="create"/> once, and as <see cref="IFleetStore"/> and each feature's
    /// store interface: the constraint makes the compiler check that the engine implements them all.
    /// </summary>
    public static IServiceCollection AddFleetStore<TStore>(this IServiceCollection services, Func<IServiceProvider, TStore> create)
        where TStore : class, IFleetStore, INodeRegistryStore, IStaffUserStore, IAuditStore, IMonitoringStore, ICalibrationStore
    {
        services.AddSingleton(create);
        services.AddSingleton<IFleetStore>(provider => provider.GetRequiredService<TStore>());
        services.AddSingleton<INodeRegistryStore>(provider => provider.GetRequiredService<TStore>());
        services.AddSingleton<IStaffUserStore>(provider => provider.GetRequiredService<TStore>());
        services.AddSingleton<IAuditStore>(provider => provider.GetRequiredService<TStore>());
        services.AddSingleton<IMonitoringStore>(provider => provider.GetRequiredService<TStore>());
        services.AddSingleton<ICalibrationStore>(provider => provider.GetRequiredService<TStore>());
        return services;
    }
}

namespace EdgeNode.Fleet.Storage;

/// <summary>Creates or migrates the schema when the service starts; a failure stops the start with the store's message.</summary>
internal sealed class FleetStoreInitialisation(IFleetStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitialiseAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using EdgeNode.Fleet.Storage;

namespace EdgeNode.Fleet.Tests.Contract;

/// <summary>
/// A fresh database for each test of a store contract (a new file for SQLite, a new database on the shared server for
/// PostgreSQL), opened through <see cref="FleetStoreFactory"/> as the fleet opens it. Each contract (ingest storage,
/// registry, …) derives from this once and is run against each provider by a subclass.
/// </summary>
public abstract class StoreContractBase : IAsyncLifetime
{
    private readonly List<IFleetStore> _opened = [];

    protected IFleetStore Store { get; private set; } = null!;

    protected string ConnectionString { get; private set; } = "";

    protected static CancellationToken None => CancellationToken.None;

    public async Task InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync();
        Store = await OpenAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (IFleetStore store in _opened)
        {
            await store.DisposeAsync();
        }

        await DeleteDatabaseAsync();
    }

    /// <summary>A connection string to a new, empty database.</summary>
    protected abstract Task<string> CreateDatabaseAsync();

    protected virtual Task DeleteDatabaseAsync() => Task.CompletedTask;

    /// <summary>Another store on the same database, initialised, disposed with the test.</summary>
    protected async Task<IFleetStore> OpenAsync(bool validateBatches = true)
    {
        IFleetStore store = FleetStoreFactory.Create(ConnectionString, null, validateBatches);
        _opened.Add(store);
        await store.InitialiseAsync(None);
        return store;
    }
}

using EdgeNode.TestSupport;

namespace EdgeNode.Fleet.Tests.Ingest;

/// <summary>The pipeline contract against a SQLite file in a fresh temporary directory.</summary>
public sealed class SqliteIngestPipelineTests : IngestPipelineContract
{
    private readonly TemporaryDirectory _folder = new("edgenode-ingest-");

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult($"Data Source={_folder.File("fleet.db")}");

    protected override Task DeleteDatabaseAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}

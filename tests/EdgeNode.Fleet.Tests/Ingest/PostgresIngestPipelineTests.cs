using EdgeNode.Fleet.Tests.Support;

namespace EdgeNode.Fleet.Tests.Ingest;

/// <summary>The pipeline contract against the real PostgreSQL server of this test run, a new database per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresIngestPipelineTests(PostgresFixture postgres) : IngestPipelineContract
{
    protected override Task<string> CreateDatabaseAsync() => postgres.Server.CreateDatabaseAsync(nameof(PostgresIngestPipelineTests));
}

using EdgeNode.Fleet.Tests.Support;

namespace EdgeNode.Fleet.Tests.Contract;

/// <summary>The calibration contract against the real PostgreSQL server of this test run, a new database per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCalibrationStoreTests(PostgresFixture postgres) : CalibrationStoreContract
{
    protected override Task<string> CreateDatabaseAsync() => postgres.Server.CreateDatabaseAsync(nameof(PostgresCalibrationStoreTests));
}

namespace EdgeNode.Fleet.Tests.Contract;

/// <summary>The calibration contract against a SQLite file in a fresh temporary directory.</summary>
public sealed class SqliteCalibrationStoreTests : CalibrationStoreContract, IDisposable
{
    private readonly EdgeNode.TestSupport.TemporaryDirectory _folder = new("edgenode-fleet-calibration-");

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult($"Data Source={_folder.File("fleet.db")}");

    public void Dispose() => _folder.Dispose();
}

namespace EdgeNode.Fleet.Tests.Contract;

/// <summary>A SQLite file in a temporary directory of its own, for one test.</summary>
internal sealed class SqliteTestDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("edgenode-fleet-").FullName;

    public string FilePath => Path.Combine(_folder, "fleet.db");

    public string ConnectionString => $"Data Source={FilePath}";

    public Task DeleteAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}

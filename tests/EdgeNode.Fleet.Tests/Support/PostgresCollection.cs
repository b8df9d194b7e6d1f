namespace EdgeNode.Fleet.Tests.Support;

/// <summary>One PostgreSQL server for every test class in this collection: starting one takes seconds, a database milliseconds.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL server";
}

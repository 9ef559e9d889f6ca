using Xunit;

namespace Pppk.Workflow.Testing;

/// <summary>A class fixture: a fresh, empty database on the test cluster for one test class, dropped afterwards.</summary>
public class TestDatabase : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public virtual async Task InitializeAsync() => ConnectionString = await TestCluster.CreateDatabaseAsync("t");

    public virtual async Task DisposeAsync() => await TestCluster.DropDatabaseAsync(ConnectionString);
}

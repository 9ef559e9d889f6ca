using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pppk.Workflow.Runtime.Database;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Runtime.Tests;

/// <summary>
/// A database of its own with the runtime's schema migrated and a data source on it, for the list and visibility tests
/// that seed rows by SQL. The Host's user store makes <c>pppk.principals</c> (a view) in a real deployment; without it a
/// table of the same columns stands in.
/// </summary>
public sealed class RuntimeDatabase : TestDatabase
{
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var services = new ServiceCollection().AddLogging().AddPppkRuntime(ConnectionString).BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(default);
        DataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var principals = DataSource.CreateCommand(
            "CREATE TABLE IF NOT EXISTS pppk.principals (user_name text, normalized_name text, groups text[], unit_code text, full_name text, email text, active boolean)");
        await principals.ExecuteNonQueryAsync();
    }

    public override async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await base.DisposeAsync();
    }
}

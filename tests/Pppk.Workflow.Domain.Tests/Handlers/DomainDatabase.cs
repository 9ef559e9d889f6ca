using Microsoft.EntityFrameworkCore;
using Npgsql;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Domain.Tests.Handlers;

/// <summary>A fresh database with the domain schema migrated, for handler tests against real PostgreSQL.</summary>
public sealed class DomainDatabase : TestDatabase
{
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        DataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var db = Context();
        await db.Database.MigrateAsync();
    }

    public PppkDbContext Context() => new(new DbContextOptionsBuilder<PppkDbContext>()
        .UseNpgsql(DataSource, o => o.MigrationsHistoryTable(PppkDbContext.MigrationsHistoryTable, "pppk"))
        .UseSnakeCaseNamingConvention().Options);

    public override async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await base.DisposeAsync();
    }
}

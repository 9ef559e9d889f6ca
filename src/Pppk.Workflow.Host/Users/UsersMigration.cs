using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;
using Pppk.Workflow.Runtime.Database;

namespace Pppk.Workflow.Host.Users;

/// <summary>The users context's migrations, run by the runtime's <see cref="DatabaseMigrator"/> after its own (which create the tables).</summary>
internal sealed class UsersMigration(UsersDbContext db) : IDatabaseMigration
{
    public Task MigrateAsync(CancellationToken ct) => db.Database.MigrateWithHistoryTableAsync(ct);
}

public static class UsersStore
{
    public static IServiceCollection AddUsersStore(this IServiceCollection services)
    {
        services.AddDbContext<UsersDbContext>((sp, o) => o
            .UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>(), npgsql => npgsql.MigrationsHistoryTable(UsersDbContext.MigrationsHistoryTable, WorkflowDbContext.Schema))
            .UseSnakeCaseNamingConvention());
        services.AddScoped<IDatabaseMigration, UsersMigration>();
        services.AddScoped<UserNames>();
        return services;
    }
}

/// <summary>Lets <c>dotnet ef migrations add --context UsersDbContext</c> build the model; it never connects.</summary>
internal sealed class DesignTimeUsersDbContextFactory : IDesignTimeDbContextFactory<UsersDbContext>
{
    public UsersDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<UsersDbContext>()
        .UseNpgsql("Host=127.0.0.1;Database=pppk_design", o => o.MigrationsHistoryTable(UsersDbContext.MigrationsHistoryTable, WorkflowDbContext.Schema))
        .UseSnakeCaseNamingConvention()
        .Options);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pppk.Workflow.Runtime.Database;

namespace Pppk.Workflow.Runtime;

public static class Extensions
{
    /// <summary>Registers the runtime's database context and migrator for <paramref name="connectionString"/>.</summary>
    public static IServiceCollection AddPppkRuntime(this IServiceCollection services, string connectionString)
    {
        services.AddDbContext<WorkflowDbContext>(o => o
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(WorkflowDbContext.MigrationsHistoryTable, WorkflowDbContext.Schema))
            .UseSnakeCaseNamingConvention());
        services.AddScoped<DatabaseMigrator>();
        return services;
    }
}

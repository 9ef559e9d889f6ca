using Microsoft.EntityFrameworkCore;

namespace Pppk.Workflow.Runtime.Database;

/// <summary>
/// The runtime's tables in schema <c>pppk</c>: definitions, instances and work items. Users, roles and the cookie keys
/// belong to the host (its <c>UsersDbContext</c>), though this context's first migration created their tables.
/// </summary>
public sealed class WorkflowDbContext(DbContextOptions<WorkflowDbContext> options) : DbContext(options)
{
    public const string Schema = "pppk";
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(Schema);
        WorkflowModel.Configure(builder);
    }
}

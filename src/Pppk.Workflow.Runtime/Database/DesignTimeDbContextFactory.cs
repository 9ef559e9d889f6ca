using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Pppk.Workflow.Runtime.Database;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model; it never connects.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<WorkflowDbContext>
{
    public WorkflowDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<WorkflowDbContext>()
        .UseNpgsql("Host=127.0.0.1;Database=pppk_design", o => o.MigrationsHistoryTable(WorkflowDbContext.MigrationsHistoryTable, WorkflowDbContext.Schema))
        .UseSnakeCaseNamingConvention()
        .Options);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Pppk.Workflow.Domain.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model; it never connects.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PppkDbContext>
{
    public PppkDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<PppkDbContext>()
        .UseNpgsql("Host=127.0.0.1;Database=pppk_design", o => o.MigrationsHistoryTable(PppkDbContext.MigrationsHistoryTable, "pppk"))
        .UseSnakeCaseNamingConvention()
        .Options);
}

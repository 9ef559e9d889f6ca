using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Pppk.Workflow.Notifications.Database;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model; it never connects.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<NotificationsDbContext>
{
    public NotificationsDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<NotificationsDbContext>()
        .UseNpgsql("Host=127.0.0.1;Database=pppk_design", o => o.MigrationsHistoryTable(NotificationsDbContext.MigrationsHistoryTable, NotificationsDbContext.Schema))
        .UseSnakeCaseNamingConvention()
        .Options);
}

using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Runtime.Database;

namespace Pppk.Workflow.Notifications.Database;

/// <summary>The email outbox migrations, run by the runtime's <see cref="DatabaseMigrator"/> under its advisory lock.</summary>
internal sealed class NotificationsMigrator(NotificationsDbContext db) : IDatabaseMigration
{
    public Task MigrateAsync(CancellationToken ct) => db.Database.MigrateWithHistoryTableAsync(ct);
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pppk.Workflow.Engine.Feel;
using Pppk.Workflow.Runtime.Database;

namespace Pppk.Workflow.Runtime.Calendar;

/// <summary>
/// The holiday calendar the FEEL working-day functions use, kept in the holiday tables (HolidayRecords.cs). At start-up the
/// shipped files (<c>workflows/calendars/*.json</c>) fill the years the database does not have yet; then the calendar is
/// built from the tables and swapped into the <see cref="FeelEnvironment"/> in one reference write. An edit on this node
/// swaps at once; every node compares the highest holiday change id (the revision) every
/// <see cref="Instances.RuntimeOptions.CalendarRefresh"/> and reloads when it moved (<see cref="CalendarRefresher"/>).
/// </summary>
public sealed class HolidayCalendar(IServiceScopeFactory scopes, FeelEnvironment feel, TimeProvider clock, ILogger<HolidayCalendar> log)
{
    private readonly SemaphoreSlim loading = new(1, 1);

    /// <summary>The revision the running calendar was built from (-1 before the first load).</summary>
    public long Revision { get; private set; } = -1;

    /// <summary>Seeds the years the shipped files add, then loads.</summary>
    public async Task StartAsync(string? workflowsPath, CancellationToken ct)
    {
        var shipped = ShippedCalendar(workflowsPath);
        if (shipped is not null) await SeedAsync(shipped, ct);
        await ReloadAsync(ct);
    }

    /// <summary>Reloads when another node (or a test) changed the tables since the last load.</summary>
    public async Task<bool> RefreshIfChangedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var revision = await RevisionAsync(db, ct);
        if (revision == Revision) return false;
        await ReloadAsync(ct);
        return true;
    }

    /// <summary>Builds the calendar from the tables and swaps it in.</summary>
    public async Task ReloadAsync(CancellationToken ct)
    {
        await loading.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
            var revision = await RevisionAsync(db, ct);
            var holidays = await db.Set<HolidayRecord>().AsNoTracking().ToListAsync(ct);
            var years = await db.Set<HolidayYearRecord>().AsNoTracking().ToListAsync(ct);
            await tx.CommitAsync(ct);
            feel.UseCalendar(Build(holidays, years));
            if (Revision >= 0 && revision != Revision)
                log.LogInformation("Holiday calendar reloaded at revision {Revision}: {Years} years, {Holidays} holidays", revision, years.Count, holidays.Count);
            Revision = revision;
        }
        finally
        {
            loading.Release();
        }
    }

    public static WorkingCalendar Build(IEnumerable<HolidayRecord> holidays, IEnumerable<HolidayYearRecord> years) =>
        new("database",
            holidays.Select(h => new Holiday(h.Date, h.Name, HolidayKinds.Parse(h.Kind) ?? HolidayKind.Libur, h.Region.Length == 0 ? null : h.Region, h.Source)),
            years.Select(y => new CalendarYear(y.Year, y.Provisional, y.Source)));

    internal static async Task<long> RevisionAsync(WorkflowDbContext db, CancellationToken ct) =>
        await db.Set<HolidayChangeRecord>().MaxAsync(c => (long?)c.Id, ct) ?? 0;

    /// <summary>Every calendar file of the workflows folder, combined; null when there is none.</summary>
    public static WorkingCalendar? ShippedCalendar(string? workflowsPath)
    {
        var dir = workflowsPath is null ? null : Path.Combine(workflowsPath, "calendars");
        if (dir is null || !Directory.Exists(dir)) return null;
        var files = Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal).Select(WorkingCalendar.LoadFile).ToArray();
        return files.Length == 0 ? null : WorkingCalendar.Combine("calendars", files);
    }

    /// <summary>Adds each shipped year the database has never had (no year row and no change recorded for it), under a lock so two nodes starting together seed once.</summary>
    private async Task SeedAsync(WorkingCalendar shipped, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('holiday-calendar-seed'))", ct);
        var known = await db.Set<HolidayYearRecord>().Select(y => y.Year).Union(db.Set<HolidayChangeRecord>().Select(c => c.Year)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var year in shipped.Years.Where(y => !known.Contains(y.Year)))
        {
            var days = shipped.Holidays.Where(h => h.Date.Year == year.Year).ToList();
            db.Add(new HolidayYearRecord { Year = year.Year, Provisional = year.Provisional, Source = year.Source, UpdatedAt = now, UpdatedBy = null });
            db.AddRange(days.Select(h => new HolidayRecord
            {
                Date = h.Date, Name = h.Name, Kind = HolidayKinds.Name(h.Kind), Region = h.Region ?? "", Source = h.Source,
            }));
            db.Add(new HolidayChangeRecord
            {
                At = now, Action = "seed", Year = year.Year,
                Details = JsonSerializer.Serialize(new { holidays = days.Count, provisional = year.Provisional, source = year.Source }),
            });
            log.LogInformation("Holiday calendar {Year} seeded from the shipped files: {Count} holidays", year.Year, days.Count);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Runtime.Database;

namespace Pppk.Workflow.Runtime.Calendar;

/// <summary>
/// Every change to the holiday calendar: one transaction that writes the change and its audit row
/// (a holiday change row, whose id is the new revision), then the running calendar is rebuilt and swapped on this node.
/// </summary>
public sealed class HolidayEditor(WorkflowDbContext db, HolidayCalendar calendar, TimeProvider clock)
{
    /// <summary>A refusal: the field (null for the whole request), the reason, and whether it is a conflict (409) rather than bad input (400) or a missing holiday (404).</summary>
    public sealed record Refusal(string? Field, LocalizedText Problem, int Status = 400);

    public sealed record Change(string Date, string Region, string Name, string? Before);

    /// <summary>What an import did or would do; <see cref="Errors"/> non-empty means nothing was (or would be) changed.</summary>
    public sealed record ImportPlan(int Year, bool DryRun, List<Change> Added, List<Change> Changed, List<Change> Removed, List<HolidayCsv.RowError> Errors);

    public async Task<(HolidayRecord? Holiday, Refusal? Refusal)> AddAsync(HolidayInput input, string? user, CancellationToken ct)
    {
        var (record, field, problem) = input.Check();
        if (record is null) return (null, new Refusal(field, problem!));
        if (await CheckPlaceAsync(record, null, ct) is { } refusal) return (null, refusal);
        db.Add(record);
        Audit(user, "add", record.Date.Year, new { after = Describe(record) });
        await SaveAsync(ct);
        return (record, null);
    }

    public async Task<(HolidayRecord? Holiday, Refusal? Refusal)> UpdateAsync(long id, HolidayInput input, string? user, CancellationToken ct)
    {
        var existing = await db.Set<HolidayRecord>().FirstOrDefaultAsync(h => h.Id == id, ct);
        if (existing is null) return (null, new Refusal(null, CalendarTexts.NotFound.Format(id), 404));
        var (record, field, problem) = input.Check();
        if (record is null) return (null, new Refusal(field, problem!));
        if (await CheckPlaceAsync(record, id, ct) is { } refusal) return (null, refusal);
        var before = Describe(existing);
        (existing.Date, existing.Name, existing.Kind, existing.Region, existing.RegionName, existing.Source) =
            (record.Date, record.Name, record.Kind, record.Region, record.RegionName, record.Source);
        Audit(user, "edit", existing.Date.Year, new { before, after = Describe(existing) });
        await SaveAsync(ct);
        return (existing, null);
    }

    public async Task<Refusal?> DeleteAsync(long id, string? user, CancellationToken ct)
    {
        var existing = await db.Set<HolidayRecord>().FirstOrDefaultAsync(h => h.Id == id, ct);
        if (existing is null) return new Refusal(null, CalendarTexts.NotFound.Format(id), 404);
        db.Remove(existing);
        Audit(user, "delete", existing.Date.Year, new { before = Describe(existing) });
        await SaveAsync(ct);
        return null;
    }

    /// <summary>Adds a year to the calendar or changes whether it is confirmed and its legal source.</summary>
    public async Task<(HolidayYearRecord? Year, Refusal? Refusal)> SetYearAsync(int year, bool provisional, string? source, string? user, CancellationToken ct)
    {
        if (YearRefusal(year, source) is { } refusal) return (null, refusal);
        var record = await UpsertYearAsync(year, provisional, source, user, ct);
        Audit(user, "year", year, new { provisional, source = record.Source });
        await SaveAsync(ct);
        return (record, null);
    }

    /// <summary>
    /// Replaces the year's holidays (national and regional) by the file's: what is not in the file is removed. Any bad
    /// row refuses the whole file, each problem with its line; a dry run only says what would change.
    /// </summary>
    public async Task<(ImportPlan? Plan, Refusal? Refusal)> ImportAsync(int year, string csv, bool provisional, string? source, bool dryRun, string? user, CancellationToken ct)
    {
        if (YearRefusal(year, source) is { } refusal) return (null, refusal);
        var (rows, errors) = HolidayCsv.Read(csv);
        var incoming = new Dictionary<(string Region, DateOnly Date), HolidayRecord>();
        foreach (var row in rows)
        {
            var (record, field, problem) = row.Input.Check();
            if (record is null) errors.Add(new HolidayCsv.RowError(row.Line, field, problem!));
            else if (record.Date.Year != year) errors.Add(new HolidayCsv.RowError(row.Line, "date", CalendarTexts.OtherYear.Format(record.Date.ToString("yyyy-MM-dd"), year)));
            else if (!incoming.TryAdd((record.Region, record.Date), record))
                errors.Add(new HolidayCsv.RowError(row.Line, "date", CalendarTexts.Duplicate.Format(record.Date.ToString("yyyy-MM-dd"), RegionLabel(record.Region))));
        }
        var current = await OfYear(year).ToListAsync(ct);
        var existing = current.ToDictionary(h => (h.Region, h.Date));
        var added = incoming.Values.Where(h => !existing.ContainsKey((h.Region, h.Date))).Select(h => ChangeOf(h, null)).ToList();
        var changed = incoming.Values.Where(h => existing.TryGetValue((h.Region, h.Date), out var e) && Describe(e) != Describe(h))
            .Select(h => ChangeOf(h, existing[(h.Region, h.Date)].Name)).ToList();
        var removed = current.Where(h => !incoming.ContainsKey((h.Region, h.Date))).Select(h => ChangeOf(h, null)).ToList();
        var plan = new ImportPlan(year, dryRun, Sorted(added), Sorted(changed), Sorted(removed), errors.OrderBy(e => e.Line).ToList());
        if (dryRun || plan.Errors.Count > 0) return (plan, null);
        foreach (var h in current)
        {
            if (!incoming.Remove((h.Region, h.Date), out var next)) db.Remove(h);
            else (h.Name, h.Kind, h.RegionName, h.Source) = (next.Name, next.Kind, next.RegionName, next.Source);
        }
        db.AddRange(incoming.Values);
        await UpsertYearAsync(year, provisional, source, user, ct);
        Audit(user, "import", year, new { provisional, source, added, changed, removed });
        await SaveAsync(ct);
        return (plan, null);
    }

    /// <summary>Every year with how many holidays it has.</summary>
    public async Task<List<(HolidayYearRecord Year, int Holidays)>> YearsAsync(CancellationToken ct)
    {
        var years = await db.Set<HolidayYearRecord>().AsNoTracking().OrderBy(y => y.Year).ToListAsync(ct);
        var counts = await db.Set<HolidayRecord>().GroupBy(h => h.Date.Year).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return years.Select(y => (y, counts.GetValueOrDefault(y.Year))).ToList();
    }

    public Task<HolidayYearRecord?> YearAsync(int year, CancellationToken ct) =>
        db.Set<HolidayYearRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Year == year, ct);

    /// <summary>The audit, newest first (a year's, or all).</summary>
    public Task<List<HolidayChangeRecord>> ChangesAsync(int? year, int take, CancellationToken ct)
    {
        var query = db.Set<HolidayChangeRecord>().AsNoTracking();
        if (year is { } y) query = query.Where(c => c.Year == y);
        return query.OrderByDescending(c => c.Id).Take(take).ToListAsync(ct);
    }

    public IQueryable<HolidayRecord> OfYear(int year) =>
        db.Set<HolidayRecord>().Where(h => h.Date >= new DateOnly(year, 1, 1) && h.Date <= new DateOnly(year, 12, 31));

    private static List<Change> Sorted(List<Change> changes) => changes.OrderBy(c => c.Date, StringComparer.Ordinal).ThenBy(c => c.Region, StringComparer.Ordinal).ToList();

    private static Change ChangeOf(HolidayRecord h, string? before) => new(h.Date.ToString("yyyy-MM-dd"), h.Region, h.Name, before);

    private static string RegionLabel(string region) => region.Length == 0 ? "nasional" : region;

    private static Refusal? YearRefusal(int year, string? source)
    {
        if (year is < HolidayLimits.FirstYear or > HolidayLimits.LastYear)
            return new Refusal("year", CalendarTexts.YearOutOfRange.Format(year, HolidayLimits.FirstYear, HolidayLimits.LastYear));
        if (source?.Trim().Length > HolidayLimits.YearSourceMaxLength)
            return new Refusal("source", CalendarTexts.TooLong.Format("source", source.Trim().Length, HolidayLimits.YearSourceMaxLength));
        return null;
    }

    private async Task<Refusal?> CheckPlaceAsync(HolidayRecord record, long? self, CancellationToken ct)
    {
        if (!await db.Set<HolidayYearRecord>().AnyAsync(y => y.Year == record.Date.Year, ct))
            return new Refusal("date", CalendarTexts.YearMissing.Format(record.Date.Year));
        if (await db.Set<HolidayRecord>().AnyAsync(h => h.Region == record.Region && h.Date == record.Date && h.Id != self, ct))
            return new Refusal("date", CalendarTexts.Duplicate.Format(record.Date.ToString("yyyy-MM-dd"), RegionLabel(record.Region)), 409);
        return null;
    }

    private async Task<HolidayYearRecord> UpsertYearAsync(int year, bool provisional, string? source, string? user, CancellationToken ct)
    {
        var record = await db.Set<HolidayYearRecord>().FirstOrDefaultAsync(y => y.Year == year, ct);
        if (record is null) db.Add(record = new HolidayYearRecord { Year = year });
        record.Provisional = provisional;
        record.Source = string.IsNullOrWhiteSpace(source) ? null : source.Trim();
        record.UpdatedAt = clock.GetUtcNow();
        record.UpdatedBy = user;
        return record;
    }

    /// <summary>What the audit keeps of a holiday; equal facts mean an import leaves it unchanged.</summary>
    private sealed record Facts(string Date, string Name, string Kind, string Region, string? RegionName, string? Source);

    private static Facts Describe(HolidayRecord h) => new(h.Date.ToString("yyyy-MM-dd"), h.Name, h.Kind, h.Region, h.RegionName, h.Source);

    private void Audit(string? user, string action, int year, object details) =>
        db.Add(new HolidayChangeRecord { At = clock.GetUtcNow(), User = user, Action = action, Year = year, Details = JsonSerializer.Serialize(details) });

    private async Task SaveAsync(CancellationToken ct)
    {
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        await calendar.ReloadAsync(ct);
    }
}

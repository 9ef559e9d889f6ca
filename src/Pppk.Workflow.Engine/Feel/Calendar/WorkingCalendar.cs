using System.Globalization;
using System.Text.Json;

namespace Pppk.Workflow.Engine.Feel;

/// <summary>
/// Which days are working days: Monday to Friday, except listed holidays (libur nasional and cuti bersama both
/// close government offices; a regional holiday closes them only in its region). Loaded from data files such as
/// <c>workflows/calendars/id-national.json</c> (the shipped default) or built by the host from its holiday tables:
/// <c>{ "name": "...", "years": [ { "year": 2027, "status": "confirmed" | "provisional", "source": "SKB ..." } ],
/// "holidays": [ { "date": "2025-01-01", "name": "...", "kind": "libur" | "cuti-bersama", "source": "...", "region": "kukar" } ] }</c>.
/// A calendar with years covers them: a working day asked for past its last year throws instead of counting
/// weekends only (<see cref="LastDay"/>).
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> closed;
    private readonly Dictionary<string, HashSet<DateOnly>> regional;

    public WorkingCalendar(string name, IEnumerable<Holiday> holidays, IEnumerable<CalendarYear>? years = null)
    {
        Name = name;
        Holidays = holidays.OrderBy(h => h.Date).ToList();
        closed = Holidays.Where(h => h.Region is null).Select(h => h.Date).ToHashSet();
        regional = Holidays.Where(h => h.Region is not null).GroupBy(h => RegionKey(h.Region!))
            .ToDictionary(g => g.Key, g => g.Select(h => h.Date).ToHashSet(), StringComparer.Ordinal);
        Years = (years ?? []).DistinctBy(y => y.Year).OrderBy(y => y.Year).ToList();
        LastDay = Years.Count == 0 ? null : new DateOnly(Years[^1].Year, 12, 31);
    }

    /// <summary>No holidays and no years: only Saturday and Sunday are closed, on every date (tests and tools only).</summary>
    public static WorkingCalendar WeekendsOnly { get; } = new("weekends only", []);

    public string Name { get; }

    public IReadOnlyList<Holiday> Holidays { get; }

    /// <summary>The years with holiday data, each confirmed by its SKB or provisional (computed, awaiting it).</summary>
    public IReadOnlyList<CalendarYear> Years { get; }

    /// <summary>31 December of the last year with data; null when the calendar lists no years (then nothing is checked).</summary>
    public DateOnly? LastDay { get; }

    /// <summary>Whether offices are open on the date (in <paramref name="region"/> when given: its regional holidays close them too).</summary>
    /// <exception cref="FeelLimitException">The date is past <see cref="LastDay"/>: its year has no holiday data.</exception>
    public bool IsWorkingDay(DateOnly date, string? region = null)
    {
        EnsureCovered(date);
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(date, region);
    }

    public bool IsHoliday(DateOnly date, string? region = null) =>
        closed.Contains(date) || (region is not null && regional.TryGetValue(RegionKey(region), out var days) && days.Contains(date));

    /// <summary>Throws the "kalender libur tahun N belum diisi" error for a date past the data; never counts weekends only there.</summary>
    public void EnsureCovered(DateOnly date)
    {
        if (LastDay is { } last && date > last)
            throw new FeelLimitException(FeelTexts.CalendarYearMissing.Format(date.Year, last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    private static string RegionKey(string region) => region.Trim().ToLowerInvariant();

    /// <summary>Parses the calendar JSON; a bad entry is reported with its index so the file can be fixed. A file without
    /// <c>years</c> covers the years its national holidays fall in.</summary>
    public static WorkingCalendar Load(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var name = root.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
        var holidays = new List<Holiday>();
        if (root.TryGetProperty("holidays", out var list))
        {
            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                var dateText = Text(item, "date");
                if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    throw new FormatException($"Calendar '{name}': holiday #{i} has date '{dateText}', expected yyyy-MM-dd.");
                var kindText = Text(item, "kind") ?? "libur";
                var kind = HolidayKinds.Parse(kindText)
                    ?? throw new FormatException($"Calendar '{name}': holiday #{i} has kind '{kindText}', expected 'libur' or 'cuti-bersama'.");
                holidays.Add(new Holiday(date, Text(item, "name") ?? "", kind, Text(item, "region"), Text(item, "source")));
                i++;
            }
        }
        var years = new List<CalendarYear>();
        if (root.TryGetProperty("years", out var yearList))
        {
            foreach (var item in yearList.EnumerateArray())
            {
                if (!item.TryGetProperty("year", out var y) || !y.TryGetInt32(out var year) || year is < 1900 or > 9999)
                    throw new FormatException($"Calendar '{name}': a year entry has no year between 1900 and 9999.");
                var status = Text(item, "status") ?? "confirmed";
                if (status is not ("confirmed" or "provisional"))
                    throw new FormatException($"Calendar '{name}': year {year} has status '{status}', expected 'confirmed' or 'provisional'.");
                years.Add(new CalendarYear(year, status == "provisional", Text(item, "source")));
            }
        }
        else
        {
            var source = Text(root, "source");
            years.AddRange(holidays.Where(h => h.Region is null).Select(h => h.Date.Year).Distinct().Select(y => new CalendarYear(y, false, source)));
        }
        return new WorkingCalendar(name, holidays, years);
    }

    private static string? Text(JsonElement item, string property) =>
        item.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString()!.Trim() : null;

    public static WorkingCalendar LoadFile(string path) => Load(File.ReadAllText(path));

    /// <summary>Merges several calendars (e.g. national plus a regional one); the first calendar naming a year or a (date, region) wins.</summary>
    public static WorkingCalendar Combine(string name, params WorkingCalendar[] calendars) =>
        new(name, calendars.SelectMany(c => c.Holidays).DistinctBy(h => (h.Date, h.Region)), calendars.SelectMany(c => c.Years));
}

public enum HolidayKind
{
    Libur,
    CutiBersama,
}

/// <summary>The kinds as the data files, the API and the CSV spell them.</summary>
public static class HolidayKinds
{
    public const string Libur = "libur";
    public const string CutiBersama = "cuti-bersama";

    public static HolidayKind? Parse(string? text) => text switch
    {
        Libur => HolidayKind.Libur,
        CutiBersama => HolidayKind.CutiBersama,
        _ => null,
    };

    public static string Name(HolidayKind kind) => kind == HolidayKind.CutiBersama ? CutiBersama : Libur;
}

/// <summary>A day offices close: national when <see cref="Region"/> is null, else only in that region (e.g. a regency's anniversary).
/// <see cref="Source"/> is its legal basis (an SKB or a Perda/Perbup number).</summary>
public sealed record Holiday(DateOnly Date, string Name, HolidayKind Kind, string? Region = null, string? Source = null);

/// <summary>A year the calendar covers; provisional while its dates are computed and the SKB of the three ministers is awaited.</summary>
public sealed record CalendarYear(int Year, bool Provisional, string? Source);

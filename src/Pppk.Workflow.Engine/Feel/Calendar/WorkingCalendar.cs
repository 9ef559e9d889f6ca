using System.Globalization;
using System.Text.Json;

namespace Pppk.Workflow.Engine.Feel;

/// <summary>
/// Which days are working days: Monday to Friday, except listed holidays (libur nasional and cuti bersama both
/// close government offices). Loaded from data files such as <c>workflows/calendars/id-national.json</c>:
/// <c>{ "name": "...", "holidays": [ { "date": "2025-01-01", "name": "...", "kind": "libur" | "cuti-bersama" } ] }</c>.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> closed;

    public WorkingCalendar(string name, IEnumerable<Holiday> holidays)
    {
        Name = name;
        Holidays = holidays.OrderBy(h => h.Date).ToList();
        closed = Holidays.Select(h => h.Date).ToHashSet();
    }

    /// <summary>No holidays: only Saturday and Sunday are closed.</summary>
    public static WorkingCalendar WeekendsOnly { get; } = new("weekends only", []);

    public string Name { get; }

    public IReadOnlyList<Holiday> Holidays { get; }

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !closed.Contains(date);

    public bool IsHoliday(DateOnly date) => closed.Contains(date);

    /// <summary>Parses the calendar JSON; a bad entry is reported with its index so the file can be fixed.</summary>
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
                var dateText = item.TryGetProperty("date", out var d) ? d.GetString() : null;
                if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    throw new FormatException($"Calendar '{name}': holiday #{i} has date '{dateText}', expected yyyy-MM-dd.");
                var kindText = item.TryGetProperty("kind", out var k) ? k.GetString() : "libur";
                var kind = kindText switch
                {
                    "libur" => HolidayKind.Libur,
                    "cuti-bersama" => HolidayKind.CutiBersama,
                    _ => throw new FormatException($"Calendar '{name}': holiday #{i} has kind '{kindText}', expected 'libur' or 'cuti-bersama'."),
                };
                holidays.Add(new Holiday(date, item.TryGetProperty("name", out var hn) ? hn.GetString() ?? "" : "", kind));
                i++;
            }
        }
        return new WorkingCalendar(name, holidays);
    }

    public static WorkingCalendar LoadFile(string path) => Load(File.ReadAllText(path));

    /// <summary>Merges several calendars (e.g. national plus a regional one).</summary>
    public static WorkingCalendar Combine(string name, params WorkingCalendar[] calendars) =>
        new(name, calendars.SelectMany(c => c.Holidays).DistinctBy(h => h.Date));
}

public enum HolidayKind
{
    Libur,
    CutiBersama,
}

public sealed record Holiday(DateOnly Date, string Name, HolidayKind Kind);

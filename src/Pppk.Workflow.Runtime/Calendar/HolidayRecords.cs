using Microsoft.EntityFrameworkCore;

namespace Pppk.Workflow.Runtime.Calendar;

/// <summary>One holiday: national when <see cref="Region"/> is empty, else only in that region or unit (e.g. <c>kukar</c>).</summary>
public sealed class HolidayRecord
{
    public long Id { get; set; }
    public DateOnly Date { get; set; }
    public required string Name { get; set; }

    /// <summary><c>libur</c> or <c>cuti-bersama</c> (<see cref="Engine.Feel.HolidayKinds"/>).</summary>
    public required string Kind { get; set; }

    /// <summary>Empty for a national holiday; otherwise the region code the FEEL functions' <c>region</c> argument names.</summary>
    public string Region { get; set; } = "";
    public string? RegionName { get; set; }

    /// <summary>The legal basis: the SKB of the three ministers, a Perda or Perbup.</summary>
    public string? Source { get; set; }
}

/// <summary>A year the calendar covers: confirmed by its SKB or provisional (computed, awaiting it).</summary>
public sealed class HolidayYearRecord
{
    public int Year { get; set; }
    public bool Provisional { get; set; }
    public string? Source { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

/// <summary>The audit of the calendar, one row per change; its highest id is the calendar's revision that every node compares.</summary>
public sealed class HolidayChangeRecord
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? User { get; set; }

    /// <summary><c>seed</c>, <c>add</c>, <c>edit</c>, <c>delete</c>, <c>year</c> or <c>import</c>.</summary>
    public required string Action { get; set; }
    public int Year { get; set; }
    public string? Details { get; set; }
}

/// <summary>The EF mapping of the holiday tables (pppk.holidays, pppk.holiday_years, pppk.holiday_changes).</summary>
internal static class HolidayModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<HolidayRecord>(e =>
        {
            e.ToTable("holidays");
            e.Property(h => h.Name).HasMaxLength(HolidayLimits.NameMaxLength);
            e.Property(h => h.Kind).HasMaxLength(20);
            e.Property(h => h.Region).HasMaxLength(HolidayLimits.RegionMaxLength);
            e.Property(h => h.RegionName).HasMaxLength(HolidayLimits.NameMaxLength);
            e.Property(h => h.Source).HasMaxLength(HolidayLimits.SourceMaxLength);
            // One holiday per day and region: a second one on the same day would close nothing more.
            e.HasIndex(h => new { h.Region, h.Date }).IsUnique();
            e.HasIndex(h => h.Date);
        });
        b.Entity<HolidayYearRecord>(e =>
        {
            e.ToTable("holiday_years");
            e.HasKey(y => y.Year);
            e.Property(y => y.Year).ValueGeneratedNever();
            e.Property(y => y.Source).HasMaxLength(HolidayLimits.YearSourceMaxLength);
        });
        b.Entity<HolidayChangeRecord>(e =>
        {
            e.ToTable("holiday_changes");
            e.Property(c => c.Details).HasColumnType("jsonb");
            e.HasIndex(c => c.Year);
        });
    }
}

/// <summary>How long the texts of a holiday may be, and how many rows an import may carry.</summary>
public static class HolidayLimits
{
    public const int NameMaxLength = 200;
    public const int RegionMaxLength = 50;
    public const int SourceMaxLength = 500;
    public const int YearSourceMaxLength = 1000;
    public const int ImportMaxRows = 500;
    public const int ImportMaxBytes = 256 * 1024;
    public const int FirstYear = 2000;
    public const int LastYear = 2100;
}

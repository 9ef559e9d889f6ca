using System.Globalization;
using System.Text.RegularExpressions;
using Pppk.Workflow.Engine.Feel;
using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Runtime.Calendar;

/// <summary>A holiday as the API body and a CSV row give it; <see cref="Check"/> names the first problem with its field.</summary>
public sealed partial record HolidayInput(string? Date, string? Name, string? Kind, string? Region, string? RegionName, string? Source)
{
    public const string Fields = "tanggal,nama,jenis,wilayah,nama_wilayah,dasar_hukum";

    /// <summary>The record it describes, or the field and the reason it is refused.</summary>
    public (HolidayRecord? Record, string? Field, LocalizedText? Problem) Check()
    {
        var dateText = Date?.Trim();
        if (string.IsNullOrEmpty(dateText)) return Refuse("date", CalendarTexts.Required.Format("date"));
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return Refuse("date", CalendarTexts.BadDate.Format(dateText));
        if (date.Year is < HolidayLimits.FirstYear or > HolidayLimits.LastYear)
            return Refuse("date", CalendarTexts.YearOutOfRange.Format(date.Year, HolidayLimits.FirstYear, HolidayLimits.LastYear));
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name)) return Refuse("name", CalendarTexts.Required.Format("name"));
        if (name.Length > HolidayLimits.NameMaxLength) return Refuse("name", CalendarTexts.TooLong.Format("name", name.Length, HolidayLimits.NameMaxLength));
        var kind = string.IsNullOrWhiteSpace(Kind) ? HolidayKinds.Libur : Kind.Trim();
        if (HolidayKinds.Parse(kind) is null) return Refuse("kind", CalendarTexts.BadKind.Format(kind));
        var region = Region?.Trim() ?? "";
        if (region.Length > HolidayLimits.RegionMaxLength) return Refuse("region", CalendarTexts.TooLong.Format("region", region.Length, HolidayLimits.RegionMaxLength));
        if (region.Length > 0 && !RegionCode().IsMatch(region)) return Refuse("region", CalendarTexts.BadRegion.Format(region));
        var regionName = Blank(RegionName);
        if (regionName?.Length > HolidayLimits.NameMaxLength) return Refuse("regionName", CalendarTexts.TooLong.Format("regionName", regionName.Length, HolidayLimits.NameMaxLength));
        var source = Blank(Source);
        if (source?.Length > HolidayLimits.SourceMaxLength) return Refuse("source", CalendarTexts.TooLong.Format("source", source.Length, HolidayLimits.SourceMaxLength));
        return (new HolidayRecord { Date = date, Name = name, Kind = kind, Region = region, RegionName = region.Length == 0 ? null : regionName, Source = source }, null, null);
    }

    private static (HolidayRecord?, string?, LocalizedText?) Refuse(string field, LocalizedText problem) => (null, field, problem);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex RegionCode();
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Model;
using Letters = Pppk.Workflow.Domain.Documents.IndonesianFormat;
using MessageTexts = Pppk.Workflow.Notifications.Templates.IndonesianFormat;

namespace Pppk.Workflow.Host.Summary;

/// <summary>One summary value written in Indonesian: "Rp 41.317.920", "2 Juni 2025", "2 Juni 2025 14.30 WITA", "27,4%", "Ya".</summary>
internal static class SummaryValues
{
    /// <summary>Whether a value counts as not there: null, blank text or an empty list.</summary>
    public static bool IsEmpty(JsonNode? value) => value switch
    {
        null => true,
        JsonArray a => a.Count == 0,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => string.IsNullOrWhiteSpace(v.GetValue<string>()),
        _ => false,
    };

    /// <summary>The value in <paramref name="format"/>; throws <see cref="FormatException"/> when it is not of that kind.</summary>
    public static string Format(JsonNode value, SummaryFormat format, TimeZoneInfo zone, IReadOnlyDictionary<string, string> unitNames) => format switch
    {
        SummaryFormat.Number => Letters.Number(Number(value)),
        SummaryFormat.Rupiah => Letters.Rupiah(Number(value)),
        SummaryFormat.Percent => Letters.Percent(Number(value)),
        SummaryFormat.Date => Letters.Date(DateOnly.FromDateTime(Temporal(value, zone, out _).DateTime)),
        SummaryFormat.DateTime => DateTime(value, zone),
        SummaryFormat.YesNo => value.GetValueKind() switch
        {
            JsonValueKind.True => "Ya",
            JsonValueKind.False => "Tidak",
            _ => throw new FormatException($"'{value.ToJsonString()}' is not true or false."),
        },
        SummaryFormat.Unit => unitNames.TryGetValue(Text(value), out var name) ? name : Text(value),
        _ => Text(value),
    };

    /// <summary>Text, a number or a list of them; an object is no text for people.</summary>
    private static string Text(JsonNode value) => value switch
    {
        JsonArray list => string.Join(", ", list.Where(i => !IsEmpty(i)).Select(i => Text(i!))),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>().Trim(),
            // As written (a year, a rank, a registration number): "number" is the format that groups thousands.
            JsonValueKind.Number => v.ToJsonString(),
            JsonValueKind.True => "Ya",
            JsonValueKind.False => "Tidak",
            _ => throw new FormatException($"'{value.ToJsonString()}' is not text."),
        },
        _ => throw new FormatException("An object is not text; declare a table or pick one of its fields."),
    };

    private static decimal Number(JsonNode value) =>
        value.GetValueKind() == JsonValueKind.Number && decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d
            : throw new FormatException($"'{value.ToJsonString()}' is not a number.");

    private static DateTimeOffset Temporal(JsonNode value, TimeZoneInfo zone, out bool dateOnly) =>
        value.GetValueKind() == JsonValueKind.String && MessageTexts.TryParseTemporal(value.GetValue<string>(), zone, out var instant, out dateOnly)
            ? TimeZoneInfo.ConvertTime(instant, zone)
            : throw new FormatException($"'{value.ToJsonString()}' is not a date.");

    /// <summary>"2 Juni 2025 14.30 WITA"; a date without a time reads as the date.</summary>
    private static string DateTime(JsonNode value, TimeZoneInfo zone)
    {
        var local = Temporal(value, zone, out var dateOnly);
        var date = Letters.Date(DateOnly.FromDateTime(local.DateTime));
        return dateOnly ? date : $"{date} {MessageTexts.Time(TimeOnly.FromDateTime(local.DateTime), zone)}";
    }
}

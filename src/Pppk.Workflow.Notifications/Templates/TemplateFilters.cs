using Fluid;
using Fluid.Values;

namespace Pppk.Workflow.Notifications.Templates;

/// <summary>
/// The Liquid filters for Indonesian letters: <c>tanggal</c> ("Senin, 2 Juni 2025"), <c>tanggal_waktu</c>
/// ("Senin, 2 Juni 2025 pukul 08.00 WITA"), <c>waktu</c> ("08.00 WITA") and <c>rupiah</c> ("Rp 4.500.000").
/// A value they cannot read is a template error, never an empty string.
/// </summary>
internal static class TemplateFilters
{
    public static void Register(FilterCollection filters, TimeZoneInfo zone)
    {
        filters.AddFilter("tanggal", (input, _, ctx) => MissingInput(input, ctx) ?? Temporal(input, "tanggal", zone, (instant, _) =>
            IndonesianFormat.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime))));
        filters.AddFilter("tanggal_waktu", (input, _, ctx) => MissingInput(input, ctx) ?? Temporal(input, "tanggal_waktu", zone, (instant, dateOnly) => dateOnly
            ? throw new TemplateRenderException($"filter tanggal_waktu needs a date and time, but got the date '{input.ToStringValue()}'; use tanggal")
            : IndonesianFormat.DateTime(instant, zone)));
        filters.AddFilter("waktu", (input, _, ctx) => MissingInput(input, ctx) ?? Temporal(input, "waktu", zone, (instant, _) =>
            IndonesianFormat.Time(TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime), zone)));
        filters.AddFilter("rupiah", (input, _, ctx) => MissingInput(input, ctx) ?? Rupiah(input));
    }

    public const string MissingKey = "pppk.missing";

    // Nothing because a variable is missing: rendering goes on so the error can name every missing variable.
    private static ValueTask<FluidValue>? MissingInput(FluidValue input, TemplateContext context) =>
        input.IsNil() && context.AmbientValues.TryGetValue(MissingKey, out var m) && m is ICollection<string> { Count: > 0 }
            ? new ValueTask<FluidValue>(NilValue.Instance) : null;

    private static ValueTask<FluidValue> Temporal(FluidValue input, string filter, TimeZoneInfo zone, Func<DateTimeOffset, bool, string> format)
    {
        switch (input.ToObjectValue())
        {
            case DateTimeOffset dto:
                return new StringValue(format(dto, false));
            case DateTime dt:
                return new StringValue(format(dt.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(dt, zone.GetUtcOffset(dt)) : new DateTimeOffset(dt), false));
        }
        if (input.IsNil()) throw new TemplateRenderException($"filter {filter} got no value (a missing or null variable)");
        var text = input.ToStringValue();
        if (IndonesianFormat.TryParseTemporal(text, zone, out var instant, out var dateOnly)) return new StringValue(format(instant, dateOnly));
        throw new TemplateRenderException($"filter {filter} cannot read '{text}' as a date (expected ISO 8601 like 2025-06-02 or 2025-06-02T08:00:00+08:00)");
    }

    private static ValueTask<FluidValue> Rupiah(FluidValue input)
    {
        if (input.IsNil()) throw new TemplateRenderException("filter rupiah got no value (a missing or null variable)");
        if (input is NumberValue) return new StringValue(IndonesianFormat.Rupiah(input.ToNumberValue()));
        if (decimal.TryParse(input.ToStringValue(), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var amount))
            return new StringValue(IndonesianFormat.Rupiah(amount));
        throw new TemplateRenderException($"filter rupiah cannot read '{input.ToStringValue()}' as an amount");
    }
}

/// <summary>A template could not be rendered: unknown template, missing variable, unreadable value.</summary>
public sealed class TemplateRenderException(string message) : Exception(message)
{
    /// <summary>The variables the template needed and the model lacked, when that was the error.</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];
}

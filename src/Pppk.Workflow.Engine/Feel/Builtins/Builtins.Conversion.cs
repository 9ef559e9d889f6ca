using System.Globalization;

namespace Pppk.Workflow.Engine.Feel;

internal static partial class Builtins
{
    private static void RegisterConversion()
    {
        Add("date", "from|year, month?, day?", static (a, _) => a.Length switch
        {
            1 => a[0] switch
            {
                FeelString s => (FeelValue?)FeelTemporal.ParseDate(s.Value) ?? Args.Null,
                FeelDate d => d,
                FeelDateTime dt => new FeelDate(DateOnly.FromDateTime(dt.Local)),
                _ => Args.Null,
            },
            3 when Args.Integer(a[0], out var y) && Args.Integer(a[1], out var m) && Args.Integer(a[2], out var d)
                => new FeelDate(new DateOnly(y, m, d)),
            _ => Args.Null,
        });
        Add("time", "from|hour, minute?, second?, offset?", static (a, _) =>
        {
            if (a.Length == 1)
            {
                return a[0] switch
                {
                    FeelString s => (FeelValue?)FeelTemporal.ParseTime(s.Value) ?? Args.Null,
                    FeelTime t => t,
                    FeelDateTime dt => new FeelTime(TimeOnly.FromDateTime(dt.Local), dt.Offset, dt.Zone),
                    FeelDate => new FeelTime(TimeOnly.MinValue, TimeSpan.Zero, null),
                    _ => Args.Null,
                };
            }
            if (a.Length < 3 || !Args.Integer(a[0], out var h) || !Args.Integer(a[1], out var m) || !Args.Number(a[2], out var s2))
                return Args.Null;
            TimeSpan? offset = null;
            if (a.Length == 4 && !a[3].IsNull)
            {
                if (a[3] is not FeelDaysAndTimeDuration o)
                    return Args.Null;
                offset = o.Value;
            }
            var whole = (int)decimal.Truncate(s2);
            var ticks = (long)((s2 - whole) * TimeSpan.TicksPerSecond);
            return new FeelTime(new TimeOnly(h, m, whole).Add(TimeSpan.FromTicks(ticks)), offset, null);
        });
        Add("date and time", "from|date, time?", static (a, _) =>
        {
            if (a.Length == 1)
            {
                return a[0] switch
                {
                    FeelString s => (FeelValue?)FeelTemporal.ParseDateTime(s.Value) ?? Args.Null,
                    FeelDateTime dt => dt,
                    FeelDate d => new FeelDateTime(d.Value.ToDateTime(TimeOnly.MinValue), null, null),
                    _ => Args.Null,
                };
            }
            var date = a[0] switch
            {
                FeelDate d => d.Value,
                FeelDateTime dt => DateOnly.FromDateTime(dt.Local),
                _ => (DateOnly?)null,
            };
            if (date is not { } day || a[1] is not FeelTime t)
                return Args.Null;
            var local = day.ToDateTime(t.Value);
            return t.Zone is { } zone ? FeelTemporal.InZone(local, zone) : new FeelDateTime(local, t.Offset, null);
        });
        Add("duration", "from", static (a, _) =>
            Args.String(a[0], out var s) ? FeelTemporal.ParseDuration(s) ?? Args.Null : Args.Null);
        Add("years and months duration", "from, to", static (a, _) =>
        {
            if (Month(a[0]) is not { } from || Month(a[1]) is not { } to)
                return Args.Null;
            var months = (to.Year - from.Year) * 12 + to.Month - from.Month;
            // Only whole months count: 2025-01-31 → 2025-02-28 is 0 months.
            if (months > 0 && (to.Day, to.TimeOfDay) .CompareTo((from.Day, from.TimeOfDay)) < 0)
                months--;
            else if (months < 0 && (to.Day, to.TimeOfDay).CompareTo((from.Day, from.TimeOfDay)) > 0)
                months++;
            return new FeelYearsAndMonthsDuration(months);
        });
        Add("number", "from, grouping separator?, decimal separator?", static (a, _) =>
        {
            if (!Args.String(a[0], out var text))
                return Args.Null;
            var group = a.Length > 1 ? a[1] : Args.Null;
            var dec = a.Length > 2 ? a[2] : Args.Null;
            if ((!group.IsNull && group is not FeelString { Value: " " or "," or "." })
                || (!dec.IsNull && dec is not FeelString { Value: "," or "." }))
                return Args.Null;
            var g = (group as FeelString)?.Value;
            var d = (dec as FeelString)?.Value;
            if (g is not null && g == d)
                return Args.Null;
            if (g is not null)
                text = text.Replace(g, "", StringComparison.Ordinal);
            if (d is not null)
                text = text.Replace(d, ".", StringComparison.Ordinal);
            return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var n) ? FeelNumber.Of(n) : Args.Null;
        });
        Add("string", "from", static (a, c) =>
        {
            if (a[0].IsNull)
                return Args.Null;
            // The FEEL text of a list repeats a shared item each time it appears: measure before writing it.
            var limits = c.Budget.Limits;
            return ValueSize.Check(a[0], limits.MaxStringLength, limits.MaxNestingDepth) switch
            {
                ValueSize.Verdict.TooLarge => throw c.Budget.StringTooLong(),
                ValueSize.Verdict.TooDeep => throw c.Budget.TooDeep(),
                _ => new FeelString(Text(a[0])),
            };
        });
    }

    private static DateTime? Month(FeelValue v) => v switch
    {
        FeelDate d => d.Value.ToDateTime(TimeOnly.MinValue),
        FeelDateTime dt => dt.Local,
        _ => null,
    };

    /// <summary>The standard's string(): strings as is, temporals in ISO form, other values as FEEL text.</summary>
    internal static string Text(FeelValue v) => v switch
    {
        FeelString s => s.Value,
        FeelNumber n => FeelNumber.Format(n.Value),
        FeelDate d => d.Iso,
        FeelTime t => t.Iso,
        FeelDateTime dt => dt.Iso,
        FeelDaysAndTimeDuration d => d.Iso,
        FeelYearsAndMonthsDuration d => d.Iso,
        _ => v.ToString(),
    };
}

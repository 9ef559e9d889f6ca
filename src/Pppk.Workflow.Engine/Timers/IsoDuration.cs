using System.Globalization;
using System.Text.RegularExpressions;

namespace Pppk.Workflow.Engine.Timers;

/// <summary>An ISO 8601 duration (PnYnMnWnDTnHnMnS). Years and months are calendar units, so they are added with AddMonths, not as a fixed span.</summary>
public readonly partial record struct IsoDuration(int Months, TimeSpan Time)
{
    public DateTimeOffset AddTo(DateTimeOffset start) => start.AddMonths(Months).Add(Time);

    public bool IsPositive => Months > 0 || Time > TimeSpan.Zero;

    public static bool TryParse(string? text, out IsoDuration duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var m = Pattern().Match(text.Trim());
        if (!m.Success || m.Groups.Cast<Group>().Skip(2).All(g => !g.Success) || text.Trim().EndsWith('T'))
            return false;
        double Part(string name) => m.Groups[name].Success ? double.Parse(m.Groups[name].Value.Replace(',', '.'), CultureInfo.InvariantCulture) : 0;
        var sign = m.Groups["neg"].Success ? -1 : 1;
        var months = (int)(Part("y") * 12 + Part("mo"));
        var time = TimeSpan.FromDays(Part("w") * 7 + Part("d")) + TimeSpan.FromHours(Part("h")) + TimeSpan.FromMinutes(Part("mi")) + TimeSpan.FromSeconds(Part("s"));
        duration = new IsoDuration(sign * months, sign * time);
        return true;
    }

    [GeneratedRegex(@"^(?<neg>-)?P(?:(?<y>\d+)Y)?(?:(?<mo>\d+)M)?(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+)H)?(?:(?<mi>\d+)M)?(?:(?<s>\d+(?:[.,]\d+)?)S)?)?$")]
    private static partial Regex Pattern();
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace Pppk.Workflow.Engine.Feel;

/// <summary>
/// A FEEL number. DMN specifies IEEE 754-2008 decimal128 (34 significant digits, exponent range ±6143);
/// we use <see cref="decimal"/>, which has 28-29 significant digits and a range of about ±7.9e28.
/// Results beyond that range are FEEL null (overflow is treated as a type error), and division rounds at 28 digits.
/// </summary>
public sealed class FeelNumber : FeelValue
{
    private static readonly FeelNumber[] SmallIntegers = CreateSmallIntegers();

    private FeelNumber(decimal value) => Value = value;

    public decimal Value { get; }

    public override FeelType Type => FeelType.Number;

    public static FeelNumber Zero => SmallIntegers[0];

    public static FeelNumber One => SmallIntegers[1];

    /// <summary>Small whole numbers are shared, the common case in HR conditions (counts, scores, days).</summary>
    public static FeelNumber Of(decimal value)
    {
        if (value.Scale == 0 && value >= 0 && value < SmallIntegers.Length)
            return SmallIntegers[(int)value];
        return new FeelNumber(value);
    }

    public static FeelNumber Of(int value) =>
        value >= 0 && value < SmallIntegers.Length ? SmallIntegers[value] : new FeelNumber(value);

    public override JsonNode? ToJson() => JsonValue.Create(Normalize(Value));

    public override string ToString() => Format(Value);

    /// <summary>Canonical text: no exponent, no trailing zeros ("1.50" becomes "1.5").</summary>
    public static string Format(decimal value) =>
        value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>Removes trailing zeros of the scale so 1.0 and 1 serialise alike.</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    private static FeelNumber[] CreateSmallIntegers()
    {
        var result = new FeelNumber[1024];
        for (var i = 0; i < result.Length; i++)
            result[i] = new FeelNumber(i);
        return result;
    }
}

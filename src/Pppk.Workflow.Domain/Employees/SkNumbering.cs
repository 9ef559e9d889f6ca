using System.Globalization;

namespace Pppk.Workflow.Domain.Employees;

/// <summary>SK numbers from the configured pattern: <c>{seq}</c>, <c>{year}</c>, <c>{month}</c> (Roman, as on Indonesian letters), <c>{kind}</c>.</summary>
public static class SkNumbering
{
    private static readonly string[] Roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

    public static string Format(string pattern, int sequence, int digits, DateOnly date, string kind) => pattern
        .Replace("{seq}", sequence.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0'))
        .Replace("{year}", date.Year.ToString(CultureInfo.InvariantCulture))
        .Replace("{month}", Roman[date.Month - 1])
        .Replace("{kind}", kind switch { "perpanjangan" => "PPJ", _ => "PGK" });

    /// <summary>Takes the next number of the year in the caller's transaction: the row lock serializes concurrent steps, a rollback returns the number.</summary>
    public const string NextSql = """
        INSERT INTO pppk.sk_sequences (year, last) VALUES (@year, 1)
        ON CONFLICT (year) DO UPDATE SET last = pppk.sk_sequences.last + 1
        RETURNING last
        """;
}

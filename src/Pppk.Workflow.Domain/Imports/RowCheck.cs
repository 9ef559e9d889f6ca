using System.Globalization;
using System.Text.RegularExpressions;
using Pppk.Workflow.Engine.Localization;
using T = Pppk.Workflow.Domain.Imports.ImportTexts;

namespace Pppk.Workflow.Domain.Imports;

/// <summary>Reads and checks the values of one CSV row, adding one error per bad value (so a row can report several).</summary>
internal sealed partial class RowCheck(CsvTable table, int row, string[] values, ImportErrors errors)
{
    private readonly int _errorsBefore = errors.Count;

    public int Row => row;

    /// <summary>True when no value of this row was bad.</summary>
    public bool Ok => errors.Count == _errorsBefore;

    public void Error(string column, LocalizedText text) => errors.Add(new ImportError(row, column, text));

    public string? Optional(string column) => table.Get(values, column);

    public string? Required(string column)
    {
        var value = table.Get(values, column);
        if (value is null) Error(column, T.Required.Format(column));
        return value;
    }

    /// <summary>NIK: the 16-digit national identity number.</summary>
    public string? Nik(string column)
    {
        var value = Required(column);
        if (value is not null && !SixteenDigits().IsMatch(value))
        {
            Error(column, T.NikDigits.Format(value, value.Length));
            return null;
        }
        return value;
    }

    public DateOnly? Date(string column, bool required = true)
    {
        var value = required ? Required(column) : Optional(column);
        if (value is null) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        Error(column, T.InvalidDate.Format(value));
        return null;
    }

    public int? Int(string column, int min, int max, bool required = true)
    {
        var value = required ? Required(column) : Optional(column);
        if (value is null) return null;
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            Error(column, T.NotWholeNumber.Format(value));
            return null;
        }
        if (number < min || number > max)
        {
            Error(column, T.OutOfRange.Format(number, min, max));
            return null;
        }
        return number;
    }

    public string? Email(string column, bool required = true)
    {
        var value = required ? Required(column) : Optional(column);
        if (value is not null && !EmailPattern().IsMatch(value))
        {
            Error(column, T.InvalidEmail.Format(value));
            return null;
        }
        return value;
    }

    /// <summary>One of <paramref name="allowed"/> (case-insensitive); returns it lower-cased.</summary>
    public string? OneOf(string column, params string[] allowed)
    {
        var value = Required(column);
        if (value is null) return null;
        var match = allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));
        if (match is null) Error(column, T.NotAllowed.Format(value, string.Join(", ", allowed)));
        return match;
    }

    /// <summary>A salary grade (golongan) I-XVII, also accepted as 1-17; returns 1-17.</summary>
    public int? Grade(string column)
    {
        var value = Required(column);
        if (value is null) return null;
        var grade = Grades.Parse(value);
        if (grade is null) Error(column, T.UnknownGrade.Format(value));
        return grade;
    }

    /// <summary>An amount in whole rupiah: digits, optionally with dots between thousands (<c>1.250.000</c>).</summary>
    public decimal? Rupiah(string column, bool required = true) => Parsed(column, required, Amounts.ParseRupiah, T.NotRupiah);

    /// <summary>A percentage 0-100, with a dot or comma before at most two decimals.</summary>
    public decimal? Percent(string column, bool required = true) => Parsed(column, required, Amounts.ParsePercent, T.NotPercent);

    private decimal? Parsed(string column, bool required, Func<string, decimal?> parse, TextTemplate invalid)
    {
        var value = required ? Required(column) : Optional(column);
        if (value is null) return null;
        if (parse(value) is { } parsed) return parsed;
        Error(column, invalid.Format(value));
        return null;
    }

    [GeneratedRegex("^[0-9]{16}$")]
    private static partial Regex SixteenDigits();

    [GeneratedRegex(@"^[^@\s,;]+@[^@\s,;]+\.[A-Za-z]{2,}$")]
    private static partial Regex EmailPattern();
}

/// <summary>PPPK salary grades (golongan) I-XVII, stored as 1-17.</summary>
public static class Grades
{
    public static readonly IReadOnlyList<string> Romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII"];

    public static int? Parse(string value)
    {
        var index = Romans.ToList().FindIndex(r => string.Equals(r, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (index >= 0) return index + 1;
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 17 ? n : null;
    }

    public static string Roman(int grade) => grade is >= 1 and <= 17 ? Romans[grade - 1] : grade.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using CsvHelper;
using Pppk.Workflow.Domain.Imports;

namespace Pppk.Workflow.Domain.Seeding;

/// <summary>
/// The PPPK monthly base salary by grade (I-XVII) and years of service (0-33), Perpres 11/2024. Loaded from
/// <c>workflows/data/gaji-pppk-2024.csv</c> (<c>golongan,masa_kerja,gaji_pokok</c>), a copy of which is embedded.
/// </summary>
public sealed class SalaryScale
{
    public const string FileName = "gaji-pppk-2024.csv";

    private readonly Dictionary<(int Grade, int Years), decimal> _table;

    private SalaryScale(Dictionary<(int, int), decimal> table) => _table = table;

    public IEnumerable<(int Grade, int ServiceYears, decimal MonthlySalary)> Entries => _table.Select(e => (e.Key.Grade, e.Key.Years, e.Value));

    /// <summary>The salary for the grade and years, taking the highest listed years at or below <paramref name="serviceYears"/>.</summary>
    public decimal Monthly(int grade, int serviceYears)
    {
        for (var y = Math.Min(serviceYears, 33); y >= 0; y--)
        {
            if (_table.TryGetValue((grade, y), out var salary)) return salary;
        }
        throw new ArgumentOutOfRangeException(nameof(grade), $"No salary for grade {grade} with {serviceYears} years of service.");
    }

    public static SalaryScale Parse(string csv)
    {
        var table = new Dictionary<(int, int), decimal>();
        using var reader = CsvReader.FromText(csv, new CsvReaderOptions { HasHeader = true, TrimWhitespace = true });
        var line = 1;
        while (reader.Read())
        {
            line++;
            var grade = Grades.Parse(reader.GetString("golongan")) ?? throw new FormatException($"{FileName} row {line}: unknown grade '{reader.GetString("golongan")}'.");
            table[(grade, int.Parse(reader.GetString("masa_kerja"), CultureInfo.InvariantCulture))] =
                decimal.Parse(reader.GetString("gaji_pokok"), CultureInfo.InvariantCulture);
        }
        return new SalaryScale(table);
    }

    /// <summary>The file when given (the host's <c>workflows/data</c>), else the embedded copy.</summary>
    public static SalaryScale Load(string? path = null)
    {
        if (path is not null && File.Exists(path)) return Parse(File.ReadAllText(path));
        using var stream = typeof(SalaryScale).Assembly.GetManifestResourceStream(FileName)
            ?? throw new InvalidOperationException($"The embedded {FileName} is missing.");
        return Parse(new StreamReader(stream).ReadToEnd());
    }
}

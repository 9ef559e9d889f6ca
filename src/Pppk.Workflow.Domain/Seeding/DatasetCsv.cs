using System.Globalization;
using CsvHelper;
using Pppk.Workflow.Domain.Imports;

namespace Pppk.Workflow.Domain.Seeding;

/// <summary>The dataset as the CSV files the importer reads (the national portal's export shape, README "Imports").</summary>
public static class DatasetCsv
{
    public static string Of(KukarDataset d, string kind) => kind switch
    {
        ImportKinds.Formations => Write(kind, d.Formations, f => [f.Code, f.Position, f.UnitCode, f.UnitName, f.Type, S(f.Quota), S(f.Year), S(f.Wave)]),
        ImportKinds.Applicants => Write(kind, d.Applicants, a => [a.RegistrationNumber, a.Nik, a.Name, a.Email, D(a.BirthDate), a.FormationCode, S(a.PriorityCategory)]),
        ImportKinds.Scores => Write(kind, d.Scores, s => [s.RegistrationNumber, S(s.Technical), S(s.ManagerialSocioCultural), S(s.Interview)]),
        ImportKinds.Employees => Write(kind, d.Employees, e => [e.NiPppk, e.Nik, e.Name, e.Email, e.UnitCode, e.Position, Grades.Roman(e.Grade), S(e.ServiceYears),
            e.Evaluator, D(e.Tmt), D(e.End), e.SkNumber, D(e.SkDate), e.SpmtDate is { } spmt ? D(spmt) : ""]),
        _ => throw new ArgumentException($"Unknown import kind '{kind}'.", nameof(kind)),
    };

    /// <summary>Writes <c>formations.csv</c>, <c>applicants.csv</c>, <c>scores.csv</c> and <c>employees.csv</c> into <paramref name="directory"/>; returns their paths in import order.</summary>
    public static async Task<IReadOnlyList<string>> WriteFilesAsync(KukarDataset d, string directory, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (var kind in ImportKinds.Portal)
        {
            var path = Path.Combine(directory, $"{kind}.csv");
            await File.WriteAllTextAsync(path, Of(d, kind), ct);
            paths.Add(path);
        }
        return paths;
    }

    private static string Write<T>(string kind, IEnumerable<T> rows, Func<T, string[]> fields)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = CsvWriter.Create(text, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true))
        {
            writer.WriteRecord([.. CsvImporter.ColumnsOf(kind)]);
            foreach (var row in rows) writer.WriteRecord(fields(row));
        }
        return text.ToString();
    }

    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

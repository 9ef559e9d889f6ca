using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Pppk.Workflow.Domain.Imports;

/// <summary>
/// Imports the national portal's CSV exports (formations, applicants, CAT scores, existing employees) and the agency's own data (rounds, fiscal settings, unit budgets, evaluations). The whole file is
/// checked first and every bad row reported; only a clean file is written, in one transaction, upserting by its key.
/// </summary>
public sealed class CsvImporter(NpgsqlDataSource dataSource, IOptions<PppkOptions> options, IOptions<ImportLimits> limits, ILogger<CsvImporter> logger)
{
    /// <summary>The header columns each kind expects (documented in the README, "Imports").</summary>
    public static IReadOnlyList<string> ColumnsOf(string kind) => kind switch
    {
        ImportKinds.Formations => new FormationImport().Columns,
        ImportKinds.Applicants => new ApplicantImport().Columns,
        ImportKinds.Scores => new ScoreImport().Columns,
        ImportKinds.Employees => new EmployeeImport("").Columns,
        ImportKinds.Rounds => new RoundImport().Columns,
        ImportKinds.FiscalSettings => new FiscalSettingImport().Columns,
        ImportKinds.Budgets => new BudgetImport().Columns,
        ImportKinds.Evaluations => new EvaluationImport().Columns,
        _ => throw new ArgumentException($"Unknown import kind '{kind}'; use one of {string.Join(", ", ImportKinds.All)}.", nameof(kind)),
    };

    /// <summary>Imports a file as sent: it must be UTF-8 (a byte-order mark is allowed), else the first row that is not is reported.</summary>
    public Task<ImportOutcome> ImportAsync(string kind, ReadOnlyMemory<byte> file, CancellationToken ct)
    {
        var errors = new ImportErrors(limits.Value.MaxErrors);
        return CsvText.Decode(file.Span, errors) is { } csv ? ImportAsync(kind, csv, ct) : Task.FromResult(ImportOutcome.Failed(errors));
    }

    public Task<ImportOutcome> ImportAsync(string kind, string csv, CancellationToken ct) =>
        kind switch
        {
            ImportKinds.Formations => RunAsync(new FormationImport(), csv, ct),
            ImportKinds.Applicants => RunAsync(new ApplicantImport(), csv, ct),
            ImportKinds.Scores => RunAsync(new ScoreImport(), csv, ct),
            ImportKinds.Employees => RunAsync(new EmployeeImport(options.Value.SkSigner), csv, ct),
            ImportKinds.Rounds => RunAsync(new RoundImport(), csv, ct),
            ImportKinds.FiscalSettings => RunAsync(new FiscalSettingImport(), csv, ct),
            ImportKinds.Budgets => RunAsync(new BudgetImport(), csv, ct),
            ImportKinds.Evaluations => RunAsync(new EvaluationImport(), csv, ct),
            _ => throw new ArgumentException($"Unknown import kind '{kind}'; use one of {string.Join(", ", ImportKinds.All)}.", nameof(kind)),
        };

    private async Task<ImportOutcome> RunAsync<TRow>(CsvImport<TRow> import, string csv, CancellationToken ct) where TRow : class
    {
        var watch = Stopwatch.StartNew();
        var errors = new ImportErrors(limits.Value.MaxErrors);
        var table = CsvTable.Read(csv, import.Columns, errors, limits.Value);
        if (table is null) return ImportOutcome.Failed(errors);
        if (table.Rows.Count == 0 && errors.Count == 0) return ImportOutcome.Failed([new ImportError(1, "", ImportTexts.NoRows.Format())]);

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await import.LoadAsync(connection, ct);
        var rows = new List<TRow>(table.Rows.Count);
        foreach (var (row, values) in table.Rows)
        {
            if (import.Parse(new RowCheck(table, row, values, errors)) is { } parsed) rows.Add(parsed);
        }
        if (errors.Count > 0)
        {
            logger.LogInformation("Rejected {Kind} import of {Rows} rows: {Errors} problems", import.Kind, table.Rows.Count, errors.Count);
            return ImportOutcome.Failed(errors);
        }

        var (inserted, updated) = await import.WriteAsync(connection, rows, ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Imported {Kind}: {Rows} rows, {Inserted} new, {Updated} updated in {Elapsed} ms",
            import.Kind, rows.Count, inserted, updated, watch.ElapsedMilliseconds);
        return new ImportOutcome(new ImportResult(import.Kind, rows.Count, inserted, updated), []);
    }
}

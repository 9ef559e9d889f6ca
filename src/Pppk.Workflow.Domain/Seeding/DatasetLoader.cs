using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Pppk.Workflow.Domain.Imports;

namespace Pppk.Workflow.Domain.Seeding;

/// <summary>One step of loading a dataset, for the summary and the scale figures.</summary>
public sealed record LoadStep(string Name, int Rows, int Inserted, int Updated, TimeSpan Elapsed);

/// <summary>
/// Loads a <see cref="KukarDataset"/>: reference data (salary scale, rounds, units, budgets, fiscal
/// settings) directly, the four portal files through <see cref="CsvImporter"/>, then the evaluation history. Every step
/// upserts, so loading the same dataset twice changes nothing.
/// </summary>
public sealed class DatasetLoader(NpgsqlDataSource dataSource, CsvImporter importer, ILogger<DatasetLoader> logger)
{
    public async Task<IReadOnlyList<LoadStep>> LoadAsync(KukarDataset d, SalaryScale salaries, CancellationToken ct)
    {
        var steps = new List<LoadStep>
        {
            await TimedAsync("reference data", () => LoadReferenceAsync(d, salaries, ct)),
        };
        foreach (var kind in ImportKinds.Portal)
        {
            var csv = DatasetCsv.Of(d, kind);
            var watch = Stopwatch.StartNew();
            var outcome = await importer.ImportAsync(kind, csv, ct);
            if (!outcome.Succeeded)
            {
                var first = outcome.Errors.Take(5).Select(e => $"row {e.Row} {e.Column}: {e.Message}");
                throw new InvalidOperationException($"The generated {kind} file did not import: {string.Join("; ", first)}");
            }
            var r = outcome.Result!;
            steps.Add(new LoadStep($"{kind}.csv", r.Rows, r.Inserted, r.Updated, watch.Elapsed));
        }
        steps.Add(await TimedAsync("evaluations", () => LoadEvaluationsAsync(d, ct)));
        foreach (var s in steps)
            logger.LogInformation("Loaded {Step}: {Rows} rows ({Inserted} new, {Updated} updated) in {Elapsed} ms", s.Name, s.Rows, s.Inserted, s.Updated, (long)s.Elapsed.TotalMilliseconds);
        return steps;
    }

    private static async Task<LoadStep> TimedAsync(string name, Func<Task<(int Rows, int Inserted, int Updated)>> step)
    {
        var watch = Stopwatch.StartNew();
        var (rows, inserted, updated) = await step();
        return new LoadStep(name, rows, inserted, updated, watch.Elapsed);
    }

    private async Task<(int, int, int)> LoadReferenceAsync(KukarDataset d, SalaryScale salaries, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var rows = 0;
        foreach (var (grade, years, salary) in salaries.Entries)
        {
            rows += await ExecAsync(connection, """
                INSERT INTO pppk.salary_scale (grade, service_years, monthly_salary) VALUES (@g, @y, @s)
                ON CONFLICT (grade, service_years) DO UPDATE SET monthly_salary = excluded.monthly_salary
                """, ct, ("g", grade), ("y", years), ("s", salary));
        }
        foreach (var round in Rounds(d.Options))
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO pppk.selection_rounds (year, wave, name, registration_start, registration_end, admin_result_date, appeal_start, appeal_end,
                    appeal_answer_by, cat_start, cat_end, announcement_start, announcement_end)
                VALUES (@year, @wave, @name, @d0, @d1, @d2, @d3, @d4, @d5, @d6, @d7, @d8, @d9)
                ON CONFLICT (year, wave) DO UPDATE SET name = excluded.name, registration_start = excluded.registration_start, registration_end = excluded.registration_end,
                    admin_result_date = excluded.admin_result_date, appeal_start = excluded.appeal_start, appeal_end = excluded.appeal_end,
                    appeal_answer_by = excluded.appeal_answer_by, cat_start = excluded.cat_start, cat_end = excluded.cat_end,
                    announcement_start = excluded.announcement_start, announcement_end = excluded.announcement_end
                """, connection);
            insert.Parameters.AddWithValue("year", round.Year);
            insert.Parameters.AddWithValue("wave", round.Wave);
            insert.Parameters.AddWithValue("name", round.Name);
            for (var i = 0; i < round.Dates.Length; i++) insert.Parameters.AddWithValue($"d{i}", NpgsqlDbType.Date, (object?)round.Dates[i] ?? DBNull.Value);
            rows += await insert.ExecuteNonQueryAsync(ct);
        }
        foreach (var u in d.Units)
        {
            rows += await ExecAsync(connection, """
                INSERT INTO pppk.units (code, name, head_user_name) VALUES (@c, @n, @h)
                ON CONFLICT (code) DO UPDATE SET name = excluded.name, head_user_name = excluded.head_user_name
                """, ct, ("c", u.Code), ("n", u.Name), ("h", u.HeadUserName));
        }
        foreach (var b in d.Budgets)
        {
            rows += await ExecAsync(connection, """
                INSERT INTO pppk.unit_budgets (unit_code, fiscal_year, personnel_ceiling, committed) VALUES (@u, @y, @c, @m)
                ON CONFLICT (unit_code, fiscal_year) DO UPDATE SET personnel_ceiling = excluded.personnel_ceiling, committed = excluded.committed
                """, ct, ("u", b.UnitCode), ("y", b.FiscalYear), ("c", b.PersonnelCeiling), ("m", b.Committed));
        }
        foreach (var f in d.Fiscal)
        {
            rows += await ExecAsync(connection, """
                INSERT INTO pppk.regional_fiscal_settings (fiscal_year, budget_total, personnel_spending, cap_percent) VALUES (@y, @b, @p, @c)
                ON CONFLICT (fiscal_year) DO UPDATE SET budget_total = excluded.budget_total, personnel_spending = excluded.personnel_spending, cap_percent = excluded.cap_percent
                """, ct, ("y", f.FiscalYear), ("b", f.BudgetTotal), ("p", f.PersonnelSpending), ("c", f.CapPercent));
        }
        await tx.CommitAsync(ct);
        return (rows, 0, 0);
    }

    private async Task<(int, int, int)> LoadEvaluationsAsync(KukarDataset d, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var create = new NpgsqlCommand(
            "CREATE TEMP TABLE import_evaluations (nik text, year int, period text, predicate text, evaluator text, recorded_at timestamptz) ON COMMIT DROP", connection))
            await create.ExecuteNonQueryAsync(ct);
        await using (var copy = await connection.BeginBinaryImportAsync("COPY import_evaluations (nik, year, period, predicate, evaluator, recorded_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var e in d.Evaluations)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(e.Nik, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(e.Year, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(e.Period, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(e.Predicate, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(e.Evaluator, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(e.RecordedAt, NpgsqlDbType.TimestampTz, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var analyze = new NpgsqlCommand("ANALYZE import_evaluations", connection))
            await analyze.ExecuteNonQueryAsync(ct);
        await using var insert = new NpgsqlCommand("""
            WITH up AS (
                INSERT INTO pppk.evaluations (employee_id, year, period, predicate, evaluator_user_name, recorded_at)
                SELECT e.id, t.year, t.period, t.predicate, t.evaluator, t.recorded_at FROM import_evaluations t JOIN pppk.employees e ON e.nik = t.nik
                ON CONFLICT (employee_id, year, period) DO NOTHING
                RETURNING 1)
            SELECT count(*)::int FROM up
            """, connection);
        var inserted = (int)(await insert.ExecuteScalarAsync(ct))!;
        await tx.CommitAsync(ct);
        return (d.Evaluations.Count, inserted, 0);
    }

    private static async Task<int> ExecAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private sealed record RoundSpec(int Year, int Wave, string Name, DateOnly?[] Dates);

    /// <summary>The 2023 round and the dataset's round; their passing thresholds are the <c>ambang-batas-seleksi</c> decision table's.</summary>
    private static IEnumerable<RoundSpec> Rounds(KukarDatasetOptions o)
    {
        static DateOnly D(int y, int m, int d) => new(y, m, d);
        yield return new RoundSpec(2023, 1, "Seleksi PPPK 2023",
            [D(2023, 9, 20), D(2023, 10, 9), D(2023, 10, 20), D(2023, 10, 21), D(2023, 10, 23), D(2023, 10, 26), D(2023, 11, 13), D(2023, 12, 10), D(2023, 12, 22), D(2023, 12, 29)]);
        var y = o.SelectionYear;
        yield return new RoundSpec(y, o.SelectionWave, $"Seleksi PPPK {y} tahap {o.SelectionWave}",
            [D(y, 10, 1), D(y, 10, 20), D(y, 10, 30), D(y, 11, 2), D(y, 11, 4), D(y, 11, 6), D(y, 12, 2), D(y, 12, 19), D(y, 12, 24), D(y, 12, 31)]);
    }
}

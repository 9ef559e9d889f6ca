using Npgsql;
using Pppk.Workflow.Domain.Employees;

namespace Pppk.Workflow.Domain.Imports;

/// <summary>
/// Performance evaluations (SKP predicates, e.g. from e-Kinerja), keyed by the employee (by <c>nik</c> or
/// <c>ni_pppk</c>), <c>tahun</c> and <c>periode</c> (Q1-Q4 or tahunan). Re-importing replaces the predicate.
/// </summary>
internal sealed class EvaluationImport : CsvImport<EvaluationImport.Row>
{
    public sealed record Row(int EmployeeId, int Year, string Period, string Predicate, string? Evaluator, string? Notes);

    private readonly UniqueInFile _keys = new();
    private Dictionary<string, int> _byNik = [];
    private Dictionary<string, int> _byNi = [];
    private Dictionary<int, string> _nikOf = [];

    public override string Kind => ImportKinds.Evaluations;

    public override IReadOnlyList<string> Columns { get; } = ["nik", "ni_pppk", "tahun", "periode", "predikat", "penilai", "catatan"];

    public override async Task LoadAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        _byNik = await MapAsync<int>(connection, "SELECT nik, id FROM pppk.employees", ct);
        _byNi = await MapAsync<int>(connection, "SELECT ni_pppk, id FROM pppk.employees WHERE ni_pppk IS NOT NULL", ct);
        _nikOf = _byNik.ToDictionary(x => x.Value, x => x.Key);
    }

    public override Row? Parse(RowCheck r)
    {
        var nik = r.Optional("nik");
        var ni = r.Optional("ni_pppk");
        int? id = null;
        if (nik is null && ni is null) r.Error("nik", ImportTexts.EmployeeKeyRequired.Format());
        if (nik is not null)
        {
            if (_byNik.TryGetValue(nik, out var byNik)) id = byNik;
            else r.Error("nik", ImportTexts.UnknownEmployee.Format("NIK", nik));
        }
        if (ni is not null)
        {
            if (!_byNi.TryGetValue(ni, out var byNi)) r.Error("ni_pppk", ImportTexts.UnknownEmployee.Format("NI PPPK", ni));
            else if (id is not null && id != byNi) r.Error("ni_pppk", ImportTexts.EmployeeMismatch.Format(nik!, ni));
            else id = byNi;
        }
        var year = r.Int("tahun", 2000, 2100);
        var period = r.OneOf("periode", "Q1", "Q2", "Q3", "Q4", "tahunan", EvaluationPeriods.Annual);
        if (period is "tahunan") period = EvaluationPeriods.Annual;
        if (id is not null && year is not null && period is not null) _keys.Check(r, "nik,tahun,periode", $"{_nikOf[id.Value]}/{year}/{period}");
        var predicate = r.OneOf("predikat", [.. Predicates.All]);
        if (!r.Ok) return null;
        return new Row(id!.Value, year!.Value, period!, predicate!, r.Optional("penilai"), r.Optional("catatan"));
    }

    public override async Task<(int Inserted, int Updated)> WriteAsync(NpgsqlConnection connection, IReadOnlyList<Row> rows, CancellationToken ct)
    {
        await ExecuteAsync(connection, "CREATE TEMP TABLE import_evaluations (employee_id int, year int, period text, predicate text, evaluator text, notes text) ON COMMIT DROP", ct);
        await CopyAsync(connection, "import_evaluations", "employee_id, year, period, predicate, evaluator, notes", rows, (w, x) =>
        {
            Write(w, x.EmployeeId); Write(w, x.Year); Write(w, x.Period); Write(w, x.Predicate); Write(w, x.Evaluator); Write(w, x.Notes);
        }, ct);
        return await UpsertAsync(connection, """
            INSERT INTO pppk.evaluations (employee_id, year, period, predicate, evaluator_user_name, notes, recorded_at)
            SELECT employee_id, year, period, predicate, evaluator, notes, now() FROM import_evaluations
            ON CONFLICT (employee_id, year, period) DO UPDATE SET predicate = excluded.predicate, evaluator_user_name = excluded.evaluator_user_name,
                notes = excluded.notes, recorded_at = excluded.recorded_at
            RETURNING (xmax = 0) AS inserted
            """, ct);
    }
}

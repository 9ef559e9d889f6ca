using Npgsql;

namespace Pppk.Workflow.Domain.Imports;

/// <summary>
/// Units' personnel-spending ceilings (pagu belanja pegawai) per fiscal year, keyed by <c>kode_unit</c> and
/// <c>tahun_anggaran</c>; the unit must exist. <c>terpakai</c> (already committed) is optional: empty keeps what is
/// recorded (0 for a new budget).
/// </summary>
internal sealed class BudgetImport : CsvImport<BudgetImport.Row>
{
    public sealed record Row(string UnitCode, int FiscalYear, decimal Ceiling, decimal? Committed);

    private readonly UniqueInFile _keys = new();
    private HashSet<string> _units = [];

    public override string Kind => ImportKinds.Budgets;

    public override IReadOnlyList<string> Columns { get; } = ["kode_unit", "tahun_anggaran", "pagu_belanja_pegawai", "terpakai"];

    public override async Task LoadAsync(NpgsqlConnection connection, CancellationToken ct) =>
        _units = [.. (await MapAsync<string>(connection, "SELECT code, name FROM pppk.units", ct)).Keys];

    public override Row? Parse(RowCheck r)
    {
        var unit = r.Required("kode_unit");
        if (unit is not null && !_units.Contains(unit)) r.Error("kode_unit", ImportTexts.UnknownUnit.Format(unit));
        var year = r.Int("tahun_anggaran", 2000, 2100);
        if (unit is not null && year is not null) _keys.Check(r, "kode_unit,tahun_anggaran", $"{unit}/{year}");
        var ceiling = r.Rupiah("pagu_belanja_pegawai");
        var committed = r.Rupiah("terpakai", required: false);
        if (!r.Ok) return null;
        return new Row(unit!, year!.Value, ceiling!.Value, committed);
    }

    public override async Task<(int Inserted, int Updated)> WriteAsync(NpgsqlConnection connection, IReadOnlyList<Row> rows, CancellationToken ct)
    {
        await ExecuteAsync(connection, "CREATE TEMP TABLE import_budgets (unit_code text, fiscal_year int, ceiling numeric, committed numeric) ON COMMIT DROP", ct);
        await CopyAsync(connection, "import_budgets", "unit_code, fiscal_year, ceiling, committed", rows, (w, x) =>
        {
            Write(w, x.UnitCode); Write(w, x.FiscalYear); Write(w, x.Ceiling); Write(w, x.Committed);
        }, ct);
        return await UpsertAsync(connection, """
            INSERT INTO pppk.unit_budgets (unit_code, fiscal_year, personnel_ceiling, committed)
            SELECT unit_code, fiscal_year, ceiling, COALESCE(committed, 0) FROM import_budgets
            ON CONFLICT (unit_code, fiscal_year) DO UPDATE SET personnel_ceiling = excluded.personnel_ceiling,
                committed = COALESCE((SELECT i.committed FROM import_budgets i WHERE i.unit_code = excluded.unit_code AND i.fiscal_year = excluded.fiscal_year), unit_budgets.committed)
            RETURNING (xmax = 0) AS inserted
            """, ct);
    }
}

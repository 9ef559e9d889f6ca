using Npgsql;

namespace Pppk.Workflow.Domain.Imports;

/// <summary>
/// The region's fiscal position per fiscal year (APBD, personnel spending, the cap on personnel spending: 30% by law
/// when empty), keyed by <c>tahun_anggaran</c>. The renewals list and the renewal's fiscal check read it.
/// </summary>
internal sealed class FiscalSettingImport : CsvImport<FiscalSettingImport.Row>
{
    public const decimal DefaultCapPercent = 30m;

    public sealed record Row(int FiscalYear, decimal BudgetTotal, decimal PersonnelSpending, decimal CapPercent);

    private readonly UniqueInFile _years = new();

    public override string Kind => ImportKinds.FiscalSettings;

    public override IReadOnlyList<string> Columns { get; } = ["tahun_anggaran", "apbd", "belanja_pegawai", "batas_persen"];

    public override Row? Parse(RowCheck r)
    {
        var year = r.Int("tahun_anggaran", 2000, 2100);
        _years.Check(r, "tahun_anggaran", year?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var total = r.Rupiah("apbd");
        var spending = r.Rupiah("belanja_pegawai");
        var cap = r.Percent("batas_persen", required: false);
        if (total is not null && spending is not null && spending > total)
            r.Error("belanja_pegawai", ImportTexts.SpendingOverBudget.Format(spending.Value.ToString("N0"), total.Value.ToString("N0")));
        if (!r.Ok) return null;
        return new Row(year!.Value, total!.Value, spending!.Value, cap ?? DefaultCapPercent);
    }

    public override async Task<(int Inserted, int Updated)> WriteAsync(NpgsqlConnection connection, IReadOnlyList<Row> rows, CancellationToken ct)
    {
        await ExecuteAsync(connection, "CREATE TEMP TABLE import_fiscal (fiscal_year int, budget_total numeric, personnel_spending numeric, cap_percent numeric) ON COMMIT DROP", ct);
        await CopyAsync(connection, "import_fiscal", "fiscal_year, budget_total, personnel_spending, cap_percent", rows, (w, x) =>
        {
            Write(w, x.FiscalYear); Write(w, x.BudgetTotal); Write(w, x.PersonnelSpending); Write(w, x.CapPercent);
        }, ct);
        return await UpsertAsync(connection, """
            INSERT INTO pppk.regional_fiscal_settings (fiscal_year, budget_total, personnel_spending, cap_percent)
            SELECT fiscal_year, budget_total, personnel_spending, cap_percent FROM import_fiscal
            ON CONFLICT (fiscal_year) DO UPDATE SET budget_total = excluded.budget_total, personnel_spending = excluded.personnel_spending, cap_percent = excluded.cap_percent
            RETURNING (xmax = 0) AS inserted
            """, ct);
    }
}

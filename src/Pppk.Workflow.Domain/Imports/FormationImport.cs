using Npgsql;

namespace Pppk.Workflow.Domain.Imports;

/// <summary>Formations (formasi) of a selection round, keyed by <c>kode_formasi</c>; the round (tahun, tahap) and unit are created when new.</summary>
internal sealed class FormationImport : CsvImport<FormationImport.Row>
{
    public sealed record Row(string Code, string Position, string UnitCode, string UnitName, string Type, int Quota, int Year, int Wave);

    private readonly UniqueInFile _codes = new();

    public override string Kind => ImportKinds.Formations;

    public override IReadOnlyList<string> Columns { get; } = ["kode_formasi", "jabatan", "kode_unit", "nama_unit", "jenis", "kuota", "tahun", "tahap"];

    public override Row? Parse(RowCheck r)
    {
        var code = r.Required("kode_formasi");
        _codes.Check(r, "kode_formasi", code);
        var position = r.Required("jabatan");
        var unitCode = r.Required("kode_unit");
        var unitName = r.Required("nama_unit");
        var type = r.OneOf("jenis", "guru", "nakes", "teknis");
        var quota = r.Int("kuota", 1, 10_000);
        var year = r.Int("tahun", 2000, 2100);
        var wave = r.Int("tahap", 1, 9);
        if (!r.Ok) return null;
        // Stored as the PositionType enum's name (Guru, Nakes, Teknis).
        return new Row(code!, position!, unitCode!, unitName!, char.ToUpperInvariant(type![0]) + type[1..], quota!.Value, year!.Value, wave!.Value);
    }

    public override async Task<(int Inserted, int Updated)> WriteAsync(NpgsqlConnection connection, IReadOnlyList<Row> rows, CancellationToken ct)
    {
        await ExecuteAsync(connection, """
            CREATE TEMP TABLE import_formations (code text, position text, unit_code text, unit_name text, type text, quota int, year int, wave int) ON COMMIT DROP
            """, ct);
        await CopyAsync(connection, "import_formations", "code, position, unit_code, unit_name, type, quota, year, wave", rows, (w, x) =>
        {
            Write(w, x.Code); Write(w, x.Position); Write(w, x.UnitCode); Write(w, x.UnitName); Write(w, x.Type); Write(w, x.Quota); Write(w, x.Year); Write(w, x.Wave);
        }, ct);
        await ExecuteAsync(connection, """
            INSERT INTO pppk.selection_rounds (year, wave, name)
            SELECT DISTINCT year, wave, 'Seleksi PPPK ' || year || ' tahap ' || wave FROM import_formations
            ON CONFLICT (year, wave) DO NOTHING;
            INSERT INTO pppk.units (code, name)
            SELECT DISTINCT ON (unit_code) unit_code, unit_name FROM import_formations ORDER BY unit_code
            ON CONFLICT (code) DO NOTHING;
            """, ct);
        return await UpsertAsync(connection, """
            INSERT INTO pppk.formations (code, position, unit_code, unit_name, type, quota, round_id)
            SELECT f.code, f.position, f.unit_code, f.unit_name, f.type, f.quota, r.id
            FROM import_formations f JOIN pppk.selection_rounds r ON r.year = f.year AND r.wave = f.wave
            ON CONFLICT (code) DO UPDATE SET position = excluded.position, unit_code = excluded.unit_code, unit_name = excluded.unit_name,
                type = excluded.type, quota = excluded.quota, round_id = excluded.round_id
            RETURNING (xmax = 0) AS inserted
            """, ct);
    }
}

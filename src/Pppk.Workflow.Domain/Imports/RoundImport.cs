using Npgsql;

namespace Pppk.Workflow.Domain.Imports;

/// <summary>
/// Selection rounds (seleksi) with the national timeline, keyed by <c>tahun</c> and <c>tahap</c>; the dates are optional
/// (a round is often announced before its schedule) but each pair must be in order. Re-importing replaces the dates.
/// </summary>
internal sealed class RoundImport : CsvImport<RoundImport.Row>
{
    public sealed record Row(int Year, int Wave, string Name, DateOnly?[] Dates);

    /// <summary>The timeline columns, in order, with the database column each fills.</summary>
    public static readonly (string Column, string Field)[] Timeline =
    [
        ("pendaftaran_mulai", "registration_start"), ("pendaftaran_selesai", "registration_end"), ("pengumuman_administrasi", "admin_result_date"),
        ("sanggah_mulai", "appeal_start"), ("sanggah_selesai", "appeal_end"), ("jawaban_sanggah", "appeal_answer_by"),
        ("cat_mulai", "cat_start"), ("cat_selesai", "cat_end"), ("pengumuman_mulai", "announcement_start"), ("pengumuman_selesai", "announcement_end"),
    ];

    // Pairs (earlier, later) by index in Timeline.
    private static readonly (int Earlier, int Later)[] Order = [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (6, 7), (8, 9)];

    private readonly UniqueInFile _keys = new();

    public override string Kind => ImportKinds.Rounds;

    public override IReadOnlyList<string> Columns { get; } = ["tahun", "tahap", "nama", .. Timeline.Select(t => t.Column)];

    public override Row? Parse(RowCheck r)
    {
        var year = r.Int("tahun", 2000, 2100);
        var wave = r.Int("tahap", 1, 9);
        if (year is not null && wave is not null) _keys.Check(r, "tahun,tahap", $"{year}/{wave}");
        var name = r.Optional("nama");
        var dates = Timeline.Select(t => r.Date(t.Column, required: false)).ToArray();
        foreach (var (earlier, later) in Order)
        {
            if (dates[earlier] is { } a && dates[later] is { } b && b < a)
                r.Error(Timeline[later].Column, ImportTexts.DateOrder.Format(Timeline[later].Column, b.ToString("yyyy-MM-dd"), Timeline[earlier].Column, a.ToString("yyyy-MM-dd")));
        }
        if (!r.Ok) return null;
        return new Row(year!.Value, wave!.Value, name ?? $"Seleksi PPPK {year} tahap {wave}", dates);
    }

    public override async Task<(int Inserted, int Updated)> WriteAsync(NpgsqlConnection connection, IReadOnlyList<Row> rows, CancellationToken ct)
    {
        var fields = string.Join(", ", Timeline.Select(t => t.Field));
        await ExecuteAsync(connection, $"CREATE TEMP TABLE import_rounds (year int, wave int, name text, {string.Join(", ", Timeline.Select(t => t.Field + " date"))}) ON COMMIT DROP", ct);
        await CopyAsync(connection, "import_rounds", $"year, wave, name, {fields}", rows, (w, x) =>
        {
            Write(w, x.Year); Write(w, x.Wave); Write(w, x.Name);
            foreach (var d in x.Dates) Write(w, d);
        }, ct);
        return await UpsertAsync(connection, $"""
            INSERT INTO pppk.selection_rounds (year, wave, name, {fields})
            SELECT year, wave, name, {fields} FROM import_rounds
            ON CONFLICT (year, wave) DO UPDATE SET name = excluded.name, {string.Join(", ", Timeline.Select(t => $"{t.Field} = excluded.{t.Field}"))}
            RETURNING (xmax = 0) AS inserted
            """, ct);
    }
}

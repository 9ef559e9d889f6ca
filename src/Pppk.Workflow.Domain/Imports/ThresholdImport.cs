using Npgsql;

namespace Pppk.Workflow.Domain.Imports;

/// <summary>
/// A round's passing thresholds (nilai ambang batas) per position type, keyed by <c>tahun</c>, <c>tahap</c> and <c>jenis</c>;
/// <c>ambang = tidak</c> means rank only (as in 2024). The round must exist. Ranking reads them per round and type.
/// </summary>
internal sealed class ThresholdImport : CsvImport<ThresholdImport.Row>
{
    public sealed record Row(int RoundId, string Type, bool Enabled, int? Technical, int? Managerial, int? Interview);

    private readonly UniqueInFile _keys = new();
    private Dictionary<string, int> _rounds = [];

    public override string Kind => ImportKinds.Thresholds;

    public override IReadOnlyList<string> Columns { get; } = ["tahun", "tahap", "jenis", "ambang", "min_teknis", "min_manajerial_sosiokultural", "min_wawancara"];

    public override async Task LoadAsync(NpgsqlConnection connection, CancellationToken ct) =>
        _rounds = await MapAsync<int>(connection, "SELECT year || '/' || wave, id FROM pppk.selection_rounds", ct);

    public override Row? Parse(RowCheck r)
    {
        var year = r.Int("tahun", 2000, 2100);
        var wave = r.Int("tahap", 1, 9);
        var roundId = 0;
        if (year is not null && wave is not null && !_rounds.TryGetValue($"{year}/{wave}", out roundId))
            r.Error("tahun", ImportTexts.UnknownRound.Format(year, wave));
        var type = r.OneOf("jenis", "guru", "nakes", "teknis");
        if (year is not null && wave is not null && type is not null) _keys.Check(r, "tahun,tahap,jenis", $"{year}/{wave}/{type}");
        var enabled = r.OneOf("ambang", "ya", "tidak") == "ya";
        var technical = r.Int("min_teknis", 0, ScoreImport.MaxTechnical, required: false);
        var managerial = r.Int("min_manajerial_sosiokultural", 0, ScoreImport.MaxManagerialSocioCultural, required: false);
        var interview = r.Int("min_wawancara", 0, ScoreImport.MaxInterview, required: false);
        if (enabled && r.Ok && technical is null && managerial is null && interview is null) r.Error("ambang", ImportTexts.ThresholdMissing.Format());
        if (!r.Ok) return null;
        // Stored as the PositionType enum's name (Guru, Nakes, Teknis).
        return new Row(roundId, char.ToUpperInvariant(type![0]) + type[1..], enabled, technical, managerial, interview);
    }

    public override async Task<(int Inserted, int Updated)> WriteAsync(NpgsqlConnection connection, IReadOnlyList<Row> rows, CancellationToken ct)
    {
        await ExecuteAsync(connection, "CREATE TEMP TABLE import_thresholds (round_id int, type text, enabled bool, technical int, managerial int, interview int) ON COMMIT DROP", ct);
        await CopyAsync(connection, "import_thresholds", "round_id, type, enabled, technical, managerial, interview", rows, (w, x) =>
        {
            Write(w, x.RoundId); Write(w, x.Type); Write(w, x.Enabled); Write(w, x.Technical); Write(w, x.Managerial); Write(w, x.Interview);
        }, ct);
        return await UpsertAsync(connection, """
            INSERT INTO pppk.round_thresholds (round_id, position_type, enabled, min_technical, min_managerial_socio_cultural, min_interview)
            SELECT round_id, type, enabled, technical, managerial, interview FROM import_thresholds
            ON CONFLICT (round_id, position_type) DO UPDATE SET enabled = excluded.enabled, min_technical = excluded.min_technical,
                min_managerial_socio_cultural = excluded.min_managerial_socio_cultural, min_interview = excluded.min_interview
            RETURNING (xmax = 0) AS inserted
            """, ct);
    }
}

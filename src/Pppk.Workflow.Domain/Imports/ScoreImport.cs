using Npgsql;

namespace Pppk.Workflow.Domain.Imports;

/// <summary>CAT scores (nilai SKD/CAT) keyed by <c>no_peserta</c>; the applicant must already be imported. Re-importing replaces the scores.</summary>
internal sealed class ScoreImport : CsvImport<ScoreImport.Row>
{
    public const int MaxTechnical = 450;
    public const int MaxManagerialSocioCultural = 180;
    public const int MaxInterview = 40;

    public sealed record Row(int ApplicantId, int Technical, int ManagerialSocioCultural, int Interview);

    private readonly UniqueInFile _numbers = new();
    private Dictionary<string, int> _applicants = [];

    public override string Kind => ImportKinds.Scores;

    public override IReadOnlyList<string> Columns { get; } = ["no_peserta", "nilai_teknis", "nilai_manajerial_sosiokultural", "nilai_wawancara"];

    public override async Task LoadAsync(NpgsqlConnection connection, CancellationToken ct) =>
        _applicants = await MapAsync<int>(connection, "SELECT registration_number, id FROM pppk.applicants", ct);

    public override Row? Parse(RowCheck r)
    {
        var number = r.Required("no_peserta");
        _numbers.Check(r, "no_peserta", number);
        var id = 0;
        if (number is not null && !_applicants.TryGetValue(number, out id))
            r.Error("no_peserta", ImportTexts.UnknownRegistration.Format(number));
        var technical = r.Int("nilai_teknis", 0, MaxTechnical);
        var managerial = r.Int("nilai_manajerial_sosiokultural", 0, MaxManagerialSocioCultural);
        var interview = r.Int("nilai_wawancara", 0, MaxInterview);
        if (!r.Ok) return null;
        return new Row(id, technical!.Value, managerial!.Value, interview!.Value);
    }

    public override async Task<(int Inserted, int Updated)> WriteAsync(NpgsqlConnection connection, IReadOnlyList<Row> rows, CancellationToken ct)
    {
        await ExecuteAsync(connection, "CREATE TEMP TABLE import_scores (applicant_id int, technical int, managerial_socio_cultural int, interview int) ON COMMIT DROP", ct);
        await CopyAsync(connection, "import_scores", "applicant_id, technical, managerial_socio_cultural, interview", rows, (w, x) =>
        {
            Write(w, x.ApplicantId); Write(w, x.Technical); Write(w, x.ManagerialSocioCultural); Write(w, x.Interview);
        }, ct);
        return await UpsertAsync(connection, """
            INSERT INTO pppk.cat_scores (applicant_id, technical, managerial_socio_cultural, interview, imported_at)
            SELECT applicant_id, technical, managerial_socio_cultural, interview, now() FROM import_scores
            ON CONFLICT (applicant_id) DO UPDATE SET technical = excluded.technical, managerial_socio_cultural = excluded.managerial_socio_cultural,
                interview = excluded.interview, imported_at = excluded.imported_at
            RETURNING (xmax = 0) AS inserted
            """, ct);
    }
}

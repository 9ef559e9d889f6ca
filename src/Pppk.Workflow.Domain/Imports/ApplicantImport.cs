using Npgsql;

namespace Pppk.Workflow.Domain.Imports;

/// <summary>Applicants registered on the national portal, keyed by <c>no_peserta</c>; their formation must already be imported. Re-importing keeps the selection status.</summary>
internal sealed class ApplicantImport : CsvImport<ApplicantImport.Row>
{
    public sealed record Row(string RegistrationNumber, string Nik, string Name, string Email, DateOnly BirthDate, string FormationCode, int PriorityCategory);

    private readonly UniqueInFile _numbers = new();
    private HashSet<string> _formations = [];

    public override string Kind => ImportKinds.Applicants;

    public override IReadOnlyList<string> Columns { get; } = ["no_peserta", "nik", "nama", "email", "tanggal_lahir", "kode_formasi", "kategori_prioritas"];

    public override async Task LoadAsync(NpgsqlConnection connection, CancellationToken ct) =>
        _formations = [.. (await MapAsync<int>(connection, "SELECT code, id FROM pppk.formations", ct)).Keys];

    public override Row? Parse(RowCheck r)
    {
        var number = r.Required("no_peserta");
        _numbers.Check(r, "no_peserta", number);
        var nik = r.Nik("nik");
        var name = r.Required("nama");
        var email = r.Email("email");
        var birth = r.Date("tanggal_lahir");
        var formation = r.Required("kode_formasi");
        if (formation is not null && !_formations.Contains(formation))
            r.Error("kode_formasi", ImportTexts.UnknownFormation.Format(formation));
        var category = r.Int("kategori_prioritas", 1, 4);
        if (!r.Ok) return null;
        return new Row(number!, nik!, name!, email!, birth!.Value, formation!, category!.Value);
    }

    public override async Task<(int Inserted, int Updated)> WriteAsync(NpgsqlConnection connection, IReadOnlyList<Row> rows, CancellationToken ct)
    {
        await ExecuteAsync(connection, """
            CREATE TEMP TABLE import_applicants (registration_number text, nik text, name text, email text, birth_date date, formation_code text, priority_category int) ON COMMIT DROP
            """, ct);
        await CopyAsync(connection, "import_applicants", "registration_number, nik, name, email, birth_date, formation_code, priority_category", rows, (w, x) =>
        {
            Write(w, x.RegistrationNumber); Write(w, x.Nik); Write(w, x.Name); Write(w, x.Email); Write(w, x.BirthDate); Write(w, x.FormationCode); Write(w, x.PriorityCategory);
        }, ct);
        return await UpsertAsync(connection, """
            INSERT INTO pppk.applicants (registration_number, nik, name, email, birth_date, formation_code, priority_category, status)
            SELECT registration_number, nik, name, email, birth_date, formation_code, priority_category, 'registered' FROM import_applicants
            ON CONFLICT (registration_number) DO UPDATE SET nik = excluded.nik, name = excluded.name, email = excluded.email,
                birth_date = excluded.birth_date, formation_code = excluded.formation_code, priority_category = excluded.priority_category
            RETURNING (xmax = 0) AS inserted
            """, ct);
    }
}

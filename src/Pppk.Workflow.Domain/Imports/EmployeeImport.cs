using System.Text.RegularExpressions;
using Npgsql;

namespace Pppk.Workflow.Domain.Imports;

/// <summary>
/// Existing PPPK employees with their current contract and appointment SK, keyed by NIK (the NI PPPK may arrive
/// later). Re-importing updates the employee, the SK (by number) and the contract (by employee and TMT).
/// </summary>
internal sealed partial class EmployeeImport(string skSigner) : CsvImport<EmployeeImport.Row>
{
    public sealed record Row(string? NiPppk, string Nik, DateOnly? BirthDate, string Name, string? Email, string UnitCode, string Position, int Grade, int ServiceYears,
        string? Evaluator, DateOnly Tmt, DateOnly End, int Years, string SkNumber, DateOnly SkDate, DateOnly? SpmtDate);

    private readonly UniqueInFile _niks = new();
    private readonly UniqueInFile _nis = new();
    private readonly UniqueInFile _sks = new();
    private HashSet<string> _units = [];
    private Dictionary<string, string> _niOwners = [];
    private Dictionary<string, string> _skOwners = [];

    public override string Kind => ImportKinds.Employees;

    public override IReadOnlyList<string> Columns { get; } =
        ["ni_pppk", "nik", "nama", "email", "kode_unit", "jabatan", "golongan", "masa_kerja", "penilai", "tmt", "akhir_kontrak", "nomor_sk", "tanggal_sk", "tanggal_spmt"];

    public override async Task LoadAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        _units = [.. (await MapAsync<string>(connection, "SELECT code, name FROM pppk.units", ct)).Keys];
        _niOwners = await MapAsync<string>(connection, "SELECT ni_pppk, nik FROM pppk.employees WHERE ni_pppk IS NOT NULL", ct);
        _skOwners = await MapAsync<string>(connection, "SELECT s.number, e.nik FROM pppk.sks s JOIN pppk.employees e ON e.id = s.employee_id", ct);
    }

    public override Row? Parse(RowCheck r)
    {
        var ni = r.Optional("ni_pppk");
        if (ni is not null && !EighteenDigits().IsMatch(ni))
        {
            r.Error("ni_pppk", ImportTexts.NiDigits.Format(ni));
            ni = null;
        }
        _nis.Check(r, "ni_pppk", ni);
        var nik = r.Nik("nik");
        _niks.Check(r, "nik", nik);
        if (ni is not null && nik is not null && _niOwners.TryGetValue(ni, out var niOwner) && niOwner != nik)
            r.Error("ni_pppk", ImportTexts.NiTaken.Format(ni, niOwner));
        var name = r.Required("nama");
        var email = r.Email("email", required: false);
        var unit = r.Required("kode_unit");
        if (unit is not null && !_units.Contains(unit))
            r.Error("kode_unit", ImportTexts.UnknownUnit.Format(unit));
        var position = r.Required("jabatan");
        var grade = r.Grade("golongan");
        var serviceYears = r.Int("masa_kerja", 0, 33);
        var evaluator = r.Optional("penilai");
        var tmt = r.Date("tmt");
        var end = r.Date("akhir_kontrak");
        var years = 0;
        if (tmt is not null && end is not null)
        {
            if (end <= tmt) r.Error("akhir_kontrak", ImportTexts.EndBeforeTmt.Format(end.Value.ToString("yyyy-MM-dd"), tmt.Value.ToString("yyyy-MM-dd")));
            else if (end > tmt.Value.AddYears(5)) r.Error("akhir_kontrak", ImportTexts.TermTooLong.Format(end.Value.ToString("yyyy-MM-dd")));
            else years = Math.Clamp((int)Math.Round((end.Value.DayNumber - tmt.Value.DayNumber) / 365.25), 1, 5);
        }
        var sk = r.Required("nomor_sk");
        _sks.Check(r, "nomor_sk", sk);
        if (sk is not null && nik is not null && _skOwners.TryGetValue(sk, out var skOwner) && skOwner != nik)
            r.Error("nomor_sk", ImportTexts.SkTaken.Format(sk, skOwner));
        var skDate = r.Date("tanggal_sk");
        var spmt = r.Date("tanggal_spmt", required: false);
        if (!r.Ok) return null;
        return new Row(ni, nik!, BirthDateOf(nik!), name!, email, unit!, position!, grade!.Value, serviceYears!.Value, evaluator, tmt!.Value, end!.Value, years, sk!, skDate!.Value, spmt);
    }

    public override async Task<(int Inserted, int Updated)> WriteAsync(NpgsqlConnection connection, IReadOnlyList<Row> rows, CancellationToken ct)
    {
        await ExecuteAsync(connection, """
            CREATE TEMP TABLE import_employees (ni_pppk text, nik text, birth_date date, name text, email text, unit_code text, position text, grade int, service_years int,
                evaluator text, tmt date, end_date date, years int, sk_number text, sk_date date, spmt_date date) ON COMMIT DROP
            """, ct);
        await CopyAsync(connection, "import_employees",
            "ni_pppk, nik, birth_date, name, email, unit_code, position, grade, service_years, evaluator, tmt, end_date, years, sk_number, sk_date, spmt_date", rows, (w, x) =>
            {
                Write(w, x.NiPppk); Write(w, x.Nik); Write(w, x.BirthDate); Write(w, x.Name); Write(w, x.Email); Write(w, x.UnitCode); Write(w, x.Position); Write(w, x.Grade);
                Write(w, x.ServiceYears); Write(w, x.Evaluator); Write(w, x.Tmt); Write(w, x.End); Write(w, x.Years); Write(w, x.SkNumber);
                Write(w, x.SkDate); Write(w, x.SpmtDate);
            }, ct);
        var counts = await UpsertAsync(connection, """
            INSERT INTO pppk.employees (ni_pppk, nik, birth_date, name, email, unit_code, position, grade, service_years, evaluator_user_name)
            SELECT ni_pppk, nik, birth_date, name, email, unit_code, position, grade, service_years, evaluator FROM import_employees
            ON CONFLICT (nik) DO UPDATE SET ni_pppk = COALESCE(excluded.ni_pppk, employees.ni_pppk), birth_date = COALESCE(excluded.birth_date, employees.birth_date), name = excluded.name, email = excluded.email,
                unit_code = excluded.unit_code, position = excluded.position, grade = excluded.grade, service_years = excluded.service_years,
                evaluator_user_name = excluded.evaluator_user_name
            RETURNING (xmax = 0) AS inserted
            """, ct);
        await using (var sks = new NpgsqlCommand("""
            INSERT INTO pppk.sks (employee_id, number, date, signer, kind)
            SELECT e.id, t.sk_number, t.sk_date, @signer, 'pengangkatan' FROM import_employees t JOIN pppk.employees e ON e.nik = t.nik
            ON CONFLICT (number) DO UPDATE SET date = excluded.date;
            UPDATE pppk.contracts c SET "end" = t.end_date, years = t.years, spmt_date = t.spmt_date, sk_id = s.id
            FROM import_employees t JOIN pppk.employees e ON e.nik = t.nik JOIN pppk.sks s ON s.number = t.sk_number
            WHERE c.employee_id = e.id AND c.tmt = t.tmt;
            INSERT INTO pppk.contracts (employee_id, sk_id, tmt, "end", years, spmt_date, status)
            SELECT e.id, s.id, t.tmt, t.end_date, t.years, t.spmt_date, 'active'
            FROM import_employees t JOIN pppk.employees e ON e.nik = t.nik JOIN pppk.sks s ON s.number = t.sk_number
            WHERE NOT EXISTS (SELECT 1 FROM pppk.contracts c WHERE c.employee_id = e.id AND c.tmt = t.tmt);
            """, connection))
        {
            sks.Parameters.AddWithValue("signer", skSigner);
            await sks.ExecuteNonQueryAsync(ct);
        }
        return counts;
    }

    /// <summary>The birth date a NIK encodes (digits 7-12, DDMMYY, day plus 40 for women); null when they are not a date.</summary>
    internal static DateOnly? BirthDateOf(string nik)
    {
        var day = int.Parse(nik[6..8], System.Globalization.CultureInfo.InvariantCulture) % 40;
        var month = int.Parse(nik[8..10], System.Globalization.CultureInfo.InvariantCulture);
        var yy = int.Parse(nik[10..12], System.Globalization.CultureInfo.InvariantCulture);
        var year = yy + (yy > DateTime.UtcNow.Year % 100 ? 1900 : 2000);
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    [GeneratedRegex("^[0-9]{18}$")]
    private static partial Regex EighteenDigits();
}

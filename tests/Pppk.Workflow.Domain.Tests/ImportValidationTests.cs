using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Domain.Imports;

namespace Pppk.Workflow.Domain.Tests;

/// <summary>Every kind of bad row is reported with its row and column, and a file with any bad row writes nothing.</summary>
public sealed class ImportValidationTests(DomainTestHost host) : IClassFixture<DomainTestHost>
{
    private const string FormationHeader = "kode_formasi,jabatan,kode_unit,nama_unit,jenis,kuota,tahun,tahap";
    private const string ApplicantHeader = "no_peserta,nik,nama,email,tanggal_lahir,kode_formasi,kategori_prioritas";
    private const string ScoreHeader = "no_peserta,nilai_teknis,nilai_manajerial_sosiokultural,nilai_wawancara";
    private const string EmployeeHeader = "ni_pppk,nik,nama,email,kode_unit,jabatan,golongan,masa_kerja,penilai,tmt,akhir_kontrak,nomor_sk,tanggal_sk,tanggal_spmt";

    private Task<T> DbAsync<T>(Func<PppkDbContext, Task<T>> query) => host.DomainAsync(query);

    private Task<IReadOnlyList<ImportError>> FailsAsync(string kind, string csv) => host.ImportFailsAsync(kind, csv);

    private Task<ImportResult> SucceedsAsync(string kind, string csv) => host.ImportSucceedsAsync(kind, csv);

    private static void Has(IReadOnlyList<ImportError> errors, int row, string column, string containing)
    {
        Assert.True(errors.Any(e => e.Row == row && e.Column == column && e.Message.Contains(containing, StringComparison.OrdinalIgnoreCase)),
            $"expected an error on row {row}, column {column} containing '{containing}'; got: {string.Join(" | ", errors.Select(e => $"{e.Row}/{e.Column}: {e.Message}"))}");
    }

    private Task SeedFormationAsync(string code, string unit = "UVAL") =>
        SucceedsAsync(ImportKinds.Formations, Csv.Lines(FormationHeader, $"{code},Pranata Komputer,{unit},Unit Validasi,teknis,2,2024,1"));

    [Fact]
    public async Task Formation_rows_with_any_problem_are_all_reported_and_nothing_is_written()
    {
        var errors = await FailsAsync(ImportKinds.Formations, Csv.Lines(FormationHeader,
            "FV-OK,Pranata Komputer,UV1,Unit V1,teknis,3,2024,1",          // row 2: good
            "FV-2,,UV1,Unit V1,teknis,3,2024,1",                          // row 3: missing jabatan
            "FV-3,Guru Kelas,UV1,Unit V1,dosen,3,2024,1",                 // row 4: unknown type
            "FV-4,Perawat,UV1,Unit V1,nakes,0,2024,1",                    // row 5: quota out of range
            "FV-5,Perawat,UV1,Unit V1,nakes,tiga,2024,1",                 // row 6: not a number
            "FV-6,Perawat,UV1,Unit V1,nakes,2,1990,1",                    // row 7: year out of range
            "FV-OK,Pranata Komputer,UV1,Unit V1,teknis,3,2024,1"));       // row 8: duplicate code
        Has(errors, 3, "jabatan", "missing required value");
        Has(errors, 4, "jenis", "'dosen' is not allowed");
        Has(errors, 5, "kuota", "out of range");
        Has(errors, 6, "kuota", "not a whole number");
        Has(errors, 7, "tahun", "out of range");
        Has(errors, 8, "kode_formasi", "duplicate kode_formasi 'FV-OK' in the file (also on row 2)");
        Assert.Equal(6, errors.Count);
        Assert.False(await DbAsync(db => db.Formations.AnyAsync(f => f.Code == "FV-OK")));

        // Each error has a stable code and its Indonesian rendering; values and column names stay as in the file.
        string Indonesian(int row, string column) => errors.Single(e => e.Row == row && e.Column == column).Text.In(Pppk.Workflow.Engine.Localization.Language.Indonesian);
        Assert.Equal("Nilai wajib 'jabatan' tidak diisi.", Indonesian(3, "jabatan"));
        Assert.Equal("'dosen' tidak diizinkan; gunakan salah satu dari guru, nakes, teknis.", Indonesian(4, "jenis"));
        Assert.Equal("0 di luar rentang; yang diizinkan 1 sampai 10000.", Indonesian(5, "kuota"));
        Assert.Equal("'tiga' bukan bilangan bulat.", Indonesian(6, "kuota"));
        Assert.Equal("kode_formasi 'FV-OK' ganda dalam berkas (juga pada baris 2).", Indonesian(8, "kode_formasi"));
        Assert.Equal(["value-required", "value-not-allowed", "number-out-of-range", "number-not-whole", "number-out-of-range", "duplicate-in-file"],
            errors.OrderBy(e => e.Row).Select(e => e.Text.Code));
    }

    [Fact]
    public async Task A_missing_header_column_is_reported_on_row_1()
    {
        var errors = await FailsAsync(ImportKinds.Applicants, Csv.Lines("no_peserta,nik,nama,email,kode_formasi,kategori_prioritas", "1,2,3,4,5,6"));
        var error = Assert.Single(errors);
        Assert.Equal((1, "tanggal_lahir"), (error.Row, error.Column));
        Assert.Contains("Missing column", error.Message);
    }

    [Fact]
    public async Task An_empty_file_and_a_header_only_file_are_refused()
    {
        Assert.Contains("empty", (await FailsAsync(ImportKinds.Scores, "")).Single().Message);
        Assert.Contains("no data rows", (await FailsAsync(ImportKinds.Scores, Csv.Lines(ScoreHeader))).Single().Message);
    }

    [Fact]
    public async Task Applicant_rows_with_any_problem_are_all_reported_and_nothing_is_written()
    {
        await SeedFormationAsync("FA-1");
        var errors = await FailsAsync(ImportKinds.Applicants, Csv.Lines(ApplicantHeader,
            "AV-OK,6402010101900001,Siti Aminah,siti@example.org,1990-01-01,FA-1,2",   // row 2: good
            "AV-2,640201010190001,Budi,budi@example.org,1990-01-01,FA-1,2",            // row 3: NIK 15 digits
            "AV-3,64020101019000AB,Budi,budi@example.org,1990-01-01,FA-1,2",           // row 4: NIK with letters
            "AV-4,6402010101900004,Budi,budi@example.org,1990-13-01,FA-1,2",           // row 5: month 13
            "AV-5,6402010101900005,Budi,budi@example.org,01/02/1990,FA-1,2",           // row 6: wrong date form
            "AV-6,6402010101900006,Budi,budi@example.org,1990-01-01,NOPE,2",           // row 7: unknown formation
            "AV-7,6402010101900007,Budi,budi(at)example.org,1990-01-01,FA-1,2",        // row 8: bad email
            "AV-8,6402010101900008,Budi,budi@example.org,1990-01-01,FA-1,5",           // row 9: category out of range
            "AV-OK,6402010101900009,Budi,budi@example.org,1990-01-01,FA-1,2",          // row 10: duplicate no_peserta
            "AV-10,6402010101900010,,budi@example.org,1990-01-01,FA-1,2"));            // row 11: missing name
        Has(errors, 3, "nik", "exactly 16 digits");
        Has(errors, 4, "nik", "exactly 16 digits");
        Has(errors, 5, "tanggal_lahir", "YYYY-MM-DD");
        Has(errors, 6, "tanggal_lahir", "YYYY-MM-DD");
        Has(errors, 7, "kode_formasi", "Unknown formation code 'NOPE'");
        Has(errors, 8, "email", "not a valid email");
        Has(errors, 9, "kategori_prioritas", "out of range");
        Has(errors, 10, "no_peserta", "duplicate");
        Has(errors, 11, "nama", "missing required value");
        Assert.Equal(9, errors.Count);
        Assert.False(await DbAsync(db => db.Applicants.AnyAsync(a => a.RegistrationNumber == "AV-OK")));
    }

    [Fact]
    public async Task Score_rows_with_any_problem_are_all_reported_and_nothing_is_written()
    {
        await SeedFormationAsync("FS-1");
        await SucceedsAsync(ImportKinds.Applicants, Csv.Lines(ApplicantHeader,
            "SV-1,6402010101910001,Ani,ani@example.org,1991-01-01,FS-1,1", "SV-2,6402010101910002,Ina,ina@example.org,1991-01-01,FS-1,1"));
        var errors = await FailsAsync(ImportKinds.Scores, Csv.Lines(ScoreHeader,
            "SV-1,300,120,30",      // row 2: good
            "SV-X,300,120,30",      // row 3: unknown applicant
            "SV-2,451,120,30",      // row 4: technical above 450
            "SV-2,300,-1,30",       // row 5: managerial below 0 (and duplicate of row 4)
            "SV-2,300,120,41",      // row 6: interview above 40 (and duplicate)
            "SV-1,3o0,120,30"));    // row 7: not a number, duplicate of row 2
        Has(errors, 3, "no_peserta", "Unknown registration number 'SV-X'");
        Has(errors, 4, "nilai_teknis", "allowed 0 to 450");
        Has(errors, 5, "nilai_manajerial_sosiokultural", "allowed 0 to 180");
        Has(errors, 5, "no_peserta", "duplicate");
        Has(errors, 6, "nilai_wawancara", "allowed 0 to 40");
        Has(errors, 7, "nilai_teknis", "not a whole number");
        Has(errors, 7, "no_peserta", "also on row 2");
        Assert.False(await DbAsync(db => db.Scores.AnyAsync()));
    }

    [Fact]
    public async Task Employee_rows_with_any_problem_are_all_reported_and_nothing_is_written()
    {
        await SeedFormationAsync("FE-1", unit: "UEMP");
        var errors = await FailsAsync(ImportKinds.Employees, Csv.Lines(EmployeeHeader,
            "199001012025011001,6402010101900101,Rina,rina@example.org,UEMP,Arsiparis,VII,3,penilai.uemp.1,2025-01-01,2025-12-31,SKV/1,2024-12-20,2025-01-02", // 2 good
            "199001012025011002,6402010101900102,Rina,rina@example.org,UEMP,Arsiparis,XVIII,3,,2025-01-01,2025-12-31,SKV/2,2024-12-20,",      // 3 unknown grade
            "199001012025011003,6402010101900103,Rina,rina@example.org,UEMP,Arsiparis,VII,34,,2025-01-01,2025-12-31,SKV/3,2024-12-20,",       // 4 service years
            "199001012025011004,6402010101900104,Rina,rina@example.org,NOUNIT,Arsiparis,VII,3,,2025-01-01,2025-12-31,SKV/4,2024-12-20,",      // 5 unknown unit
            "199001012025011005,6402010101900105,Rina,rina@example.org,UEMP,Arsiparis,VII,3,,2025-01-01,2024-12-31,SKV/5,2024-12-20,",        // 6 end before TMT
            "19900101202501100,6402010101900106,Rina,rina@example.org,UEMP,Arsiparis,VII,3,,2025-01-01,2025-12-31,SKV/6,2024-12-20,",         // 7 NI 17 digits
            "199001012025011007,6402010101900101,Rina,rina@example.org,UEMP,Arsiparis,VII,3,,2025-01-01,2025-12-31,SKV/7,2024-12-20,",        // 8 duplicate NIK
            "199001012025011008,6402010101900108,Rina,rina@example.org,UEMP,Arsiparis,VII,3,,2025-01-01,2025-12-31,SKV/8,2024-02-30,",        // 9 bad SK date
            "199001012025011009,6402010101900109,Rina,rina.example.org,UEMP,Arsiparis,VII,3,,2025-01-01,2025-12-31,SKV/9,2024-12-20,",        // 10 bad email
            "199001012025011010,6402010101900110,Rina,rina@example.org,UEMP,Arsiparis,VII,3,,2025-01-01,2025-12-31,SKV/1,2024-12-20,",        // 11 duplicate SK
            "199001012025011011,6402010101900111,Rina,rina@example.org,UEMP,Arsiparis,VII,3,,2025-01-01,2031-12-31,SKV/11,2024-12-20,",       // 12 term over 5 years
            "199001012025011012,6402010101900112,Rina,rina@example.org,UEMP,,VII,3,,,2025-12-31,SKV/12,2024-12-20,"));                        // 13 missing jabatan, tmt
        Has(errors, 3, "golongan", "Unknown grade 'XVIII'");
        Has(errors, 4, "masa_kerja", "allowed 0 to 33");
        Has(errors, 5, "kode_unit", "Unknown unit code 'NOUNIT'");
        Has(errors, 6, "akhir_kontrak", "must be after the TMT");
        Has(errors, 7, "ni_pppk", "exactly 18 digits");
        Has(errors, 8, "nik", "duplicate");
        Has(errors, 9, "tanggal_sk", "YYYY-MM-DD");
        Has(errors, 10, "email", "not a valid email");
        Has(errors, 11, "nomor_sk", "duplicate");
        Has(errors, 12, "akhir_kontrak", "more than 5 years");
        Has(errors, 13, "jabatan", "missing required value");
        Has(errors, 13, "tmt", "missing required value");
        Assert.False(await DbAsync(db => db.Employees.AnyAsync(e => e.Nik == "6402010101900101")));
        Assert.False(await DbAsync(db => db.Sks.AnyAsync(s => s.Number == "SKV/1")));
    }

    [Fact]
    public async Task Reimporting_updates_by_key_instead_of_duplicating()
    {
        var formations = Csv.Lines(FormationHeader, "FR-1,Perawat,URE,Unit Re,nakes,2,2024,1", "FR-2,Bidan,URE,Unit Re,nakes,1,2024,1");
        Assert.Equal((2, 2, 0), Counts(await SucceedsAsync(ImportKinds.Formations, formations)));
        Assert.Equal((2, 0, 2), Counts(await SucceedsAsync(ImportKinds.Formations, formations.Replace("Perawat,URE,Unit Re,nakes,2", "Perawat Ahli,URE,Unit Re,nakes,4"))));
        var fr1 = await DbAsync(db => db.Formations.SingleAsync(f => f.Code == "FR-1"));
        Assert.Equal((4, "Perawat Ahli"), (fr1.Quota, fr1.Position));

        var applicants = Csv.Lines(ApplicantHeader, "RR-1,6402010101920001,Dewi,dewi@example.org,1992-01-01,FR-1,3");
        Assert.Equal((1, 1, 0), Counts(await SucceedsAsync(ImportKinds.Applicants, applicants)));
        Assert.Equal((1, 0, 1), Counts(await SucceedsAsync(ImportKinds.Applicants, applicants.Replace("Dewi,", "Dewi Lestari,").Replace("FR-1,3", "FR-2,3"))));
        var rr1 = await DbAsync(db => db.Applicants.SingleAsync(a => a.RegistrationNumber == "RR-1"));
        Assert.Equal(("Dewi Lestari", "FR-2"), (rr1.Name, rr1.FormationCode));

        Assert.Equal((1, 1, 0), Counts(await SucceedsAsync(ImportKinds.Scores, Csv.Lines(ScoreHeader, "RR-1,300,120,30"))));
        Assert.Equal((1, 0, 1), Counts(await SucceedsAsync(ImportKinds.Scores, Csv.Lines(ScoreHeader, "RR-1,310,121,31"))));
        Assert.Equal(310, (await DbAsync(db => db.Scores.SingleAsync(s => s.ApplicantId == rr1.Id))).Technical);

        var employees = Csv.Lines(EmployeeHeader,
            ",6402014101920002,Fitri,fitri@example.org,URE,Perawat,VII,2,penilai.ure.1,2025-03-01,2026-02-28,SKR/1,2025-02-20,2025-03-03");
        Assert.Equal((1, 1, 0), Counts(await SucceedsAsync(ImportKinds.Employees, employees)));
        // The NI arrives later; the contract's end and the grade change: the same employee, SK and contract are updated.
        var later = employees.Replace(",6402014101920002", "199201012025031001,6402014101920002").Replace("VII,2", "IX,2").Replace("2026-02-28", "2027-02-28");
        Assert.Equal((1, 0, 1), Counts(await SucceedsAsync(ImportKinds.Employees, later)));
        var employee = await DbAsync(db => db.Employees.SingleAsync(e => e.Nik == "6402014101920002"));
        Assert.Equal(("199201012025031001", 9, new DateOnly(1992, 1, 1)), (employee.NiPppk, employee.Grade, employee.BirthDate));
        var contract = Assert.Single(await DbAsync(db => db.Contracts.Where(c => c.EmployeeId == employee.Id).ToListAsync()));
        Assert.Equal((new DateOnly(2027, 2, 28), 2), (contract.End, contract.Years));
        Assert.Single(await DbAsync(db => db.Sks.Where(s => s.EmployeeId == employee.Id).ToListAsync()));
    }

    [Fact]
    public async Task Semicolon_separated_files_with_a_byte_order_mark_and_quoted_fields_import()
    {
        var csv = "\uFEFF" + Csv.Lines(FormationHeader.Replace(',', ';'), "FQ-1;\"Guru Kelas; SDN 001\";UQ;\"Unit \"\"Q\"\"\";guru;2;2024;1");
        await SucceedsAsync(ImportKinds.Formations, csv);
        var f = await DbAsync(db => db.Formations.SingleAsync(x => x.Code == "FQ-1"));
        Assert.Equal(("Guru Kelas; SDN 001", "Unit \"Q\""), (f.Position, f.UnitName));
    }

    [Fact]
    public async Task An_existing_NI_or_SK_number_of_another_employee_is_refused()
    {
        await SeedFormationAsync("FN-1", unit: "UNI");
        await SucceedsAsync(ImportKinds.Employees, Csv.Lines(EmployeeHeader,
            "199301012025011001,6402010101930001,Joko,,UNI,Arsiparis,V,1,,2025-01-01,2025-12-31,SKN/1,2024-12-20,"));
        var errors = await FailsAsync(ImportKinds.Employees, Csv.Lines(EmployeeHeader,
            "199301012025011001,6402010101930002,Ani,,UNI,Arsiparis,V,1,,2025-01-01,2025-12-31,SKN/1,2024-12-20,"));
        Has(errors, 2, "ni_pppk", "already belongs to the employee with NIK 6402010101930001");
        Has(errors, 2, "nomor_sk", "already belongs");
    }

    private static (int, int, int) Counts(ImportResult r) => (r.Rows, r.Inserted, r.Updated);
}

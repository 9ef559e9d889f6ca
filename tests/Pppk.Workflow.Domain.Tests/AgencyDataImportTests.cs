using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Domain.Imports;

namespace Pppk.Workflow.Domain.Tests;

/// <summary>
/// The agency's own data as CSV (rounds, fiscal settings, unit budgets, evaluations): every bad row reported
/// with its code, nothing written then, and re-importing updates; row numbers are a spreadsheet's whatever the cells hold.
/// </summary>
public sealed class AgencyDataImportTests(DomainTestHost host) : IClassFixture<DomainTestHost>
{
    private const string FormationHeader = "kode_formasi,jabatan,kode_unit,nama_unit,jenis,kuota,tahun,tahap";
    private const string RoundHeader = "tahun,tahap,nama,pendaftaran_mulai,pendaftaran_selesai,pengumuman_administrasi,sanggah_mulai,sanggah_selesai,jawaban_sanggah,cat_mulai,cat_selesai,pengumuman_mulai,pengumuman_selesai";
    private const string ThresholdHeader = "tahun,tahap,jenis,ambang,min_teknis,min_manajerial_sosiokultural,min_wawancara";
    private const string FiscalHeader = "tahun_anggaran,apbd,belanja_pegawai,batas_persen";
    private const string BudgetHeader = "kode_unit,tahun_anggaran,pagu_belanja_pegawai,terpakai";
    private const string EvaluationHeader = "nik,ni_pppk,tahun,periode,predikat,penilai,catatan";
    private const string EmployeeHeader = "ni_pppk,nik,nama,email,kode_unit,jabatan,golongan,masa_kerja,penilai,tmt,akhir_kontrak,nomor_sk,tanggal_sk,tanggal_spmt";

    private CsvImporter Importer => host.Service<CsvImporter>();

    private Task<T> DbAsync<T>(Func<PppkDbContext, Task<T>> query) => host.DomainAsync(query);

    private Task<IReadOnlyList<ImportError>> FailsAsync(string kind, string csv) => host.ImportFailsAsync(kind, csv);

    private async Task<(int, int, int)> SucceedsAsync(string kind, string csv)
    {
        var result = await host.ImportSucceedsAsync(kind, csv);
        return (result.Rows, result.Inserted, result.Updated);
    }

    private static void Has(IReadOnlyList<ImportError> errors, int row, string column, string code)
    {
        Assert.True(errors.Any(e => e.Row == row && e.Column == column && e.Text.Code == code),
            $"expected {code} on row {row}, column {column}; got: {string.Join(" | ", errors.Select(e => $"{e.Row}/{e.Column}/{e.Text.Code}: {e.Message}"))}");
    }

    [Fact]
    public async Task A_cell_with_line_breaks_does_not_shift_the_row_numbers_of_later_rows()
    {
        // Row 2 holds a position over three lines (as a spreadsheet writes a cell with Alt+Enter); rows 3 and 4 are bad.
        var csv = FormationHeader + "\n" +
                  "FM-1,\"Guru Ahli Pertama\nMatematika\r\nSMPN 1\",UML,Unit ML,guru,1,2024,1\n" +
                  "FM-2,Perawat,UML,Unit ML,dosen,1,2024,1\n" +
                  "FM-3,Perawat,UML,Unit ML,nakes,nol,2024,1\n";
        var errors = await FailsAsync(ImportKinds.Formations, csv);
        Has(errors, 3, "jenis", "value-not-allowed");
        Has(errors, 4, "kuota", "number-not-whole");
        Assert.Equal(2, errors.Count);

        // The same for a row found bad before parsing: a NUL on spreadsheet row 3.
        var nul = Assert.Single(await FailsAsync(ImportKinds.Formations, csv.Replace("FM-2,Perawat", "FM-2,Pera\0wat")));
        Assert.Equal((3, "csv-nul"), (nul.Row, nul.Text.Code));
        // And a file that is not UTF-8, as bytes: a Windows-1252 'é' on row 4.
        var bytes = Encoding.UTF8.GetBytes(csv.Replace("FM-3,Perawat", "FM-3,Perawat#"));
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xE9;
        var latin = await Importer.ImportAsync(ImportKinds.Formations, bytes, CancellationToken.None);
        Assert.Equal((4, "csv-not-utf8"), (latin.Errors.Single().Row, latin.Errors.Single().Text.Code));

        // The good file imports, with the line breaks kept in the value.
        await SucceedsAsync(ImportKinds.Formations, FormationHeader + "\n\"FM-1\",\"Guru Ahli Pertama\nMatematika\",UML,Unit ML,guru,1,2024,1\n");
        Assert.Equal("Guru Ahli Pertama\nMatematika", (await DbAsync(db => db.Formations.SingleAsync(f => f.Code == "FM-1"))).Position);
    }

    [Fact]
    public async Task Rounds_are_checked_and_upserted()
    {
        var errors = await FailsAsync(ImportKinds.Rounds, Csv.Lines(RoundHeader,
            "2023,1,,2023-09-20,2023-10-09,2023-10-20,2023-10-21,2023-10-23,2023-10-26,2023-11-01,2023-11-30,2023-12-15,2023-12-20", // row 2: good
            "2023,2,,2023-11-01,2023-10-01,,,,,,,,",                                        // row 3: registration ends before it starts
            "2023,1,,,,,,,,,,,",                                                            // row 4: duplicate key
            "23,1,,,,,,,,,,,"));                                                            // row 5: year out of range
        Has(errors, 3, "pendaftaran_selesai", "date-order");
        Has(errors, 4, "tahun,tahap", "duplicate-in-file");
        Has(errors, 5, "tahun", "number-out-of-range");
        Assert.False(await DbAsync(db => db.Rounds.AnyAsync(r => r.Year == 2023 && r.Wave == 2)));

        Assert.Equal((1, 1, 0), await SucceedsAsync(ImportKinds.Rounds, Csv.Lines(RoundHeader, "2023,1,Seleksi PPPK Guru 2023,2023-09-20,2023-10-09,,,,,,,,")));
        Assert.Equal((1, 0, 1), await SucceedsAsync(ImportKinds.Rounds, Csv.Lines(RoundHeader, "2023,1,Seleksi PPPK Guru 2023,2023-09-20,2023-10-10,,,,,,,,")));
        Assert.Equal(new DateOnly(2023, 10, 10), (await DbAsync(db => db.Rounds.SingleAsync(r => r.Year == 2023 && r.Wave == 1))).RegistrationEnd);

    }

    [Fact]
    public async Task The_former_thresholds_import_is_refused_saying_where_thresholds_live_now()
    {
        Assert.DoesNotContain(ImportKinds.Thresholds, ImportKinds.All);
        var client = host.Client();
        foreach (var response in new[]
        {
            await client.PostAsync("/api/imports/thresholds", new StringContent(ThresholdHeader + "\n2023,1,guru,ya,,117,24\n", Encoding.UTF8, "text/csv")),
            await client.GetAsync("/api/imports/thresholds/template"),
        })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal(("thresholds-moved", "kind"), ((string?)problem["code"], (string?)problem["field"]));
            Assert.Contains("'Ambang batas seleksi' (menu Keputusan)", (string?)problem["title"]);
        }
    }

    [Fact]
    public async Task Fiscal_settings_and_unit_budgets_are_checked_and_upserted()
    {
        var errors = await FailsAsync(ImportKinds.FiscalSettings, Csv.Lines(FiscalHeader,
            "2031,5.000.000.000.000,1.200.000.000.000,30",   // row 2: good, with dots between thousands
            "2032,5000000000000,6000000000000,",             // row 3: spending over the APBD
            "2033,lima triliun,0,30",                        // row 4: not an amount
            "2034,5000000000000,0,130",                      // row 5: cap over 100
            "2031,1,0,30"));                                 // row 6: duplicate year
        Has(errors, 3, "belanja_pegawai", "personnel-spending-over-apbd");
        Has(errors, 4, "apbd", "rupiah-invalid");
        Has(errors, 5, "batas_persen", "percent-invalid");
        Has(errors, 6, "tahun_anggaran", "duplicate-in-file");

        Assert.Equal((2, 2, 0), await SucceedsAsync(ImportKinds.FiscalSettings, Csv.Lines(FiscalHeader, "2031,5.000.000.000.000,1.200.000.000.000,", "2032,Rp 4.000.000.000.000,1000000000000,\"27,5\"")));
        var s2031 = await DbAsync(db => db.FiscalSettings.SingleAsync(s => s.FiscalYear == 2031));
        Assert.Equal((5_000_000_000_000m, 1_200_000_000_000m, 30m), (s2031.BudgetTotal, s2031.PersonnelSpending, s2031.CapPercent));

        await SucceedsAsync(ImportKinds.Formations, Csv.Lines(FormationHeader, "FB-1,Perawat,UBUD,Unit Anggaran,nakes,1,2024,1"));
        errors = await FailsAsync(ImportKinds.Budgets, Csv.Lines(BudgetHeader,
            "UBUD,2031,2.000.000.000,500.000.000",   // row 2: good
            "NOPE,2031,1000,0",                      // row 3: unknown unit
            "UBUD,2031,1000,0",                      // row 4: duplicate unit and year
            "UBUD,2032,-5,"));                       // row 5: negative
        Has(errors, 3, "kode_unit", "unit-unknown");
        Has(errors, 4, "kode_unit,tahun_anggaran", "duplicate-in-file");
        Has(errors, 5, "pagu_belanja_pegawai", "rupiah-invalid");

        Assert.Equal((1, 1, 0), await SucceedsAsync(ImportKinds.Budgets, Csv.Lines(BudgetHeader, "UBUD,2031,2.000.000.000,500.000.000")));
        // terpakai left empty keeps what is recorded.
        Assert.Equal((1, 0, 1), await SucceedsAsync(ImportKinds.Budgets, Csv.Lines(BudgetHeader, "UBUD,2031,2.500.000.000,")));
        var budget = await DbAsync(db => db.UnitBudgets.SingleAsync(b => b.UnitCode == "UBUD" && b.FiscalYear == 2031));
        Assert.Equal((2_500_000_000m, 500_000_000m), (budget.PersonnelCeiling, budget.Committed));
    }

    [Fact]
    public async Task Evaluations_find_the_employee_by_NIK_or_NI_and_are_upserted()
    {
        await SucceedsAsync(ImportKinds.Formations, Csv.Lines(FormationHeader, "FE-1,Perawat,UEVA,Unit Evaluasi,nakes,1,2024,1"));
        await SucceedsAsync(ImportKinds.Employees, Csv.Lines(EmployeeHeader,
            "199101012024211001,6402010101910001,Ani,,UEVA,Perawat,VII,1,,2025-01-01,2025-12-31,SKE/1,2024-12-20,",
            "199101012024211002,6402010101910002,Budi,,UEVA,Perawat,VII,1,,2025-01-01,2025-12-31,SKE/2,2024-12-20,"));
        var errors = await FailsAsync(ImportKinds.Evaluations, Csv.Lines(EvaluationHeader,
            "6402010101910001,,2025,tahunan,Baik,penilai.ueva,SKP tercapai",   // row 2: good, by NIK
            ",,2025,Q1,Baik,,",                                                // row 3: no employee key
            "6402019999999999,,2025,Q1,Baik,,",                                // row 4: unknown NIK
            "6402010101910001,199101012024211002,2025,Q1,Baik,,",              // row 5: NIK and NI of different employees
            "6402010101910002,,2025,Q5,Baik,,",                                // row 6: unknown period
            "6402010101910002,,2025,Q2,Luar Biasa,,",                          // row 7: unknown predicate
            ",199101012024211001,2025,annual,Baik,,"));                        // row 8: the same employee and period as row 2, by NI
        Has(errors, 3, "nik", "employee-key-required");
        Has(errors, 4, "nik", "employee-unknown");
        Has(errors, 5, "ni_pppk", "employee-mismatch");
        Has(errors, 6, "periode", "value-not-allowed");
        Has(errors, 7, "predikat", "value-not-allowed");
        Has(errors, 8, "nik,tahun,periode", "duplicate-in-file");
        Assert.Equal(6, errors.Count);

        Assert.Equal((2, 2, 0), await SucceedsAsync(ImportKinds.Evaluations, Csv.Lines(EvaluationHeader,
            "6402010101910001,,2025,tahunan,baik,penilai.ueva,SKP tercapai", ",199101012024211002,2025,Q4,Kurang,,")));
        Assert.Equal((1, 0, 1), await SucceedsAsync(ImportKinds.Evaluations, Csv.Lines(EvaluationHeader, ",199101012024211001,2025,annual,Sangat Baik,,")));
        var annual = await DbAsync(db => db.Evaluations.SingleAsync(e => e.Period == "annual" && db.Employees.Any(x => x.Id == e.EmployeeId && x.Nik == "6402010101910001")));
        Assert.Equal("Sangat Baik", annual.Predicate);
    }

    [Fact]
    public void Rupiah_and_percent_are_read_as_an_agency_writes_them()
    {
        Assert.Equal(1_250_000m, Amounts.ParseRupiah("1.250.000"));
        Assert.Equal(1_250_000m, Amounts.ParseRupiah("Rp 1.250.000"));
        Assert.Equal(1_250_000m, Amounts.ParseRupiah("1250000"));
        Assert.Null(Amounts.ParseRupiah("1.25"));
        Assert.Null(Amounts.ParseRupiah("1,250,000"));
        Assert.Equal(27.5m, Amounts.ParsePercent("27,5"));
        Assert.Equal(30m, Amounts.ParsePercent("30%"));
        Assert.Null(Amounts.ParsePercent("100.5"));
    }
}

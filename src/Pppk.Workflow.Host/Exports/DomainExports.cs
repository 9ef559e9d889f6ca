using Pppk.Workflow.Domain.Api;
using static Pppk.Workflow.Host.Exports.ExportKind;

namespace Pppk.Workflow.Host.Exports;

/// <summary>The columns of the PPPK lists (formations, a ranking, applicants, employees, renewals), as their screens show them.</summary>
internal static class DomainExports
{
    public static ExportTable Formations(ExportList<FormationsApi.FormationDto> list) =>
        new("formasi", "Formasi",
        [
            new("Kode formasi", Text, 16), new("Jabatan", Text, 34), new("Kode unit", Text, 12), new("Unit", Text, 34), new("Jenis", Text, 16),
            new("Kuota", Number, 8), new("Tahun", Number, 8), new("Tahap", Number, 8), new("Pelamar", Number, 9),
        ],
        list.Rows(f => [f.Code, f.Position, f.UnitCode, f.UnitName, ExportLabels.PositionType(f.Type), f.Quota, f.Year, f.Wave, f.ApplicantCount]));

    public static ExportTable Ranking(FormationsApi.RankingDto ranking) =>
        new($"peringkat-{FileSafe(ranking.FormationCode)}", ranking.Final ? "Peringkat final" : "Peringkat sementara",
        [
            new("Peringkat", Number, 10), new("Nomor peserta", Text, 20), new("Nama", Text, 30), new("Kategori prioritas", Number, 10),
            new("Teknis", Number, 9), new("Manajerial-sosiokultural", Number, 12), new("Wawancara", Number, 11), new("Total", Number, 9),
            new("Tanggal lahir", Date, 13), new("Hasil", Text, 12), new("Alasan", Text, 40),
        ],
        ExportList<FormationsApi.RankingEntryDto>.Offset((skip, take, _) => Task.FromResult((ranking.Items.Skip(skip).Take(take).ToList(), ranking.Items.Count)))
            .Rows(r =>
            [
                r.Rank, r.RegistrationNumber, r.Name, r.PriorityCategory, r.Scores.Technical, r.Scores.ManagerialSocioCultural, r.Scores.Interview, r.Scores.Total,
                r.BirthDate, r.Passed ? "Lulus" : "Tidak lulus", r.Reason,
            ]));

    public static ExportTable Applicants(ExportList<ApplicantsApi.ApplicantListDto> list) =>
        new("pelamar", "Pelamar",
        [new("Nomor peserta", Text, 20), new("Nama", Text, 30), new("Kode formasi", Text, 16), new("Kategori prioritas", Number, 10), new("Status", Text, 26)],
        list.Rows(a => [a.RegistrationNumber, a.Name, a.FormationCode, a.PriorityCategory, ExportLabels.ApplicantStatus(a.Status)]));

    public static ExportTable Employees(ExportList<EmployeesApi.EmployeeListDto> list) =>
        new("pegawai", "Pegawai",
        [
            new("Nama", Text, 30), new("NI PPPK", Text, 20), new("NIK", Text, 19), new("Kode unit", Text, 12), new("Unit", Text, 34), new("Jabatan", Text, 30),
            new("Golongan", Text, 9), new("Masa kerja (tahun)", Number, 10), new("Akhir kontrak", Date, 13),
        ],
        list.Rows(e => [e.Name, e.NiPppk, e.Nik, e.UnitCode, e.UnitName, e.Position, e.Grade, e.ServiceYears, e.ContractEnd]));

    public static ExportTable Renewals(ExportList<RenewalsApi.RenewalDto> list) =>
        new("perpanjangan", "Perpanjangan",
        [
            new("Nama", Text, 30), new("NI PPPK", Text, 20), new("Unit", Text, 34), new("Jabatan", Text, 30), new("Golongan", Text, 9),
            new("TMT", Date, 13), new("Berakhir", Date, 13), new("Sisa hari", Number, 9), new("Predikat tahunan terakhir", Text, 16),
            new("Kinerja kurang", Text, 9), new("Gaji per bulan", Rupiah, 16), new("Biaya perpanjangan", Rupiah, 18),
            new("Sisa anggaran unit", Rupiah, 18), new("Tahun anggaran", Number, 10),
        ],
        list.Rows(r => [r.Employee.Name, r.Employee.NiPppk, r.Employee.UnitName ?? r.Employee.UnitCode, r.Employee.Position, r.Employee.Grade,
            r.Tmt, r.End, r.DaysLeft, r.LatestAnnual is { } a ? $"{a.Predicate} ({a.Year})" : "belum ada penilaian", ExportLabels.YesNo(r.PoorPerformance),
            r.Fiscal.MonthlySalary, r.Fiscal.RenewalCost, r.Fiscal.UnitRemaining, r.Fiscal.FiscalYear]));

    /// <summary>A formation code as part of a file name (codes are letters, digits and dashes; anything else becomes a dash).</summary>
    private static string FileSafe(string code) => new([.. code.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Domain.Documents;
using Pppk.Workflow.Domain.Fiscal;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.Documents;

/// <summary>
/// The facts of an employee's document, read from the records: the employee, their SK (<c>skId</c> or the latest),
/// their latest contract (TMT, term, SPMT date; for an extension the one before it too), the unit's name and the
/// salary scale (grade in Roman numerals).
/// </summary>
internal static class EmployeeDocumentFacts
{
    public static async Task<DocumentFacts?> ReadAsync(PppkDbContext db, JobContext context, DocumentKind kind, FactDefaults defaults, CancellationToken ct)
    {
        var employeeId = context.OptionalInt("employeeId");
        var skId = context.OptionalInt("skId");
        var employee = await db.Employees.AsNoTracking().SingleOrDefaultAsync(e => e.Id == employeeId, ct);
        var sk = await db.Sks.AsNoTracking().Where(s => s.EmployeeId == employeeId && (skId == null || s.Id == skId)).OrderByDescending(s => s.Date).ThenByDescending(s => s.Id).FirstOrDefaultAsync(ct);
        var contracts = await db.Contracts.AsNoTracking().Where(c => c.EmployeeId == employeeId).OrderByDescending(c => c.Tmt).ThenByDescending(c => c.Id).Take(2).ToListAsync(ct);
        if (employee is null || sk is null || contracts.Count == 0) return null;
        var contract = contracts[0];
        var unit = await db.Units.AsNoTracking().Where(u => u.Code == employee.UnitCode).Select(u => u.Name).SingleOrDefaultAsync(ct) ?? employee.UnitCode;
        var salary = await db.SalaryScale.MonthlySalary(employee.Grade, employee.ServiceYears).FirstOrDefaultAsync(ct) ?? 0m;
        var appointee = new Appointee(employee.Name, employee.Nik, employee.NiPppk, employee.Position ?? "", unit, IndonesianFormat.Grade(employee.Grade), salary);
        var signer = new DocumentSigner(context.OptionalString("signerName") ?? sk.Signer, context.OptionalString("signerTitle") ?? sk.Signer, context.OptionalString("onBehalfLine"));
        var extra = new Dictionary<string, string>(StringComparer.Ordinal);
        var (number, date) = (sk.Number, sk.Date);
        switch (kind)
        {
            case DocumentKind.PerjanjianKerja:
                number = sk.Number + "/PK";
                break;
            case DocumentKind.Spmt:
                (number, date) = (sk.Number + "/SPMT", contract.SpmtDate ?? contract.Tmt);
                break;
            case DocumentKind.SkPerpanjangan:
                var previous = contracts.Count > 1 ? contracts[1] : null;
                var previousSk = previous?.SkId is { } id ? await db.Sks.AsNoTracking().Where(s => s.Id == id).Select(s => s.Number).SingleOrDefaultAsync(ct) : null;
                extra["nomor_sk_sebelumnya"] = previousSk ?? "-";
                extra["tanggal_akhir_kontrak_sebelumnya"] = IndonesianFormat.Date(previous?.End ?? contract.Tmt.AddDays(-1));
                break;
            case DocumentKind.PemberitahuanTidakDiperpanjang:
                (number, date) = (sk.Number + "/PTD", defaults.Today);
                extra["alasan"] = context.OptionalString("reason") ?? "-";
                extra["hari_terakhir"] = IndonesianFormat.Date(contract.End);
                break;
            case DocumentKind.SkParuhWaktu:
                extra["jam_kerja"] = contract.WeeklyHours?.ToString(CultureInfo.InvariantCulture) ?? "-";
                extra["dasar_upah"] = PayBasis(contract.PayBasis);
                break;
        }
        return new DocumentFacts(kind, number, date, sk.Number, sk.Date, contract.Tmt, contract.SpmtDate, contract.Years * 12, defaults.Place, signer, [appointee])
        {
            Extra = extra,
        };
    }

    /// <summary>The pay basis as the SK words it (KepmenPANRB 16/2025); an agency's own code is printed as it is.</summary>
    public static string PayBasis(string? code) => code switch
    {
        "upah-non-asn" => "paling sedikit sebesar upah yang diterima saat menjadi pegawai non-ASN",
        "ump" => "sesuai upah minimum (UMP/UMK)",
        null or "" => "-",
        _ => code,
    };
}

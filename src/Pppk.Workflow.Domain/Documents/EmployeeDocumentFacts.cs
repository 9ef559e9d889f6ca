using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Domain.Fiscal;

namespace Pppk.Workflow.Domain.Documents;

/// <summary>Who signs and where, as a document task's inputs give them (null: the SK's recorded signer).</summary>
public sealed record SignerInputs(string? Name, string? Title, string? OnBehalfLine, string Place);

/// <summary>
/// The facts of one employee's document read from the records: the employee, their SK (the given one or the latest), their
/// latest contract (for an extension the one before it too), the unit's name and the salary scale (grade in Roman numerals).
/// Without an SK yet (the draft the PPK reads before signing) the number is <see cref="DraftNumber"/> and the date and
/// signer those the SK will get; the signing step reads them again. <paramref name="reason"/> is the written notice's.
/// </summary>
public static class EmployeeDocumentFacts
{
    /// <summary>What a draft prints where the number goes: the number is drawn when the PPK signs.</summary>
    public const string DraftNumber = "(nomor diberikan saat ditandatangani)";

    public static async Task<DocumentFacts?> ReadAsync(PppkDbContext db, DocumentKind kind, int employeeId, int? skId, SignerInputs signerInputs,
        (DateOnly Date, string Signer) draft, string? reason, CancellationToken ct)
    {
        var employee = await db.Employees.AsNoTracking().SingleOrDefaultAsync(e => e.Id == employeeId, ct);
        var sk = await db.Sks.AsNoTracking().Where(s => s.EmployeeId == employeeId && (skId == null || s.Id == skId)).OrderByDescending(s => s.Date).ThenByDescending(s => s.Id).FirstOrDefaultAsync(ct);
        var contracts = await db.Contracts.AsNoTracking().Where(c => c.EmployeeId == employeeId).OrderByDescending(c => c.Tmt).ThenByDescending(c => c.Id).Take(2).ToListAsync(ct);
        // Only the first appointment's documents exist as drafts before an SK; the later kinds read an issued one.
        var draftable = kind is DocumentKind.Sk or DocumentKind.PerjanjianKerja or DocumentKind.Spmt;
        if (employee is null || contracts.Count == 0 || (sk is null && (skId is not null || !draftable))) return null;
        var contract = contracts[0];
        var (skNumber, skDate, skSigner) = sk is null ? (DraftNumber, draft.Date, draft.Signer) : (sk.Number, sk.Date, sk.Signer);
        var unit = await db.Units.AsNoTracking().Where(u => u.Code == employee.UnitCode).Select(u => u.Name).SingleOrDefaultAsync(ct) ?? employee.UnitCode;
        var salary = await db.SalaryScale.MonthlySalary(employee.Grade, employee.ServiceYears).FirstOrDefaultAsync(ct) ?? 0m;
        var appointee = new Appointee(employee.Name, employee.Nik, employee.NiPppk, employee.Position ?? "", unit, IndonesianFormat.Grade(employee.Grade), salary);
        var signer = new DocumentSigner(signerInputs.Name ?? skSigner, signerInputs.Title ?? skSigner, signerInputs.OnBehalfLine);
        var extra = new Dictionary<string, string>(StringComparer.Ordinal);
        var (number, date) = (skNumber, skDate);
        switch (kind)
        {
            case DocumentKind.PerjanjianKerja:
                number = sk is null ? DraftNumber : skNumber + "/PK";
                break;
            case DocumentKind.Spmt:
                (number, date) = (sk is null ? DraftNumber : skNumber + "/SPMT", contract.SpmtDate ?? contract.Tmt);
                break;
            case DocumentKind.SkPerpanjangan:
                var previous = contracts.Count > 1 ? contracts[1] : null;
                var previousSk = previous?.SkId is { } id ? await db.Sks.AsNoTracking().Where(s => s.Id == id).Select(s => s.Number).SingleOrDefaultAsync(ct) : null;
                extra["nomor_sk_sebelumnya"] = previousSk ?? "-";
                extra["tanggal_akhir_kontrak_sebelumnya"] = IndonesianFormat.Date(previous?.End ?? contract.Tmt.AddDays(-1));
                break;
            case DocumentKind.PemberitahuanTidakDiperpanjang:
                (number, date) = (skNumber + "/PTD", draft.Date);
                extra["alasan"] = reason ?? "-";
                extra["hari_terakhir"] = IndonesianFormat.Date(contract.End);
                break;
            case DocumentKind.SkParuhWaktu:
                extra["jam_kerja"] = contract.WeeklyHours?.ToString(CultureInfo.InvariantCulture) ?? "-";
                extra["dasar_upah"] = PayBasis(contract.PayBasis);
                break;
        }
        return new DocumentFacts(kind, number, date, skNumber, skDate, contract.Tmt, contract.SpmtDate, contract.Years * 12, signerInputs.Place, signer, [appointee])
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

using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Domain.Fiscal;

namespace Pppk.Workflow.Domain.Documents;

/// <summary>Who signs and where, as a document task's inputs give them (null: the SK's recorded signer).</summary>
public sealed record SignerInputs(string? Name, string? Title, string? OnBehalfLine, string Place);

/// <summary>
/// The facts of one employee's document read from the records: the employee, their SK (the given one or the latest), their
/// latest contract, the unit's name and the salary scale. Without an SK yet (the draft the PPK reads before signing) the
/// number is <see cref="DraftNumber"/> and the date and signer those the SK will get; the signing step reads them again.
/// </summary>
public static class EmployeeDocumentFacts
{
    /// <summary>What a draft prints where the number goes: the number is drawn when the PPK signs.</summary>
    public const string DraftNumber = "(nomor diberikan saat ditandatangani)";

    public static async Task<DocumentFacts?> ReadAsync(PppkDbContext db, DocumentKind kind, int employeeId, int? skId, SignerInputs signerInputs,
        (DateOnly Date, string Signer) draft, CancellationToken ct)
    {
        var employee = await db.Employees.AsNoTracking().SingleOrDefaultAsync(e => e.Id == employeeId, ct);
        var sk = await db.Sks.AsNoTracking().Where(s => s.EmployeeId == employeeId && (skId == null || s.Id == skId)).OrderByDescending(s => s.Date).ThenByDescending(s => s.Id).FirstOrDefaultAsync(ct);
        var contract = await db.Contracts.AsNoTracking().Where(c => c.EmployeeId == employeeId).OrderByDescending(c => c.Tmt).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        if (employee is null || contract is null || (sk is null && skId is not null)) return null;
        var (skNumber, skDate, skSigner) = sk is null ? (DraftNumber, draft.Date, draft.Signer) : (sk.Number, sk.Date, sk.Signer);
        var unit = await db.Units.AsNoTracking().Where(u => u.Code == employee.UnitCode).Select(u => u.Name).SingleOrDefaultAsync(ct) ?? employee.UnitCode;
        var salary = await db.SalaryScale.MonthlySalary(employee.Grade, employee.ServiceYears).FirstOrDefaultAsync(ct) ?? 0m;
        var appointee = new Appointee(employee.Name, employee.Nik, employee.NiPppk, employee.Position ?? "", unit, IndonesianFormat.Grade(employee.Grade), salary);
        var signer = new DocumentSigner(signerInputs.Name ?? skSigner, signerInputs.Title ?? skSigner, signerInputs.OnBehalfLine);
        var date = kind == DocumentKind.Spmt ? contract.SpmtDate ?? contract.Tmt : skDate;
        var number = sk is null ? DraftNumber : kind switch
        {
            DocumentKind.PerjanjianKerja => skNumber + "/PK",
            DocumentKind.Spmt => skNumber + "/SPMT",
            _ => skNumber,
        };
        return new DocumentFacts(kind, number, date, skNumber, skDate, contract.Tmt, contract.SpmtDate, contract.Years * 12, signerInputs.Place, signer, [appointee]);
    }
}

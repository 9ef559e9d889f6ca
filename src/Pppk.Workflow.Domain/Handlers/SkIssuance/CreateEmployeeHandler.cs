using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Employees;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.SkIssuance;

/// <summary><c>pppk.create-employee</c>: the employee record of an applicant who passed (no NI yet; it comes from BKN later). Idempotent by NIK.</summary>
public sealed class CreateEmployeeHandler : IDescribedJobHandler
{
    public string Type => "pppk.create-employee";

    public JobDescription Description { get; } = new("Buat data pegawai", "Membuat data pegawai dari pelamar yang lulus (NI PPPK menyusul dari BKN).")
    {
        Inputs = [
            new("registrationNumber", "Nomor peserta", JobValueType.Text),
            new("grade", "Golongan", JobValueType.Number, Required: false),
        ],
        Outputs = [
            new("employeeId", "Pegawai (id)"),
            new("unitCode", "Kode unit"),
            new("nik", "NIK"),
            new("employeeName", "Nama pegawai"),
            new("position", "Jabatan"),
        ],
    };
    public bool Inline => true;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        var regNo = context.String("registrationNumber");
        var db = await context.DomainAsync(ct);
        var applicant = await db.Applicants.SingleOrDefaultAsync(a => a.RegistrationNumber == regNo, ct);
        if (applicant is null) return new JobResult.Failure($"No applicant with registration number {regNo}.");
        var formation = await db.Formations.SingleAsync(f => f.Code == applicant.FormationCode, ct);
        var employee = await db.Employees.SingleOrDefaultAsync(e => e.Nik == applicant.Nik, ct);
        if (employee is null)
        {
            employee = new Employee
            {
                Nik = applicant.Nik, Name = applicant.Name, Email = applicant.Email, BirthDate = applicant.BirthDate, UnitCode = formation.UnitCode,
                Position = formation.Position, Grade = context.OptionalInt("grade") ?? 9, ServiceYears = 0, ApplicantId = applicant.Id,
            };
            db.Employees.Add(employee);
            await db.SaveChangesAsync(ct);
        }
        return new JobResult.Completed(new JsonObject
        {
            ["employeeId"] = employee.Id, ["unitCode"] = employee.UnitCode, ["nik"] = employee.Nik, ["employeeName"] = employee.Name, ["position"] = employee.Position,
        });
    });
}

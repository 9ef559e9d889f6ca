using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Domain.Employees;
using Pppk.Workflow.Domain.Fiscal;
using Pppk.Workflow.Domain.Selection;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.Exports;

/// <summary>
/// Two units: unit A with three employees whose names try formula injection and whose NIK starts with zeros, unit B with
/// two; contracts ending within the renewal lead time, budgets, a formation with ranked scores in each unit, two running
/// cases with open tasks (one per unit), and users of the roles the exports are checked for. The export cap is set to 4
/// rows so that all five employees are one too many.
/// </summary>
public sealed class ExportHost : TestHost
{
    public const string Password = "Unduh-Daftar-2026!";
    public const string UnitA = "EXP-A";
    public const string UnitB = "EXP-B";
    public const int Cap = 4;

    public const string LeadingZeroNik = "0012345678901234";
    public const string HyperlinkName = "=HYPERLINK(\"http://contoh.invalid\",\"klik\")";
    public const string CommandName = "+cmd|' /C calc'!A0";

    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Exports:MaxRows"] = Cap.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Exports:PageRows"] = "2"; // several pages even for these few rows
        return settings;
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PppkDbContext>();
            db.Units.AddRange(new Unit { Code = UnitA, Name = "Dinas Kesehatan" }, new Unit { Code = UnitB, Name = "Dinas Pendidikan" });
            foreach (var (unit, letter) in new[] { (UnitA, "A"), (UnitB, "B") })
            {
                db.Formations.Add(new Formation { Code = $"FX{letter}-1", Position = "Perawat", UnitCode = unit, UnitName = unit == UnitA ? "Dinas Kesehatan" : "Dinas Pendidikan", Type = PositionType.Nakes, Quota = 1 });
                foreach (var year in new[] { Today.Year, Today.Year + 1 })
                    db.UnitBudgets.Add(new UnitBudget { UnitCode = unit, FiscalYear = year, PersonnelCeiling = 1_000_000_000m, Committed = 400_000_000m });
            }
            var applicants = new[]
            {
                new Applicant { RegistrationNumber = "0240001", Nik = "6402000000000001", Name = "Ani Lestari", FormationCode = "FXA-1", BirthDate = new DateOnly(1995, 5, 5), Status = "scored" },
                new Applicant { RegistrationNumber = "0240002", Nik = "6402000000000002", Name = "Bayu Pratama", FormationCode = "FXA-1", BirthDate = new DateOnly(1994, 4, 4), Status = "scored" },
                new Applicant { RegistrationNumber = "0240003", Nik = "6402000000000003", Name = "Citra Dewi", FormationCode = "FXB-1", BirthDate = new DateOnly(1993, 3, 3) },
            };
            db.Applicants.AddRange(applicants);
            var employees = new[]
            {
                new Employee { Nik = LeadingZeroNik, NiPppk = "199001012024210001", Name = "Ani Lestari", UnitCode = UnitA, Grade = 9, ServiceYears = 3 },
                new Employee { Nik = "6401000000000002", NiPppk = "199001012024210002", Name = HyperlinkName, UnitCode = UnitA, Grade = 9, ServiceYears = 4 },
                new Employee { Nik = "6401000000000003", NiPppk = "199001012024210003", Name = CommandName, UnitCode = UnitA, Grade = 9, ServiceYears = 5 },
                new Employee { Nik = "6401000000000004", NiPppk = "199001012024210004", Name = "Budi Santoso", UnitCode = UnitB, Grade = 9, ServiceYears = 6 },
                new Employee { Nik = "6401000000000005", NiPppk = "199001012024210005", Name = "Dewi Sartika", UnitCode = UnitB, Grade = 9, ServiceYears = 7 },
            };
            db.Employees.AddRange(employees);
            await db.SaveChangesAsync();
            db.Scores.AddRange(new CatScore { ApplicantId = applicants[0].Id, Technical = 400, ManagerialSocioCultural = 130, Interview = 30 },
                new CatScore { ApplicantId = applicants[1].Id, Technical = 350, ManagerialSocioCultural = 120, Interview = 25 });
            foreach (var (e, days) in employees.Zip([30, 40, 50, 60, 70]))
                db.Contracts.Add(new Contract { EmployeeId = e.Id, Tmt = Today.AddYears(-1), End = Today.AddDays(days), Years = 1 });
            await db.SaveChangesAsync();
        }

        var api = new WorkflowApiClient(Client());
        await api.DeployAsync(WithCase(Chain("ekspor_kasus", UserTask("periksa", "Periksa berkas", candidateGroups: "unit-head")), "=unitCode", "=nik"));
        await api.StartAsync("ekspor_kasus", new { unitCode = UnitA, nik = LeadingZeroNik }, "KASUS-A");
        await api.StartAsync("ekspor_kasus", new { unitCode = UnitB, nik = "6401000000000004" }, "KASUS-B");

        await CreateUserAsync("ekspor.hr", null, null, Roles.HrAdmin);
        await CreateUserAsync("ekspor.kepala.a", UnitA, null, Roles.UnitHead);
        await CreateUserAsync("ekspor.verif", null, null, Roles.Verifier);
        await CreateUserAsync("ekspor.pegawai", UnitA, LeadingZeroNik, Roles.Employee);
    }

    private async Task CreateUserAsync(string userName, string? unitCode, string? employeeNik, params string[] roles)
    {
        using var admin = Client();
        var response = await admin.PostAsJsonAsync("/api/users", new { userName, password = Password, fullName = $"Nama {userName}", unitCode, employeeNik, roles });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"User {userName}: {(int)response.StatusCode} {await response.Content.ReadFromJsonAsync<JsonObject>()}");
    }
}

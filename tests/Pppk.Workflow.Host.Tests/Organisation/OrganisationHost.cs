using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Domain.Employees;
using Pppk.Workflow.Domain.Fiscal;
using Pppk.Workflow.Domain.Selection;
using Pppk.Workflow.Host.Users;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Host.Tests.Organisation;

/// <summary>
/// Two units, each with a formation and its applicant, employees with active contracts ending within the renewal lead
/// time, and budgets; and real users of every role, created through <c>/api/users</c> as hr-admin would.
/// </summary>
public sealed class OrganisationHost : TestHost
{
    public const string Password = "Lingkup-Unit-2026!";
    public const string UnitA = "UNIT-A";
    public const string UnitB = "UNIT-B";

    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Employees by name: A1 and A2 of unit A, B1 of unit B.</summary>
    public Dictionary<string, Employee> Employees { get; } = [];

    /// <summary>User ids by user name.</summary>
    public Dictionary<string, string> UserIds { get; } = [];

    public static string Nik(int n) => $"6401{n:D12}";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PppkDbContext>();
            db.Units.AddRange(new Unit { Code = UnitA, Name = "Dinas A" }, new Unit { Code = UnitB, Name = "Dinas B" });
            foreach (var (unit, letter) in new[] { (UnitA, "A"), (UnitB, "B") })
            {
                db.Formations.Add(new Formation { Code = $"F{letter}-1", Position = "Perawat", UnitCode = unit, UnitName = $"Dinas {letter}", Type = PositionType.Nakes, Quota = 1 });
                db.Applicants.Add(new Applicant
                {
                    RegistrationNumber = $"REG-{letter}1", Nik = $"6402{(letter == "A" ? 1 : 2):D12}", Name = $"Pelamar {letter}", FormationCode = $"F{letter}-1",
                    BirthDate = new DateOnly(1995, 5, 5),
                });
                foreach (var year in new[] { Today.Year, Today.Year + 1 })
                    db.UnitBudgets.Add(new UnitBudget { UnitCode = unit, FiscalYear = year, PersonnelCeiling = 1_000_000_000m, Committed = 400_000_000m });
            }
            foreach (var year in new[] { Today.Year, Today.Year + 1 })
                db.FiscalSettings.Add(new RegionalFiscalSetting { FiscalYear = year, BudgetTotal = 3_000_000_000_000m, PersonnelSpending = 700_000_000_000m });
            foreach (var (name, unit, n) in new[] { ("A1", UnitA, 1), ("A2", UnitA, 2), ("B1", UnitB, 3) })
                Employees[name] = new Employee { Nik = Nik(n), NiPppk = $"19900101202421{n:D4}", Name = $"Pegawai {name}", UnitCode = unit, Grade = 9 };
            db.Employees.AddRange(Employees.Values);
            await db.SaveChangesAsync();
            foreach (var (e, days) in Employees.Values.Zip([30, 60, 45]))
                db.Contracts.Add(new Contract { EmployeeId = e.Id, Tmt = Today.AddYears(-1), End = Today.AddDays(days), Years = 1 });
            await db.SaveChangesAsync();

            // A unit head from before users had to have a unit: hr-admin can no longer make one, but old rows may hold it.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var old = new AppUser { UserName = "kepala.tanpa" };
            Check(await users.CreateAsync(old, Password));
            Check(await users.AddToRoleAsync(old, Roles.UnitHead));
            UserIds[old.UserName] = old.Id;
        }

        await CreateUserAsync("org.hr", null, null, Roles.HrAdmin);
        await CreateUserAsync("org.verif", null, null, Roles.Verifier);
        await CreateUserAsync("org.ppk", null, null, Roles.Ppk);
        await CreateUserAsync("org.finance", null, null, Roles.Finance);
        await CreateUserAsync("kepala.a", UnitA, null, Roles.UnitHead);
        await CreateUserAsync("penilai.a", UnitA, null, Roles.Evaluator);
        await CreateUserAsync("pegawai.a1", UnitA, Employees["A1"].Nik, Roles.Employee);
        // Head of unit A who is also an employee, on record in unit B: both scopes, the union.
        await CreateUserAsync("kepala.plus", UnitA, Employees["B1"].Nik, Roles.UnitHead, Roles.Employee);
    }

    public async Task<string> CreateUserAsync(string userName, string? unitCode, string? employeeNik, params string[] roles)
    {
        using var admin = Client();
        var response = await admin.PostAsJsonAsync("/api/users", new { userName, password = Password, fullName = $"Nama {userName}", unitCode, employeeNik, roles });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"User {userName}: {(int)response.StatusCode} {body}");
        return UserIds[userName] = (string)body!["id"]!;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}

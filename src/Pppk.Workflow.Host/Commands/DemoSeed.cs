using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Domain;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Domain.Seeding;
using Pppk.Workflow.Host.Users;

namespace Pppk.Workflow.Host.Commands;

/// <summary>The <c>Seed</c> section: how <c>seed demo</c> generates its data and users.</summary>
public sealed class DemoSeedOptions
{
    public const string Section = "Seed";

    public int RandomSeed { get; set; } = 2024;

    /// <summary>"Today" of the dataset (contracts end in the 18 months after it); default today.</summary>
    public DateOnly? ReferenceDate { get; set; }

    /// <summary>The password of every demo user. Unset: the one in <see cref="UsersFile"/> from an earlier run, else a generated one written there.</summary>
    public string? DemoPassword { get; set; }

    public string UsersFile { get; set; } = "data/demo-users.txt";
}

/// <summary>
/// Fills an empty database with the synthetic Kukar dataset and creates a demo user per role plus every unit head and
/// evaluator the dataset names. <c>demo.employee</c> is linked (NIK) to an employee with an active contract and has their
/// unit, which <c>demo.unit-head</c> and <c>demo.evaluator</c> share. Idempotent: a database that has formations keeps its
/// data; existing users are kept.
/// </summary>
public sealed class DemoSeed(DatasetLoader loader, PppkDbContext db, UserManager<AppUser> users, IOptions<PppkOptions> pppk, ILogger<DemoSeed> logger)
{
    public async Task<List<string>> RunAsync(DemoSeedOptions options, string home, CancellationToken ct)
    {
        var summary = new List<string>();
        var salaries = SalaryScale.Load(Path.Combine(home, "workflows", "data", SalaryScale.FileName));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var dataset = KukarDataset.Generate(new KukarDatasetOptions
        {
            Seed = options.RandomSeed,
            ReferenceDate = options.ReferenceDate ?? today,
            SalaryMonthsPerYear = pppk.Value.SalaryMonthsPerYear,
            AllowancePercent = pppk.Value.AllowancePercent,
        }, salaries);

        if (await db.Formations.AnyAsync(ct))
        {
            summary.Add("The database already has formations: the dataset was not loaded again.");
        }
        else
        {
            foreach (var step in await loader.LoadAsync(dataset, salaries, ct))
                summary.Add($"{step.Name,-16} {step.Rows,7} rows ({step.Inserted} new, {step.Updated} updated) in {step.Elapsed.TotalSeconds:0.0} s");
        }
        summary.Add($"Database: {await db.Units.CountAsync(ct)} units, {await db.Formations.CountAsync(ct)} formations (quota {await db.Formations.SumAsync(f => f.Quota, ct)}), " +
                    $"{await db.Applicants.CountAsync(ct)} applicants, {await db.Employees.CountAsync(ct)} employees, {await db.Contracts.CountAsync(ct)} contracts, " +
                    $"{await db.Evaluations.CountAsync(ct)} evaluations.");
        summary.AddRange(await SeedUsersAsync(dataset, options, home, ct));
        return summary;
    }

    private async Task<List<string>> SeedUsersAsync(KukarDataset dataset, DemoSeedOptions options, string home, CancellationToken ct)
    {
        var file = HostPaths.Resolve(home, options.UsersFile);
        var password = options.DemoPassword;
        if (string.IsNullOrEmpty(password) && File.Exists(file))
            password = (await File.ReadAllLinesAsync(file, ct)).FirstOrDefault(l => l.StartsWith("password: ", StringComparison.Ordinal))?["password: ".Length..];
        var generated = string.IsNullOrEmpty(password);
        if (generated)
            password = $"Demo-{Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('/', 'x').Replace('+', 'y')}-{RandomNumberGenerator.GetInt32(10, 100)}";

        var person = await DemoEmployeeAsync(ct);
        var wanted = new List<(string UserName, string Role, string? Unit, string FullName)>();
        foreach (var role in Roles.All)
            wanted.Add(($"demo.{role}", role, role switch
            {
                Roles.HrAdmin => "BKPSDM",
                Roles.Employee or Roles.UnitHead or Roles.Evaluator => person?.UnitCode,
                _ => null,
            }, $"Demo {role}"));
        foreach (var u in dataset.Units)
        {
            wanted.Add((u.HeadUserName, Roles.UnitHead, u.Code, $"Kepala {u.Name}"));
            foreach (var e in u.EvaluatorUserNames) wanted.Add((e, Roles.Evaluator, u.Code, $"Penilai {u.Name}"));
        }

        // One hash for all: the demo users share the password, and hashing 190 times would take most of a minute.
        var hash = users.PasswordHasher.HashPassword(new AppUser(), password!);
        var created = 0;
        foreach (var (userName, role, unit, fullName) in wanted)
        {
            var nik = role == Roles.Employee ? person?.Nik : null;
            if (await users.FindByNameAsync(userName) is { } existing)
            {
                // A demo user of an earlier seed (before users had a unit and NIK) gets them; one set by hand is kept.
                if (existing.UnitCode is null && existing.EmployeeNik is null && (unit is not null || nik is not null))
                {
                    (existing.UnitCode, existing.EmployeeNik) = (unit, nik is null || await users.Users.AnyAsync(u => u.EmployeeNik == nik, ct) ? null : nik);
                    Check(await users.UpdateAsync(existing), userName);
                }
                continue;
            }
            var user = new AppUser
            {
                UserName = userName, FullName = fullName, UnitCode = unit, EmployeeNik = nik, Email = $"{userName}@demo.kukarkab.go.id", EmailConfirmed = true,
                PasswordHash = hash,
            };
            Check(await users.CreateAsync(user), userName);
            Check(await users.AddToRoleAsync(user, role), userName);
            created++;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllLinesAsync(file,
            [$"password: {password}", "# user name, role, unit (demo data only; change or remove these accounts outside a demo)", .. wanted.Select(w => $"{w.UserName}\t{w.Role}\t{w.Unit}")], ct);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        logger.LogInformation("Demo users: {Created} created, {Existing} already there; list and password in {UsersFile}", created, wanted.Count - created, file);
        return [$"Demo users: {created} created, {wanted.Count - created} already present; user names and password in {file}" +
                (generated ? " (password generated)" : "")];
    }

    /// <summary>
    /// The employee <c>demo.employee</c> is: the one whose active contract ends first from today (their renewal is the
    /// nearest, so it shows in the demo), read from the database, which may hold the dataset of an earlier day (then any
    /// active contract's).
    /// </summary>
    private async Task<(string Nik, string UnitCode)?> DemoEmployeeAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var found = await (from c in db.Contracts
                           join e in db.Employees on c.EmployeeId equals e.Id
                           where c.Status == "active"
                           orderby c.End >= today ? 0 : 1, c.End, e.Id
                           select new { e.Nik, e.UnitCode }).FirstOrDefaultAsync(ct);
        return found is null ? null : (found.Nik, found.UnitCode);
    }

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Creating demo user {userName} failed: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Host.Users;

/// <summary>A user's place in the organisation as it is to be saved: blank values are none.</summary>
internal sealed record UserPlace(string? UnitCode, string? EmployeeNik, IReadOnlyCollection<string> Roles)
{
    public static UserPlace Of(string? unitCode, string? employeeNik, IEnumerable<string> roles) =>
        new(Blank(unitCode), Blank(employeeNik), [.. roles.Distinct()]);

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>
/// What a user's unit, linked NIK and roles must satisfy before they are saved: the unit is one of the domain's units; the
/// NIK is 16 digits, a person's of the employee or applicant records, and no other user's (409); a unit-scoped role
/// (unit-head, evaluator) comes with a unit. Each problem names its field.
/// </summary>
internal static class UserProfileRules
{
    private const string NikIndex = "ix_users_employee_nik";

    /// <param name="unitField">The field a missing unit is blamed on: <c>unitCode</c> when it was sent, <c>roles</c> when they were.</param>
    public static async Task<IResult?> ProblemAsync(UserPlace place, string? userId, string unitField, PppkDbContext domain, UserManager<AppUser> users,
        Language language, CancellationToken ct)
    {
        var problems = new List<(string Field, LocalizedText Text)>();
        if (place.UnitCode is { } unit && !await domain.Units.AnyAsync(u => u.Code == unit, ct))
            problems.Add(("unitCode", UserTexts.UnitUnknown.Format(unit)));
        if (place.EmployeeNik is { } nik)
        {
            if (nik.Length != 16 || !nik.All(char.IsAsciiDigit))
                problems.Add(("employeeNik", UserTexts.NikInvalid.Format(nik)));
            else if (!await domain.Employees.AnyAsync(e => e.Nik == nik, ct) && !await domain.Applicants.AnyAsync(a => a.Nik == nik, ct))
                problems.Add(("employeeNik", UserTexts.NikUnknown.Format(nik)));
        }
        var scoped = place.Roles.Where(Roles.IsUnitScoped).ToList();
        if (scoped.Count > 0 && place.UnitCode is null)
            problems.Add((unitField, UserTexts.UnitRequired.Format(string.Join(", ", scoped))));
        if (problems.Count > 0) return FieldsProblem.Invalid(problems, language);

        if (place.EmployeeNik is { } linked
            && await users.Users.Where(u => u.EmployeeNik == linked && u.Id != userId).Select(u => u.UserName).FirstOrDefaultAsync(ct) is { } holder)
            return Linked(linked, holder, language);
        return null;
    }

    public static IResult Linked(string nik, string? holder, Language language) =>
        Results.Problem(title: UserTexts.NikLinked.Format(nik, holder).In(language), statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["code"] = UserTexts.NikLinked.Code, ["field"] = "employeeNik", ["userName"] = holder });

    /// <summary>Another request linked the same NIK between the check and the save: the unique index refuses the second.</summary>
    public static async Task<IResult?> LinkRaceAsync(Func<Task<IdentityResult>> save, UserPlace place, UserManager<AppUser> users, Language language)
    {
        try
        {
            var result = await save();
            return result.Succeeded ? null : UsersApi.IdentityProblem(result);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: NikIndex }
                                           && place.EmployeeNik is { } nik)
        {
            return Linked(nik, await users.Users.Where(u => u.EmployeeNik == nik).Select(u => u.UserName).FirstOrDefaultAsync(), language);
        }
    }
}

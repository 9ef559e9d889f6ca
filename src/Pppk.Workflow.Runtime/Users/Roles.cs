namespace Pppk.Workflow.Runtime.Users;

/// <summary>The roles of DOMAIN.md. A role is also a candidate group that user tasks can be offered to.</summary>
public static class Roles
{
    public const string HrAdmin = "hr-admin";
    public const string Verifier = "verifier";
    public const string Ppk = "ppk";
    public const string Evaluator = "evaluator";
    public const string UnitHead = "unit-head";
    public const string Finance = "finance";
    public const string Employee = "employee";

    public static readonly IReadOnlyList<string> All = [HrAdmin, Verifier, Ppk, Evaluator, UnitHead, Finance, Employee];

    /// <summary>Roles that act within one unit (OPD): a member sees a task of their groups only when the task's case is of their unit.</summary>
    public static readonly IReadOnlyList<string> UnitScoped = [UnitHead, Evaluator];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);

    public static bool IsUnitScoped(string role) => UnitScoped.Contains(role, StringComparer.Ordinal);

    /// <summary>
    /// Of <paramref name="roles"/>, those that make their holder a candidate for a task whose case is of <paramref name="taskUnit"/>:
    /// organisation-wide roles always; unit-scoped ones when the holder has a unit and it is the task's.
    /// </summary>
    public static IEnumerable<string> GroupsFor(IEnumerable<string> roles, string? userUnit, string? taskUnit) =>
        roles.Where(r => !IsUnitScoped(r) || (userUnit is not null && userUnit == taskUnit));
}

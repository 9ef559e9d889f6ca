namespace Pppk.Workflow.Auth;

/// <summary>The PPPK roles (README, "Who sees what"). A role is also a candidate group that user tasks can be offered to.</summary>
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

    /// <summary>Unit-scoped roles whose member sees every case of their unit, not only those in which they see a task.</summary>
    public static readonly IReadOnlyList<string> UnitWide = [UnitHead];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);

    public static bool IsUnitScoped(string role) => UnitScoped.Contains(role, StringComparer.Ordinal);
}

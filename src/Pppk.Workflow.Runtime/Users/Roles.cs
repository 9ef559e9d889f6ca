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

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}

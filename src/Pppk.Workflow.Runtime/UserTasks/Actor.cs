namespace Pppk.Workflow.Runtime.UserTasks;

/// <summary>
/// The person acting: user name and roles (roles are also the candidate groups; what each reaches is
/// <see cref="GroupScopes"/>), their unit (for the unit-scoped roles) and the NIK of the employee or applicant record they are.
/// </summary>
public sealed record Actor(string Name, IReadOnlyCollection<string> Roles, string? UnitCode = null, string? EmployeeNik = null);

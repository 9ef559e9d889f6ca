namespace Pppk.Workflow.Runtime.UserTasks;

/// <summary>
/// The person acting: user name and roles (roles are also the candidate groups), their unit (for the unit-scoped roles)
/// and the NIK of the employee or applicant record they are.
/// </summary>
public sealed record Actor(string Name, IReadOnlyCollection<string> Roles, string? UnitCode = null, string? EmployeeNik = null)
{
    public bool IsHrAdmin => Roles.Contains(Users.Roles.HrAdmin);

    /// <summary>The roles that count as candidate groups for a task of <paramref name="taskUnit"/>: the organisation-wide ones always, the unit-scoped ones only in the actor's own unit.</summary>
    public IEnumerable<string> GroupsFor(string? taskUnit) => Users.Roles.GroupsFor(Roles, UnitCode, taskUnit);
}

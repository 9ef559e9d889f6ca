namespace Pppk.Workflow.Runtime.UserTasks;

/// <summary>
/// How far a candidate group (a user's role) reaches, told by the host that knows the roles: the administrators' group
/// sees and may do everything; a unit-scoped group counts for a task only when the task's case is of its member's unit;
/// a member of a unit-wide group (also unit-scoped) sees every case of their unit.
/// </summary>
public sealed class GroupScopes(string administrators, IEnumerable<string> unitScoped, IEnumerable<string> unitWide)
{
    public string Administrators { get; } = administrators;

    public IReadOnlyList<string> UnitScoped { get; } = [.. unitScoped];

    public IReadOnlyList<string> UnitWide { get; } = [.. unitWide];

    public bool IsAdministrator(Actor actor) => actor.Roles.Contains(Administrators);

    public bool IsUnitScoped(string group) => UnitScoped.Contains(group, StringComparer.Ordinal);

    /// <summary>
    /// Of <paramref name="roles"/>, those that make their holder a candidate for a task whose case is of <paramref name="taskUnit"/>:
    /// organisation-wide roles always; unit-scoped ones when the holder has a unit and it is the task's.
    /// </summary>
    public IEnumerable<string> GroupsFor(IEnumerable<string> roles, string? userUnit, string? taskUnit) =>
        roles.Where(r => !IsUnitScoped(r) || (userUnit is not null && userUnit == taskUnit));
}

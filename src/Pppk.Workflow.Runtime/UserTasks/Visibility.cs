using Pppk.Workflow.Runtime.Database;
using Pppk.Workflow.Runtime.People;

namespace Pppk.Workflow.Runtime.UserTasks;

/// <summary>
/// Who sees which task and which case (README, "Who sees what"), as SQL conditions: the lists filter by them and a
/// single record the caller may not see answers 404, as if it did not exist. The administrators (<see cref="GroupScopes"/>)
/// see everything. The query classes (<see cref="UserTaskTable"/>, <see cref="Instances.InstanceTable"/>) apply them for
/// the actor their caller names.
/// </summary>
internal static class Visibility
{
    /// <summary>
    /// A task (alias <c>t</c>, its instance <c>i</c>): its assignee, whoever completed it or was acted for; if unassigned,
    /// its candidate users and the members of its candidate groups (a unit-scoped group only in its case's unit); and
    /// the substitute in force of any of those (with that user's roles and unit).
    /// </summary>
    public const string Task = $"{Own} OR {Substitute}";

    /// <summary>
    /// <see cref="Task"/> without its substitute part: the same rows for a caller who stands in for no one now (the inbox
    /// checks that first; the substitute part is a subquery per row, which a list of 100,000 tasks cannot afford).
    /// </summary>
    public const string Own = $$"""
        t.assignee = @v_me OR t.completed_by = @v_me OR t.on_behalf_of = @v_me
        OR ({{Offered}})
        """;

    /// <summary>The part of <see cref="Task"/> by which a substitute in force sees the tasks of the user they stand in for (the inbox's "assigned=substitute").</summary>
    public const string Substitute = $$"""
        EXISTS (SELECT 1 FROM pppk.substitutions s JOIN {{Principals.View}} p ON p.user_name = s.user_name
                   WHERE s.substitute_user_name = @v_me AND s.valid_from <= @v_now AND s.valid_to > @v_now
                     AND (t.assignee = s.user_name OR (t.assignee IS NULL AND (s.user_name = ANY(t.candidate_users) OR t.candidate_groups && array(
                          SELECT g FROM unnest(p.groups) g WHERE g <> ALL(@v_scoped) OR p.unit_code = i.unit_code)))))
        """;

    /// <summary>The part of <see cref="Task"/> by which an unassigned task is offered to the caller in their own right (the inbox's "assigned=groups").</summary>
    public const string Offered = """
        t.assignee IS NULL AND (@v_me = ANY(t.candidate_users) OR t.candidate_groups && @v_org
            OR (t.candidate_groups && @v_scoped_mine AND i.unit_code = @v_unit))
        """;

    /// <summary>A case (alias <c>i</c>): a unit-wide group's member's unit's cases (a unit head's), the cases about the caller (subject), and any case in which they see a task.</summary>
    public const string Case = "(@v_unit_head AND i.unit_code = @v_unit) OR i.subject = @v_nik OR EXISTS (SELECT 1 FROM pppk.user_tasks t WHERE t.instance_id = i.id AND (" + Task + "))";

    /// <summary>Adds <paramref name="condition"/> (<see cref="Task"/> or <see cref="Case"/>) for <paramref name="actor"/>; nothing for an administrator.</summary>
    public static SqlFilter Restrict(this SqlFilter filter, string condition, Actor actor, GroupScopes scopes, DateTimeOffset now) =>
        scopes.IsAdministrator(actor) ? filter : filter.Add(condition, Parameters(actor, scopes, now));

    /// <summary>The parameters <see cref="Task"/> and <see cref="Case"/> read, for <paramref name="actor"/> at <paramref name="now"/>.</summary>
    public static (string, object)[] Parameters(Actor actor, GroupScopes scopes, DateTimeOffset now)
    {
        var scoped = actor.Roles.Where(scopes.IsUnitScoped).ToArray();
        return
        [
            ("v_me", actor.Name),
            ("v_org", actor.Roles.Where(r => !scopes.IsUnitScoped(r)).ToArray()),
            // Without a unit the unit-scoped roles count nowhere.
            ("v_scoped_mine", actor.UnitCode is null ? Array.Empty<string>() : scoped),
            ("v_unit", (object?)actor.UnitCode ?? DBNull.Value),
            ("v_unit_head", actor.UnitCode is not null && scoped.Any(scopes.UnitWide.Contains)),
            ("v_nik", (object?)actor.EmployeeNik ?? DBNull.Value),
            ("v_scoped", scopes.UnitScoped.ToArray()),
            ("v_now", now),
        ];
    }
}

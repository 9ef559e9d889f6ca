using System.Text.Json.Nodes;
using Npgsql;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.Steps;
using Pppk.Workflow.Runtime.Substitutions;
using Pppk.Workflow.Runtime.Users;

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

/// <summary>A user task as the step that completed it left it; <see cref="Variables"/> are its instance's after that step.</summary>
public sealed record CompletedTask(Guid Id, Guid InstanceId, string ElementId, string? Name, string? Assignee, string[] CandidateGroups,
    string[] CandidateUsers, DateTimeOffset? DueAt, DateTimeOffset? FollowUpAt, string? FormId, DateTimeOffset CreatedAt, DateTimeOffset EndedAt,
    string CompletedBy, string? OnBehalfOf, string DefinitionKey, string? BusinessKey, string? UnitCode, JsonObject Variables);

/// <summary>
/// Claiming and completing user tasks (their holder: <see cref="TaskService"/>'s other part). The task row is locked
/// first, so of two concurrent completions exactly one wins, and who may act is decided on the locked row.
/// </summary>
public sealed partial class TaskService
{
    private readonly StepRunner _runner;
    private readonly TimeProvider _clock;

    internal TaskService(StepRunner runner, TimeProvider clock)
    {
        _runner = runner;
        _clock = clock;
    }

    private sealed record TaskRow(Guid InstanceId, long WaitId, string State, string? Assignee, string[] Groups, string[] Users,
        string ElementId, string? Name, DateTimeOffset? DueAt, DateTimeOffset? FollowUpAt, string? FormId, DateTimeOffset CreatedAt, string? Unit, Guid TaskId);

    /// <summary>The task columns every lock below reads (alias <c>t</c>), in <see cref="ReadTask"/>'s order; then its case's unit and its id.</summary>
    private const string TaskColumns =
        "t.instance_id, t.wait_id, t.state, t.assignee, t.candidate_groups, t.candidate_users, t.element_id, t.name, t.due_at, t.follow_up_at, t.form_id, t.created_at, " +
        "(SELECT iu.unit_code FROM pppk.instances iu WHERE iu.id = t.instance_id), t.id";

    private const int TaskColumnCount = 14;

    private static TaskRow ReadTask(NpgsqlDataReader r, int at) => new(
        r.GetGuid(at), r.GetInt64(at + 1), r.GetString(at + 2), r.IsDBNull(at + 3) ? null : r.GetString(at + 3),
        r.GetFieldValue<string[]>(at + 4), r.GetFieldValue<string[]>(at + 5), r.GetString(at + 6), r.IsDBNull(at + 7) ? null : r.GetString(at + 7),
        r.IsDBNull(at + 8) ? null : r.GetFieldValue<DateTimeOffset>(at + 8), r.IsDBNull(at + 9) ? null : r.GetFieldValue<DateTimeOffset>(at + 9),
        r.IsDBNull(at + 10) ? null : r.GetString(at + 10), r.GetFieldValue<DateTimeOffset>(at + 11), r.IsDBNull(at + 12) ? null : r.GetString(at + 12), r.GetGuid(at + 13));

    /// <summary>
    /// Completes the task and runs its instance on; answers with the task as the committed step left it (not read back),
    /// or null when the engine found its wait point already gone (the caller then reads the task).
    /// </summary>
    public async Task<CompletedTask?> CompleteAsync(Guid taskId, Actor actor, JsonObject? variables, CancellationToken ct)
    {
        var (task, instance, onBehalfOf, buffer) = await _runner.RunGroupedAsync(async tx =>
        {
            // The task and its instance are locked in one round trip (for all the completions grouped with this one, if
            // any); the separate lock and load only when that finds nothing (to say why).
            var task = tx.Prelocked.Remove(taskId, out var row) ? (TaskRow)row
                : await LockWithInstanceAsync(tx, taskId, ct) ?? await LockAsync(tx, taskId, ct);
            EnsureOpen(task);
            // Decided on the locked row: a claim, release or hand-over commits before or after this, never between.
            var onBehalfOf = await EnsureMayCompleteAsync(tx, task, actor, ct);
            // Two completions grouped into one transaction both see the row still open: the second one loses here.
            if (!tx.CompletingTasks.Add(taskId)) throw new WorkflowException(409, TaskTexts.NotOpen.Format(Label(task), TaskTexts.State("completed")));
            await tx.LoadAsync([task.InstanceId], ct);
            var instance = tx.Find(task.InstanceId) ?? throw WorkflowException.Conflict($"The instance of task {taskId} is no longer active.");
            if (onBehalfOf is not null) tx.Buffer.TaskOnBehalfOf[new(task.InstanceId, task.WaitId)] = onBehalfOf;
            tx.Enqueue(instance, new UserTaskCompleted(task.WaitId, actor.Name, variables), actor.Name);
            return (task, instance, onBehalfOf, tx.Buffer);
        }, ct, (PrelockWithInstancesAsync, taskId));
        // Committed, and no transaction holds these objects any more.
        var key = new EffectBuffer.WaitKey(task.InstanceId, task.WaitId);
        var ended = buffer.EndedTasks.Where(e => e.Key == key && e.State == "completed").Select(e => (DateTimeOffset?)e.At).FirstOrDefault();
        if (ended is null) return null;
        return new CompletedTask(taskId, task.InstanceId, task.ElementId, task.Name, task.Assignee, task.Groups, task.Users, task.DueAt, task.FollowUpAt,
            task.FormId, task.CreatedAt, ended.Value, actor.Name, onBehalfOf, instance.DefinitionKey, instance.BusinessKey, instance.State.CaseUnit, instance.State.Variables.DeepClone().AsObject());
    }

    /// <summary>Locks the task and its instance (task first, as <see cref="LockAsync"/> then a load would) and adds the instance to the transaction; null if either is missing.</summary>
    private static async Task<TaskRow?> LockWithInstanceAsync(StepTransaction tx, Guid taskId, CancellationToken ct)
    {
        await using var cmd = tx.Command($"""
            SELECT t.id, {TaskColumns}, {StepTransaction.InstanceColumns}
            FROM pppk.user_tasks t JOIN pppk.instances i ON i.id = t.instance_id AND i.state IS NOT NULL
            WHERE t.id = @id FOR UPDATE OF t, i
            """);
        cmd.Parameters.AddWithValue("id", taskId);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ReadWithInstance(tx, reader).Task : null;
    }

    /// <summary>The same for the tasks of several grouped completions, in one query and in instance order.</summary>
    private static async Task PrelockWithInstancesAsync(StepTransaction tx, Guid[] taskIds, CancellationToken ct)
    {
        await using var cmd = tx.Command($"""
            SELECT t.id, {TaskColumns}, {StepTransaction.InstanceColumns}
            FROM pppk.user_tasks t JOIN pppk.instances i ON i.id = t.instance_id AND i.state IS NOT NULL
            WHERE t.id = ANY(@ids) ORDER BY i.id, t.id FOR UPDATE OF t, i
            """);
        cmd.Parameters.AddWithValue("ids", taskIds);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var (id, task) = ReadWithInstance(tx, reader);
            tx.Prelocked[id] = task;
        }
    }

    private static (Guid Id, TaskRow Task) ReadWithInstance(StepTransaction tx, NpgsqlDataReader reader)
    {
        var task = ReadTask(reader, 1);
        var instance = StepTransaction.ReadInstance(reader, 1 + TaskColumnCount); // after t.id and the task columns
        tx.Instances.TryAdd(instance.Id, instance);
        return (reader.GetGuid(0), task);
    }

    private static async Task<TaskRow> LockAsync(StepTransaction tx, Guid taskId, CancellationToken ct)
    {
        await using var cmd = tx.Command($"SELECT {TaskColumns} FROM pppk.user_tasks t WHERE t.id = @id FOR UPDATE");
        cmd.Parameters.AddWithValue("id", taskId);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) throw WorkflowException.NotFound($"No task {taskId}.");
        return ReadTask(reader, 0);
    }

    /// <summary>
    /// A claimed task only by its assignee (hr-admin too reassigns rather than completes another's task); an unclaimed
    /// one by hr-admin, a candidate user or a member of a candidate group (API.md); either also by the substitute in force
    /// of a user who may. Answers that user (the one acted for), or null when the actor acts for themselves.
    /// </summary>
    private async Task<string?> EnsureMayCompleteAsync(StepTransaction tx, TaskRow task, Actor actor, CancellationToken ct)
    {
        if (task.Assignee is { } holder)
        {
            if (holder == actor.Name) return null;
            return await SubstitutedAsync(tx, actor, ct, absent => absent.User == holder)
                ?? throw new WorkflowException(403, TaskTexts.ClaimedByOther.Format(Label(task), holder));
        }
        if (actor.IsHrAdmin || IsCandidate(task, actor.Name, actor.Roles, actor.UnitCode)) return null;
        return await SubstitutedAsync(tx, actor, ct, absent => IsCandidate(task, absent.User, absent.Roles, absent.Unit)) ?? throw NotCandidate(task, actor);
    }

    /// <summary>The first user the actor substitutes now for whom <paramref name="may"/> holds; null if none.</summary>
    private async Task<string?> SubstitutedAsync(StepTransaction tx, Actor actor, CancellationToken ct, Func<(string User, string[] Roles, string? Unit), bool> may)
    {
        var absent = await SubstitutionLookup.InForceAsync(tx, actor.Name, _clock.GetUtcNow(), ct);
        return absent.Where(may).Select(a => a.User).FirstOrDefault();
    }

    /// <summary>
    /// 403 naming the task's candidates; but 404, as for a task that isn't there, when the actor would be a candidate
    /// were the task of their unit: a case of another unit does not exist for a unit-scoped member.
    /// </summary>
    private static WorkflowException NotCandidate(TaskRow task, Actor actor) =>
        task.Groups.Any(g => Users.Roles.IsUnitScoped(g) && actor.Roles.Contains(g))
            ? WorkflowException.NotFound($"No task {task.TaskId}.")
            : new(403, TaskTexts.NotCandidate.Format(Label(task), actor.Name, string.Join(", ", task.Groups), string.Join(", ", task.Users)));

    /// <summary>A candidate user, or a member of a candidate group (a unit-scoped group counts only in the task's unit: <see cref="Users.Roles.GroupsFor"/>).</summary>
    private static bool IsCandidate(TaskRow task, string user, IEnumerable<string> roles, string? unit) =>
        task.Users.Contains(user) || Users.Roles.GroupsFor(roles, unit, task.Unit).Any(task.Groups.Contains);

    private static void EnsureOpen(TaskRow task)
    {
        if (task.State != "open") throw new WorkflowException(409, TaskTexts.NotOpen.Format(Label(task), TaskTexts.State(task.State)));
    }

    /// <summary>How messages name a task: its name, else its element id.</summary>
    private static string Label(TaskRow task) => task.Name ?? task.ElementId;
}

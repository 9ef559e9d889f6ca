using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.Steps;
using Pppk.Workflow.Runtime.Substitutions;

namespace Pppk.Workflow.Runtime.UserTasks;

/// <summary>
/// Claiming and completing user tasks (their holder: <see cref="TaskService"/>'s other part). The task row is locked
/// first, so of two concurrent completions exactly one wins, and who may act is decided on the locked row.
/// </summary>
public sealed partial class TaskService
{
    private readonly StepRunner _runner;
    private readonly TimeProvider _clock;
    private readonly GroupScopes _scopes;
    private readonly ITaskCompletionRule[] _rules;

    internal TaskService(StepRunner runner, TimeProvider clock, GroupScopes scopes, IEnumerable<ITaskCompletionRule>? rules = null)
    {
        _runner = runner;
        _clock = clock;
        _scopes = scopes;
        _rules = [.. rules ?? []];
    }

    /// <summary>A task locked for a call, with its case's unit (for the unit-scoped candidate groups).</summary>
    private sealed record TaskRow(UserTaskRow Task, string? Unit)
    {
        public static TaskRow? Of((UserTaskRow Task, string? Unit)? locked) => locked is { } l ? new(l.Task, l.Unit) : null;
    }

    /// <summary>
    /// Completes the task and runs its instance on; answers with the task as the committed step left it (not read back),
    /// or null when the engine found its wait point already gone (the caller then reads the task).
    /// </summary>
    public async Task<TaskView?> CompleteAsync(Guid taskId, Actor actor, JsonObject? variables, CancellationToken ct)
    {
        var (task, onBehalfOf, outcome) = await _runner.RunGroupedAsync(async tx =>
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
            await tx.LoadAsync([task.Task.InstanceId], ct);
            var instance = tx.Find(task.Task.InstanceId) ?? throw WorkflowException.Conflict($"The instance of task {taskId} is no longer active.");
            foreach (var rule in _rules)
                await rule.CheckAsync(new(taskId, task.Task.InstanceId, task.Task.ElementId, task.Task.Name, task.Task.CreatedAt, instance.DefinitionId, tx.Connection, tx.Transaction), ct);
            if (onBehalfOf is not null) tx.Buffer.Tasks.ActFor(new(task.Task.InstanceId, task.Task.WaitId), onBehalfOf);
            tx.Enqueue(instance, new UserTaskCompleted(task.Task.WaitId, actor.Name, variables), actor.Name);
            return (task.Task, onBehalfOf, tx.Outcome);
        }, ct, (PrelockWithInstancesAsync, taskId));
        // Committed, and no transaction holds these objects any more.
        if (outcome.CompletedAt(new(task.InstanceId, task.WaitId)) is not { } ended) return null;
        var instance = outcome.Instances[task.InstanceId];
        return TaskView.Of(task with { State = "completed", EndedAt = ended, CompletedBy = actor.Name, OnBehalfOf = onBehalfOf },
            instance.DefinitionKey, instance.BusinessKey, instance.State.CaseUnit) with { Title = instance.State.CaseTitle };
    }

    /// <summary>Locks the task and its instance (task first, as <see cref="LockAsync"/> then a load would) and adds the instance to the transaction; null if either is missing.</summary>
    private static async Task<TaskRow?> LockWithInstanceAsync(StepTransaction tx, Guid taskId, CancellationToken ct) =>
        (await UserTaskTable.LockWithInstancesAsync(tx, [taskId], ct)).Select(l => new TaskRow(l.Task, l.Unit)).FirstOrDefault();

    /// <summary>The same for the tasks of several grouped completions, in one query and in instance order.</summary>
    private static async Task PrelockWithInstancesAsync(StepTransaction tx, Guid[] taskIds, CancellationToken ct)
    {
        foreach (var (task, unit) in await UserTaskTable.LockWithInstancesAsync(tx, taskIds, ct))
            tx.Prelocked[task.Id] = new TaskRow(task, unit);
    }

    private static async Task<TaskRow> LockAsync(StepTransaction tx, Guid taskId, CancellationToken ct) =>
        TaskRow.Of(await UserTaskTable.LockAsync(tx, taskId, ct)) ?? throw WorkflowException.NotFound($"No task {taskId}.");

    /// <summary>
    /// A claimed task only by its assignee (an administrator too reassigns rather than completes another's task); an unclaimed
    /// one by an administrator, a candidate user or a member of a candidate group (docs/api.md); either also by the substitute in force
    /// of a user who may. Answers that user (the one acted for), or null when the actor acts for themselves.
    /// </summary>
    private async Task<string?> EnsureMayCompleteAsync(StepTransaction tx, TaskRow task, Actor actor, CancellationToken ct)
    {
        if (task.Task.Assignee is { } holder)
        {
            if (holder == actor.Name) return null;
            return await SubstitutedAsync(tx, actor, ct, absent => absent.User == holder)
                ?? throw new WorkflowException(403, TaskTexts.ClaimedByOther.Format(Label(task), holder, _scopes.Administrators));
        }
        if (_scopes.IsAdministrator(actor) || IsCandidate(task, actor.Name, actor.Roles, actor.UnitCode)) return null;
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
    private WorkflowException NotCandidate(TaskRow task, Actor actor) =>
        task.Task.CandidateGroups.Any(g => _scopes.IsUnitScoped(g) && actor.Roles.Contains(g))
            ? WorkflowException.NotFound($"No task {task.Task.Id}.")
            : new(403, TaskTexts.NotCandidate.Format(Label(task), actor.Name, string.Join(", ", task.Task.CandidateGroups), string.Join(", ", task.Task.CandidateUsers)));

    /// <summary>A candidate user, or a member of a candidate group (a unit-scoped group counts only in the task's unit: <see cref="GroupScopes.GroupsFor"/>).</summary>
    private bool IsCandidate(TaskRow task, string user, IEnumerable<string> roles, string? unit) =>
        task.Task.CandidateUsers.Contains(user) || _scopes.GroupsFor(roles, unit, task.Unit).Any(task.Task.CandidateGroups.Contains);

    private static void EnsureOpen(TaskRow task)
    {
        if (task.Task.State != "open") throw new WorkflowException(409, TaskTexts.NotOpen.Format(Label(task), TaskTexts.State(task.Task.State)));
    }

    /// <summary>How messages name a task: its name, else its element id.</summary>
    private static string Label(TaskRow task) => task.Task.Name ?? task.Task.ElementId;
}

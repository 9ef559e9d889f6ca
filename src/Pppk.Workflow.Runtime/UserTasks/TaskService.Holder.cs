using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.People;
using Pppk.Workflow.Runtime.Steps;

namespace Pppk.Workflow.Runtime.UserTasks;

/// <summary>
/// Who holds a task: claim, release (unclaim) and hand over (assign), each on the locked task row and recorded in its
/// instance's audit (<c>claim</c>, <c>unclaim</c>, <c>assign</c> with the task, the new and the previous assignee), and
/// each runs the task's assigning listeners in the same transaction.
/// </summary>
public sealed partial class TaskService
{
    /// <summary>A candidate takes an open task for themselves; an administrator may claim it for anyone, or take it over.</summary>
    public async Task ClaimAsync(Guid taskId, Actor actor, string? assignee, CancellationToken ct)
    {
        await _runner.RunAsync(async tx =>
        {
            var task = await LockAsync(tx, taskId, ct);
            EnsureOpen(task);
            var target = string.IsNullOrWhiteSpace(assignee) ? actor.Name : assignee;
            if (!_scopes.IsAdministrator(actor))
            {
                if (target != actor.Name) throw new WorkflowException(403, TaskTexts.ClaimForOther.Format(Label(task), _scopes.Administrators));
                if (task.Task.Assignee != actor.Name)
                {
                    // A substitute in force may take a task offered to the user they stand in for.
                    if (!IsCandidate(task, actor.Name, actor.Roles, actor.UnitCode)
                        && await SubstitutedAsync(tx, actor, ct, absent => IsCandidate(task, absent.User, absent.Roles, absent.Unit)) is null)
                        throw NotCandidate(task, actor);
                    if (task.Task.Assignee is { } holder) throw new WorkflowException(409, TaskTexts.AlreadyClaimed.Format(Label(task), holder));
                }
            }
            await SetAssigneeAsync(tx, taskId, task, target, actor, "claim", ct);
        }, ct);
    }

    /// <summary>The assignee (or an administrator) gives the task back to its candidate groups and users.</summary>
    public async Task UnclaimAsync(Guid taskId, Actor actor, CancellationToken ct)
    {
        await _runner.RunAsync(async tx =>
        {
            var task = await LockAsync(tx, taskId, ct);
            EnsureOpen(task);
            if (task.Task.Assignee is not { } holder) throw new WorkflowException(409, TaskTexts.NotClaimed.Format(Label(task)));
            if (holder != actor.Name && !_scopes.IsAdministrator(actor)) throw new WorkflowException(403, TaskTexts.UnclaimForbidden.Format(Label(task), holder, _scopes.Administrators));
            // Released with no one to offer it to, the task would sit where only the administrators see it.
            if (task.Task.CandidateGroups.Length == 0 && task.Task.CandidateUsers.Length == 0) throw new WorkflowException(409, TaskTexts.NoCandidates.Format(Label(task), _scopes.Administrators));
            await SetAssigneeAsync(tx, taskId, task, null, actor, "unclaim", ct);
        }, ct);
    }

    /// <summary>
    /// Hands the task to an existing user: an administrator to anyone; the assignee only to another candidate of the task (a
    /// candidate user or a member of a candidate group). Answers with the user name as stored (the sign-in name).
    /// </summary>
    public async Task<string> AssignAsync(Guid taskId, Actor actor, string? assignee, CancellationToken ct)
    {
        return await _runner.RunAsync(async tx =>
        {
            var task = await LockAsync(tx, taskId, ct);
            EnsureOpen(task);
            if (!_scopes.IsAdministrator(actor) && task.Task.Assignee != actor.Name)
                throw new WorkflowException(403, TaskTexts.AssignForbidden.Format(Label(task), (object?)task.Task.Assignee ?? TaskTexts.Nobody, _scopes.Administrators));
            if (string.IsNullOrWhiteSpace(assignee)) throw new WorkflowException(400, TaskTexts.AssigneeRequired.Format(Label(task)));
            var (name, roles, unit, _, _) = await Principals.FindAsync(tx.Command, assignee.Trim(), ct)
                ?? throw new WorkflowException(400, TaskTexts.UnknownAssignee.Format(Label(task), assignee.Trim()));
            if (!_scopes.IsAdministrator(actor) && !IsCandidate(task, name, roles, unit))
                throw new WorkflowException(403, TaskTexts.AssignNotCandidate.Format(Label(task), name, string.Join(", ", task.Task.CandidateGroups), string.Join(", ", task.Task.CandidateUsers), _scopes.Administrators));
            await SetAssigneeAsync(tx, taskId, task, name, actor, "assign", ct);
            return name;
        }, ct);
    }

    private async Task SetAssigneeAsync(StepTransaction tx, Guid taskId, TaskRow task, string? assignee, Actor actor, string action, CancellationToken ct)
    {
        if (assignee == task.Task.Assignee) return; // claimed again by its holder: nothing changes, nothing to record
        await UserTaskTable.SetAssigneeAsync(tx, taskId, assignee, ct);
        var details = new JsonObject
        {
            ["taskId"] = taskId, ["elementId"] = task.Task.ElementId, ["assignee"] = assignee, ["previousAssignee"] = task.Task.Assignee,
        };
        tx.Buffer.Audit.Record(task.Task.InstanceId, _clock.GetUtcNow(), actor.Name, action, details.ToJsonString());
        // The task's assigning listeners (if it has any: the engine decides) start in this transaction.
        await tx.LoadAsync([task.Task.InstanceId], ct);
        if (tx.Find(task.Task.InstanceId) is { } instance) tx.Enqueue(instance, new TaskAssigned(task.Task.WaitId, assignee), actor.Name);
    }
}

using System.Text.Json.Nodes;
using Npgsql;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.Steps;
using Pppk.Workflow.Runtime.Users;

namespace Pppk.Workflow.Runtime.UserTasks;

/// <summary>The person acting: user name and roles (roles are also the candidate groups).</summary>
public sealed record Actor(string Name, IReadOnlyCollection<string> Roles)
{
    public bool IsHrAdmin => Roles.Contains(Users.Roles.HrAdmin);
}

/// <summary>Claiming and completing user tasks. The task row is locked first, so of two concurrent completions exactly one wins.</summary>
public sealed class TaskService
{
    private readonly StepRunner _runner;

    internal TaskService(StepRunner runner) => _runner = runner;

    private sealed record TaskRow(Guid InstanceId, long WaitId, string State, string? Assignee, string[] Groups, string[] Users);

    public async Task CompleteAsync(Guid taskId, Actor actor, JsonObject? variables, CancellationToken ct)
    {
        await _runner.RunGroupedAsync(async tx =>
        {
            // The task and its instance are locked in one round trip (for all the completions grouped with this one, if
            // any); the separate lock and load only when that finds nothing (to say why).
            var task = tx.Prelocked.Remove(taskId, out var row) ? (TaskRow)row
                : await LockWithInstanceAsync(tx, taskId, ct) ?? await LockAsync(tx, taskId, ct);
            if (task.State != "open") throw WorkflowException.Conflict($"Task {taskId} is {task.State}; only an open task can be completed.");
            if (!MayAct(task, actor))
                throw WorkflowException.Forbidden($"{actor.Name} may not complete task {taskId}: it is for {Describe(task)}.");
            // Two completions grouped into one transaction both see the row still open: the second one loses here.
            if (!tx.CompletingTasks.Add(taskId)) throw WorkflowException.Conflict($"Task {taskId} is completed; only an open task can be completed.");
            await tx.LoadAsync([task.InstanceId], ct);
            var instance = tx.Find(task.InstanceId) ?? throw WorkflowException.Conflict($"The instance of task {taskId} is no longer active.");
            tx.Enqueue(instance, new UserTaskCompleted(task.WaitId, actor.Name, variables), actor.Name);
        }, ct, (PrelockWithInstancesAsync, taskId));
    }

    public async Task ClaimAsync(Guid taskId, Actor actor, string? assignee, CancellationToken ct)
    {
        await _runner.RunAsync(async tx =>
        {
            var task = await LockAsync(tx, taskId, ct);
            if (task.State != "open") throw WorkflowException.Conflict($"Task {taskId} is {task.State}.");
            var target = string.IsNullOrWhiteSpace(assignee) ? actor.Name : assignee;
            // Staff claim for themselves among the candidates; only hr-admin assigns to someone else or takes over.
            if (!actor.IsHrAdmin)
            {
                if (target != actor.Name) throw WorkflowException.Forbidden("Only hr-admin may assign a task to someone else.");
                if (!MayAct(task, actor)) throw WorkflowException.Forbidden($"{actor.Name} may not claim task {taskId}: it is for {Describe(task)}.");
                if (task.Assignee is not null && task.Assignee != actor.Name) throw WorkflowException.Conflict($"Task {taskId} is already claimed by {task.Assignee}.");
            }
            await using var cmd = tx.Command("UPDATE pppk.user_tasks SET assignee = @a WHERE id = @id");
            cmd.Parameters.AddWithValue("a", target);
            cmd.Parameters.AddWithValue("id", taskId);
            await cmd.ExecuteNonQueryAsync(ct);
        }, ct);
    }

    /// <summary>Locks the task and its instance (task first, as <see cref="LockAsync"/> then a load would) and adds the instance to the transaction; null if either is missing.</summary>
    private static async Task<TaskRow?> LockWithInstanceAsync(StepTransaction tx, Guid taskId, CancellationToken ct)
    {
        await using var cmd = tx.Command($"""
            SELECT t.id, t.instance_id, t.wait_id, t.state, t.assignee, t.candidate_groups, t.candidate_users, {StepTransaction.InstanceColumns}
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
            SELECT t.id, t.instance_id, t.wait_id, t.state, t.assignee, t.candidate_groups, t.candidate_users, {StepTransaction.InstanceColumns}
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
        var task = new TaskRow(reader.GetGuid(1), reader.GetInt64(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.GetFieldValue<string[]>(5), reader.GetFieldValue<string[]>(6));
        var instance = StepTransaction.ReadInstance(reader, 7);
        tx.Instances.TryAdd(instance.Id, instance);
        return (reader.GetGuid(0), task);
    }

    private static async Task<TaskRow> LockAsync(StepTransaction tx, Guid taskId, CancellationToken ct)
    {
        await using var cmd = tx.Command("SELECT instance_id, wait_id, state, assignee, candidate_groups, candidate_users FROM pppk.user_tasks WHERE id = @id FOR UPDATE");
        cmd.Parameters.AddWithValue("id", taskId);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) throw WorkflowException.NotFound($"No task {taskId}.");
        return new TaskRow(reader.GetGuid(0), reader.GetInt64(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.GetFieldValue<string[]>(4), reader.GetFieldValue<string[]>(5));
    }

    /// <summary>hr-admin, the assignee, a candidate user, or a member of a candidate group (API.md).</summary>
    private static bool MayAct(TaskRow task, Actor actor) =>
        actor.IsHrAdmin || task.Assignee == actor.Name || task.Users.Contains(actor.Name) || task.Groups.Any(actor.Roles.Contains);

    private static string Describe(TaskRow task) =>
        task.Assignee is not null ? $"assignee {task.Assignee}"
        : $"candidate groups [{string.Join(", ", task.Groups)}] and users [{string.Join(", ", task.Users)}]";
}

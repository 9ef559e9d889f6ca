using Npgsql;

namespace Pppk.Workflow.Runtime.UserTasks;

/// <summary>A task about to be completed, as a <see cref="ITaskCompletionRule"/> sees it: on the completing step's locked connection.</summary>
public sealed record TaskCompletion(Guid TaskId, Guid InstanceId, string ElementId, string? TaskName, DateTimeOffset TaskCreatedAt, long DefinitionId,
    NpgsqlConnection Connection, NpgsqlTransaction Transaction);

/// <summary>
/// A rule outside the runtime (a domain's) that may refuse a completion by throwing a <see cref="Engine.Execution.WorkflowException"/>;
/// checked after who may complete, with the task row locked, so what it reads cannot change under it.
/// </summary>
public interface ITaskCompletionRule
{
    Task CheckAsync(TaskCompletion task, CancellationToken ct);
}

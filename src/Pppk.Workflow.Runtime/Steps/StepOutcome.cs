using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Runtime.Steps;

/// <summary>
/// What a transaction's steps committed, for the services' answers (built from memory, not read back): the user tasks
/// opened and still open, the tasks ended, and the instances as committed. Read only once the transaction committed.
/// </summary>
internal sealed class StepOutcome
{
    private IReadOnlyList<UserTaskRow>? _opened;
    private IReadOnlyList<UserTaskTable.Ended>? _ended;
    private IReadOnlyDictionary<Guid, LoadedInstance>? _instances;

    /// <summary>Tasks the steps opened that are still open (a task opened and ended in one transaction is not here).</summary>
    public IReadOnlyList<UserTaskRow> TasksOpened => _opened ?? throw NotCommitted();

    public IReadOnlyList<UserTaskTable.Ended> TasksEnded => _ended ?? throw NotCommitted();

    /// <summary>The instances of the transaction as committed; nothing changes them any more.</summary>
    public IReadOnlyDictionary<Guid, LoadedInstance> Instances => _instances ?? throw NotCommitted();

    /// <summary>The moment of <paramref name="key"/>'s completion in these steps; null if they did not complete it.</summary>
    public DateTimeOffset? CompletedAt(EffectBuffer.WaitKey key) =>
        TasksEnded.Where(e => e.Key == key && e.State == "completed").Select(e => (DateTimeOffset?)e.At).FirstOrDefault();

    /// <summary>Called once the batch with COMMIT succeeded.</summary>
    public void Committed(EffectBuffer buffer, IReadOnlyDictionary<Guid, LoadedInstance> instances)
    {
        var ended = buffer.Tasks.Ends.Select(e => e.Key).ToHashSet();
        _opened = buffer.Tasks.Opened.Where(t => !ended.Contains(new(t.InstanceId, t.WaitId))).ToList();
        _ended = buffer.Tasks.Ends;
        _instances = instances;
    }

    private static InvalidOperationException NotCommitted() => new("The step outcome is read before its transaction committed.");
}

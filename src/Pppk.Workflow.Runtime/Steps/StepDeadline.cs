using Pppk.Workflow.Engine.Execution;

namespace Pppk.Workflow.Runtime.Steps;

/// <summary>Where a transaction was when its deadline passed: its body, the engine on a trigger, or an inline handler.</summary>
internal enum OverrunPhase { Body, Engine, Handler }

/// <summary>
/// A step that ran past its deadline. <see cref="Key"/> recognizes the same step when its transaction runs again: the
/// instance (or, for one started in the transaction, its definition) with the trigger or the handler's element and wait.
/// </summary>
internal sealed record Overrun(OverrunPhase Phase, string Key, Guid? InstanceId, string? DefinitionKey, string? ElementId)
{
    // An existing instance's trigger by its kind and wait point (a job result's variables may differ when the job runs again).
    public static string EngineKey(LoadedInstance instance, Trigger trigger) => instance.IsNew
        ? $"{Scope(instance)}|engine|{trigger}"
        : $"{Scope(instance)}|engine|{trigger.GetType().Name}:{OverrunSteps.WaitIdOf(trigger)}";

    // The variables tell apart new instances of one definition in a batch; an existing instance is enough by itself.
    public static string HandlerKey(LoadedInstance instance, JobCreated job) =>
        $"{Scope(instance)}|job|{job.ElementId}|{job.WaitId}|{(instance.IsNew ? job.Variables.ToJsonString() : "")}";

    private static string Scope(LoadedInstance instance) => instance.IsNew ? $"new:{instance.DefinitionId}" : instance.Id.ToString("N");
}

/// <summary>
/// The deadline of a step transaction. Each phase (the body, each trigger's step with its inline handlers) gets
/// <c>timeout</c>; past it <see cref="Token"/> is cancelled and <see cref="Expired"/> completes with what was running, even
/// when that code ignores the token (the runner then abandons the transaction). Once <see cref="Commit"/> is called the
/// deadline no longer applies, so a commit is never mistaken for an overrun.
/// </summary>
internal sealed class StepDeadline : IDisposable
{
    private const int Running = 0, Committing = 1, Expiring = 2;

    private sealed record Phase(LoadedInstance? Instance, Trigger? Trigger, JobCreated? Job);

    private readonly TimeSpan _timeout;
    private readonly CancellationTokenSource _timer = new();
    private readonly CancellationTokenSource _token;
    private readonly TaskCompletionSource<Overrun> _expired = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Phase _phase = new(null, null, null);
    private int _state;

    public StepDeadline(TimeSpan timeout, CancellationToken ct)
    {
        _timeout = timeout;
        _token = CancellationTokenSource.CreateLinkedTokenSource(ct, _timer.Token);
        _timer.Token.Register(() => TryExpire());
        _timer.CancelAfter(timeout);
    }

    public TimeSpan Timeout => _timeout;

    /// <summary>Cancelled when the caller cancels or the deadline passes.</summary>
    public CancellationToken Token => _token.Token;

    public Task<Overrun> Expired => _expired.Task;

    /// <summary>A trigger's step begins: the deadline starts again.</summary>
    public void Step(LoadedInstance instance, Trigger trigger)
    {
        Volatile.Write(ref _phase, new Phase(instance, trigger, null));
        _timer.CancelAfter(_timeout);
    }

    /// <summary>An inline handler runs (within its step's deadline), or returned (<paramref name="job"/> null).</summary>
    public void Handler(JobCreated? job)
    {
        var phase = Volatile.Read(ref _phase);
        Volatile.Write(ref _phase, phase with { Job = job });
    }

    /// <summary>The work is about to commit; throws if the deadline passed first.</summary>
    public void Commit()
    {
        if (Interlocked.CompareExchange(ref _state, Committing, Running) != Running)
            throw new OperationCanceledException("The step ran past its deadline.");
    }

    /// <summary>The overrun, if the deadline has passed before the commit began; null otherwise.</summary>
    public Overrun? TryExpire()
    {
        if (!_timer.IsCancellationRequested) return null;
        var before = Interlocked.CompareExchange(ref _state, Expiring, Running);
        if (before == Committing) return null;
        if (before == Running) _expired.TrySetResult(Describe(Volatile.Read(ref _phase)));
        return _expired.Task.Result;
    }

    private static Overrun Describe(Phase phase) => phase switch
    {
        { Instance: { } i, Job: { } job } => new(OverrunPhase.Handler, Overrun.HandlerKey(i, job), i.Id, i.DefinitionKey, job.ElementId),
        { Instance: { } i, Trigger: { } t } => new(OverrunPhase.Engine, Overrun.EngineKey(i, t), i.Id, i.DefinitionKey, null),
        _ => new(OverrunPhase.Body, "", null, null, null),
    };

    public void Dispose()
    {
        _token.Dispose();
        _timer.Dispose();
    }
}

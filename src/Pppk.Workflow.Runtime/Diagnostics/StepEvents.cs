using Microsoft.Extensions.Logging;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Runtime.Steps;

namespace Pppk.Workflow.Runtime.Diagnostics;

/// <summary>
/// The compact events of one step transaction's steps and inline jobs, written once it committed: a rolled-back
/// transaction (retried, or run again call by call after a grouped one failed) logs nothing, so each step is logged once.
/// A step goes into the <see cref="StepLog"/> of the call that queued its instance (the request's event), else its own
/// event. A grouped transaction runs calls of several requests: each call's body names its log (<see cref="From"/>),
/// an instance keeps the log of the call that first queued it, and what a step queues (a child, a follow-up) follows it.
/// </summary>
internal sealed class StepEvents
{
    private StepLog? _origin = StepLog.Current;
    private Dictionary<Guid, StepLog?>? _byInstance;
    private List<(LoggedStep Step, StepLog? Log)>? _steps;
    private List<(string JobType, Guid InstanceId, string ElementId, string Outcome, double Elapsed)>? _jobs;

    /// <summary>A grouped call's body runs next: what it queues belongs to <paramref name="log"/>.</summary>
    public void From(StepLog? log) => _origin = log;

    /// <summary>A trigger for <paramref name="instanceId"/> was queued.</summary>
    public void Queued(Guid instanceId) => (_byInstance ??= []).TryAdd(instanceId, _origin);

    /// <summary>A trigger for <paramref name="instanceId"/> runs: what it queues belongs where that instance belongs.</summary>
    public void Running(Guid instanceId)
    {
        if (_byInstance is not null && _byInstance.TryGetValue(instanceId, out var log)) _origin = log;
    }

    public void Step(LoadedInstance instance, Trigger trigger) =>
        (_steps ??= []).Add((new LoggedStep(trigger.GetType().Name, instance.Id, instance.DefinitionKey, instance.Version), _origin));

    public void Job(string jobType, Guid instanceId, string elementId, string outcome, double elapsed) =>
        (_jobs ??= []).Add((jobType, instanceId, elementId, outcome, elapsed));

    /// <summary>Writes the events; call once the transaction committed.</summary>
    public void Committed(ILogger logger)
    {
        if (_steps is not null)
            foreach (var (step, log) in _steps)
                if (log is null || !log.TryAdd(step))
                    RuntimeLog.Step(logger, step.Trigger, step.InstanceId, step.DefinitionKey, step.Version);
        if (_jobs is not null)
            foreach (var job in _jobs)
                RuntimeLog.Job(logger, job.JobType, job.InstanceId, job.ElementId, job.Outcome, job.Elapsed);
    }
}

using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Runtime.Steps;

/// <summary>
/// Settles a step that ran past its deadline when its work runs again (see <see cref="StepRunner"/>): it is not run a second
/// time. An inline handler's job fails with no retries left (the engine raises the job's incident); a wait point's trigger
/// (timer, job result, message, child result) leaves an incident on the waiting element; a call activity's child start fails
/// into the parent (an incident on the call activity); a step a caller asked for (start, task completion, cancel, variables,
/// retry) is refused with nothing changed.
/// </summary>
internal static class OverrunSteps
{
    public static bool IsKnown(StepTransaction tx, string key) => tx.Overruns.Exists(o => o.Key == key);

    /// <summary>What the inline handler's job reports instead of running again.</summary>
    public static Trigger HandlerResult(StepTransaction tx, JobCreated job)
    {
        var reason = StepTexts.HandlerOverran.Format(StepTexts.Seconds(tx.Deadline.Timeout));
        return new JobFailed(job.WaitId, reason.ToString(), 0, Reason: reason);
    }

    /// <summary>What the engine's part of the step records instead of running again.</summary>
    public static StepResult EngineResult(StepTransaction tx, LoadedInstance instance, Trigger trigger)
    {
        var timeout = StepTexts.Seconds(tx.Deadline.Timeout);
        if (trigger is StartTrigger { ParentWaitId: { } parentWait } && instance.ParentInstanceId is { } parentId && tx.Find(parentId) is { } parent)
        {
            tx.Enqueue(parent, new ChildStartFailed(parentWait, StepTexts.ChildStartOverran.Format(timeout)), null);
            return new StepResult(instance.State, [], "Its first step ran past the deadline; the call activity has the incident.");
        }
        if (WaitIdOf(trigger) is not { } waitId)
            throw new WorkflowException(422, StepTexts.CallOverran.Format(instance.DefinitionKey, timeout));
        var state = instance.State.Clone();
        if (state.WaitPoints.Find(w => w.Id == waitId) is not { } wait || state.Find(wait.ElementInstanceKey) is not { } owner)
            return new StepResult(instance.State, [], $"Wait point {waitId} no longer exists; the step that ran past the deadline is dropped.");
        var message = StepTexts.StepOverran.Format(owner.ElementId, timeout);
        owner.Status = ElementInstanceStatus.Failed;
        var incident = new Incident { Id = state.NewKey(), ElementInstanceKey = owner.Key, ElementId = owner.ElementId, Message = message.ToString() };
        state.Incidents.Add(incident);
        return new StepResult(state, [new IncidentRaised(incident.Id, owner.Key, owner.ElementId, message)]);
    }

    /// <summary>The wait point a trigger reports to; null for a caller's own step (start, task completion, cancel, variables, retry).</summary>
    public static long? WaitIdOf(Trigger trigger) => trigger switch
    {
        TimerFired t => t.WaitId,
        MessageCorrelated t => t.WaitId,
        JobCompleted t => t.WaitId,
        JobFailed t => t.WaitId,
        JobThrewError t => t.WaitId,
        ChildCompleted t => t.WaitId,
        ChildFailed t => t.WaitId,
        ChildStartFailed t => t.WaitId,
        _ => null,
    };
}

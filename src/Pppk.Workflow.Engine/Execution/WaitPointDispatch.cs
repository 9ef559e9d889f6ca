using Pppk.Workflow.Engine.Behaviors;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Execution;

/// <summary>Routes a trigger to the wait point it names: the element's own wait, a boundary event, or an event-based gateway target.</summary>
internal static class WaitPointDispatch
{
    public static string? Handle(StepContext context, Trigger trigger)
    {
        var (waitId, kind) = trigger switch
        {
            UserTaskCompleted t => (t.WaitId, WaitKind.UserTask),
            TimerFired t => (t.WaitId, WaitKind.Timer),
            MessageCorrelated t => (t.WaitId, WaitKind.Message),
            JobCompleted t => (t.WaitId, WaitKind.Job),
            JobFailed t => (t.WaitId, WaitKind.Job),
            JobThrewError t => (t.WaitId, WaitKind.Job),
            ChildCompleted t => (t.WaitId, WaitKind.ChildInstance),
            ChildFailed t => (t.WaitId, WaitKind.ChildInstance),
            ChildStartFailed t => (t.WaitId, WaitKind.ChildInstance),
            _ => throw new ArgumentException($"Unknown trigger {trigger.GetType().Name}.", nameof(trigger)),
        };
        var state = context.State;
        var wait = state.WaitPoints.Find(w => w.Id == waitId);
        if (wait is null)
            return $"Wait point {waitId} no longer exists (its element was completed or withdrawn); the {trigger.GetType().Name} is ignored.";
        if (wait.Kind != kind)
            return $"Wait point {waitId} is a {wait.Kind}, not a {kind}; the {trigger.GetType().Name} is ignored.";
        if (state.Find(wait.ElementInstanceKey) is not { } owner)
            return $"Wait point {waitId} has no live element; ignored.";

        if (wait.EventId is { } eventId)
        {
            var variables = (trigger as MessageCorrelated)?.Variables;
            var eventNode = context.Model.Node(eventId);
            if (owner.Kind != ElementInstanceKind.Process && context.Model.Node(owner.ElementId).Type == "eventBasedGateway")
                return EventGatewayFired(context, owner, wait, eventNode, variables);
            return BoundaryFired(context, owner, wait, eventNode, variables);
        }

        switch (trigger)
        {
            case JobFailed failed:
                return JobFailed(context, owner, wait, failed);
            case JobThrewError error:
                context.ConsumeWait(wait);
                context.ThrowError(owner, error.ErrorCode, error.Message, WorkflowEngine.Copy(error.Variables));
                return null;
            case ChildFailed child:
                context.ConsumeWait(wait);
                context.ThrowError(owner, child.ErrorCode, child.Message);
                return null;
            case ChildStartFailed start:
                context.ConsumeWait(wait);
                context.RaiseIncident(owner, IncidentTexts.CalledProcessNotStarted.Format(owner.ElementId, start.Message));
                return null;
        }
        ResolveJobIncident(context, owner);
        context.ConsumeWait(wait);
        var node = context.Model.Node(owner.ElementId);
        var completion = trigger switch
        {
            UserTaskCompleted t => t.Variables,
            MessageCorrelated t => t.Variables,
            JobCompleted t => t.Variables,
            ChildCompleted t => node.CalledElement?.PropagateAllChildVariables == false && node.Outputs.Count == 0 ? null : t.Variables,
            _ => null,
        };
        context.Complete(owner, WorkflowEngine.Copy(completion), (trigger as UserTaskCompleted)?.CompletedBy);
        return null;
    }

    private static string? BoundaryFired(StepContext context, ElementInstance host, WaitPoint wait, FlowNode boundary, System.Text.Json.Nodes.JsonObject? variables)
    {
        var scopeKey = host.ScopeKey!.Value;
        if (boundary.CancelActivity)
        {
            context.ConsumeWait(wait);
            context.Terminate(host);
        }
        else if (wait.Kind == WaitKind.Timer && NextOccurrence(context, wait) is { } next)
        {
            // a repeating reminder: same wait id, next due time, while the activity lives
            wait.Fired++;
            wait.DueAt = next;
            context.Emit(new TimerScheduled(wait.Id, wait.ElementId, next));
        }
        else if (wait.Kind == WaitKind.Message)
        {
            // stays open: a non-interrupting subscription catches every message while the activity lives
        }
        else
            context.ConsumeWait(wait);
        context.EnqueueActivate(boundary, scopeKey, triggered: true, eventVariables: WorkflowEngine.Copy(variables));
        return null;
    }

    private static DateTimeOffset? NextOccurrence(StepContext context, WaitPoint wait)
    {
        wait.Fired++;
        var next = context.NextOccurrence(wait);
        wait.Fired--;
        return next;
    }

    private static string? EventGatewayFired(StepContext context, ElementInstance gateway, WaitPoint wait, FlowNode target, System.Text.Json.Nodes.JsonObject? variables)
    {
        context.ConsumeWait(wait);
        var flow = gateway.ScopeKey!.Value;
        context.CloseWaitPoints(gateway.Key);
        context.Remove(gateway, terminated: false);
        context.EnqueueActivate(target, flow, triggered: true, eventVariables: WorkflowEngine.Copy(variables));
        return null;
    }

    private static string? JobFailed(StepContext context, ElementInstance owner, WaitPoint wait, JobFailed failed)
    {
        wait.Retries = Math.Max(0, failed.RetriesLeft);
        if (failed.RetriesLeft > 0)
        {
            var node = context.Model.Node(owner.ElementId);
            context.Emit(new JobCreated(wait.Id, wait.ElementId, wait.JobType!, failed.RetriesLeft, context.VisibleVariables(owner), node.Headers, context.Now + failed.Backoff));
            return null;
        }
        if (context.State.Incidents.Exists(i => i.WaitId == wait.Id))
            return $"Job {wait.Id} already has an open incident.";
        context.RaiseIncident(owner, IncidentTexts.JobRetriesSpent.Format(wait.JobType, owner.ElementId, failed.Reason ?? (object)failed.Message),
            kind: IncidentKind.Job, waitId: wait.Id);
        return null;
    }

    /// <summary>A job that completes after an incident was raised for it (a late report): the incident is resolved by the completion.</summary>
    private static void ResolveJobIncident(StepContext context, ElementInstance owner)
    {
        foreach (var incident in context.State.Incidents.Where(i => i.ElementInstanceKey == owner.Key).ToList())
        {
            context.State.Incidents.Remove(incident);
            context.Emit(new IncidentResolved(incident.Id));
        }
    }
}

using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>
/// Execution and task listeners: the jobs an element waits for, one after another, before or after it runs (as Camunda
/// 8.6+). Each is a job like a service task's (handlers, retries, incidents); when the last completes, the element goes
/// on where it stopped (assigning listeners run beside an open task, which waits on). A listener cannot throw a BPMN error: that is an incident.
/// </summary>
internal static class ListenerChain
{
    /// <summary>The header a listener's job carries, so a handler can tell it from a task's job.</summary>
    public const string PhaseHeader = "pppk.listener";

    /// <summary>The header an assigning listener's job carries: the task's new assignee (absent when the task was released).</summary>
    public const string AssigneeHeader = "pppk.assignee";

    public static List<ListenerSettings> Of(FlowNode node, ListenerPhase phase) =>
        (phase is ListenerPhase.Start or ListenerPhase.End ? node.ExecutionListeners : node.TaskListeners).Where(l => l.Phase == phase).ToList();

    /// <summary>Whether the element has listeners of <paramref name="phase"/>; allocation-free, as every activation and completion asks.</summary>
    public static bool Has(FlowNode node, ListenerPhase phase)
    {
        var listeners = phase is ListenerPhase.Start or ListenerPhase.End ? node.ExecutionListeners : node.TaskListeners;
        for (var i = 0; i < listeners.Count; i++)
            if (listeners[i].Phase == phase)
                return true;
        return false;
    }

    /// <summary>Starts the element's listeners of <paramref name="phase"/>; false when it has none (the caller goes on at once).</summary>
    public static bool Begin(StepContext context, ElementInstance instance, FlowNode node, ListenerPhase phase, string? completedBy = null, JsonObject? carried = null)
    {
        if (instance.Kind is not (ElementInstanceKind.Element or ElementInstanceKind.Process) || !Has(node, phase))
            return false;
        Next(context, instance, node, phase, 0, completedBy, carried);
        return true;
    }

    /// <summary>Starts the process's own start listeners; when they are done the instance goes on at <paramref name="startEvent"/>. False when it has none.</summary>
    public static bool BeginProcess(StepContext context, ElementInstance root, FlowNode startEvent) =>
        Begin(context, root, context.Model.Process.ListenerNode, ListenerPhase.Start, carried: new JsonObject { [StartEventKey] = startEvent.Id });

    // Where a process's start listeners leave the start event to activate once they are done.
    private const string StartEventKey = "startEvent";

    private static void Next(StepContext context, ElementInstance instance, FlowNode node, ListenerPhase phase, int index, string? completedBy, JsonObject? carried)
    {
        var listener = Of(node, phase)[index];
        if (!JobTaskBehavior.TryEvaluate(context, instance, node, listener.Type, listener.Retries, "listener type", out var type, out var retries))
            return;
        var wait = context.WaitPoints.Add(new WaitPoint
        {
            Id = context.State.NewKey(), Kind = WaitKind.Job, ElementInstanceKey = instance.Key, ElementId = node.Id, JobType = type, Retries = retries,
            Listener = phase, ListenerIndex = index, CompletedBy = completedBy, Carried = carried,
        });
        context.Emit(new JobCreated(wait.Id, node.Id, type, retries, context.Variables.VisibleVariables(instance), Headers(phase, completedBy)));
    }

    /// <summary>A report on a listener's job: the next listener, or the element goes on; a failure is retried or an incident.</summary>
    public static string? OnTrigger(StepContext context, ElementInstance instance, FlowNode node, WaitPoint wait, Trigger trigger)
    {
        var phase = wait.Listener!.Value;
        switch (trigger)
        {
            case JobCompleted done:
                context.Incidents.ResolveAll(instance.Key);
                context.WaitPoints.Consume(wait);
                var carried = Apply(context, instance, phase, wait.Carried, done.Variables);
                if (wait.ListenerIndex + 1 < Of(node, phase).Count)
                    Next(context, instance, node, phase, wait.ListenerIndex + 1, wait.CompletedBy, carried);
                else
                    GoOn(context, instance, node, phase, wait.CompletedBy, carried);
                return null;
            case JobFailed failed:
                return JobTaskBehavior.Failed(context, instance, wait, failed, Headers(phase, wait.CompletedBy));
            case JobThrewError error:
                if (context.State.Incidents.Exists(i => i.WaitId == wait.Id))
                    return $"Job {wait.Id} already has an open incident.";
                context.Incidents.Raise(instance, IncidentTexts.ListenerThrewError.Format(wait.JobType, node.Id, error.ErrorCode), kind: IncidentKind.Job, waitId: wait.Id);
                return null;
            default:
                throw ElementBehaviors.Unexpected(node, wait, trigger);
        }
    }

    /// <summary>Retrying a listener's job incident hands the same job out again with the listener's full retries.</summary>
    public static void Retry(StepContext context, ElementInstance instance, FlowNode node, WaitPoint job)
    {
        var listener = Of(node, job.Listener!.Value)[job.ListenerIndex];
        job.Retries = JobTaskBehavior.Retries(listener.Retries);
        instance.Status = ElementInstanceStatus.Waiting;
        context.Emit(new JobCreated(job.Id, job.ElementId, job.JobType!, job.Retries.Value, context.Variables.VisibleVariables(instance), Headers(job.Listener.Value, job.CompletedBy)));
    }

    /// <summary>A listener's variables: before an element they are its local variables; after it, they join what it completes with (or its scope).</summary>
    private static JsonObject? Apply(StepContext context, ElementInstance instance, ListenerPhase phase, JsonObject? carried, JsonObject? variables)
    {
        if (variables is not { Count: > 0 })
            return carried;
        switch (phase)
        {
            case ListenerPhase.Start or ListenerPhase.Creating or ListenerPhase.Assigning:
                foreach (var (name, value) in variables)
                    context.Variables.SetLocal(instance, name, value?.DeepClone());
                return carried;
            case ListenerPhase.Completing:
                var merged = carried?.DeepClone().AsObject() ?? [];
                foreach (var (name, value) in variables)
                    merged[name] = value?.DeepClone();
                return merged;
            case ListenerPhase.End when instance.Kind == ElementInstanceKind.Process:
                foreach (var (name, value) in variables)
                    context.Variables.SetLocal(instance, name, value?.DeepClone()); // the process's end listeners: its own variables, as the instance completes with them
                return carried;
            default:
                context.Variables.Propagate(instance.ScopeKey!.Value, variables.DeepClone().AsObject());
                return carried;
        }
    }

    private static void GoOn(StepContext context, ElementInstance instance, FlowNode node, ListenerPhase phase, string? completedBy, JsonObject? carried)
    {
        switch (phase)
        {
            case ListenerPhase.Start when instance.Kind == ElementInstanceKind.Process:
                EventSubProcesses.Open(context, instance, context.Model.Process);
                context.Transitions.EnqueueActivate(context.Model.Node((string)carried![StartEventKey]!), instance.Key);
                break;
            case ListenerPhase.Start:
                context.Transitions.ContinueActivation(instance, node);
                break;
            case ListenerPhase.Creating:
                UserTaskBehavior.Create(context, instance, node);
                break;
            case ListenerPhase.Completing:
                context.Completion.Complete(instance, carried, completedBy);
                break;
            case ListenerPhase.End:
                context.Completion.Leave(instance, completedBy, carried);
                break;
            case ListenerPhase.Assigning:
                instance.Status = ElementInstanceStatus.Waiting; // the task is still open: the element waits for it again
                break;
        }
    }

    /// <summary>Withdraws the element's running listeners of <paramref name="phase"/> (their jobs and incidents): an assignment overtaken by another, or a task completed meanwhile.</summary>
    public static void Withdraw(StepContext context, ElementInstance instance, FlowNode node, ListenerPhase phase)
    {
        if (!Has(node, phase) || !context.State.WaitPoints.Exists(w => w.ElementInstanceKey == instance.Key && w.Listener == phase))
            return;
        context.Incidents.ResolveAll(instance.Key);
        context.WaitPoints.CloseAll(instance.Key, w => w.Listener == phase);
        instance.Status = ElementInstanceStatus.Waiting;
    }

    private static Dictionary<string, string> Headers(ListenerPhase phase, string? person)
    {
        var headers = new Dictionary<string, string> { [PhaseHeader] = phase.ToString().ToLowerInvariant() };
        if (phase == ListenerPhase.Assigning && person is not null)
            headers[AssigneeHeader] = person;
        return headers;
    }
}

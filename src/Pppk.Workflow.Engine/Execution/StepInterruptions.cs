using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Execution;

/// <summary>Ending tokens early: termination of element instances and their scopes, and BPMN error propagation.</summary>
internal sealed class StepInterruptions(StepContext step)
{
    private InstanceState State => step.State;

    /// <summary>Terminates an element instance with everything inside it: child instances, wait points, join tokens, incidents.</summary>
    public void Terminate(ElementInstance instance)
    {
        foreach (var child in State.Elements.Where(e => e.ScopeKey == instance.Key).ToList())
            Terminate(child);
        State.Joins.RemoveAll(j => j.ScopeKey == instance.Key);
        step.WaitPoints.CloseAll(instance.Key);
        step.Incidents.ResolveAll(instance.Key);
        step.Completion.Remove(instance, terminated: true);
    }

    /// <summary>Terminates every child of a scope (terminate end event, cancel).</summary>
    public void TerminateChildren(long scopeKey, long? except = null)
    {
        foreach (var child in State.Elements.Where(e => e.ScopeKey == scopeKey && e.Key != except).ToList())
            Terminate(child);
        State.Joins.RemoveAll(j => j.ScopeKey == scopeKey);
    }

    /// <summary>
    /// Throws a BPMN error from <paramref name="source"/>: the nearest enclosing activity with a boundary error event for the
    /// code (or a catch-all one) is terminated and the boundary event taken. Uncaught in a called instance, the error goes to
    /// the parent; uncaught at the top, it is an incident on the element that threw.
    /// </summary>
    public void ThrowError(ElementInstance source, string code, string? message, JsonObject? variables = null)
    {
        ElementInstance? previous = null;
        for (var current = source; current is not null; previous = current, current = current.ScopeKey is { } k ? State.Find(k) : null)
        {
            // an error event subprocess of the scope is inside it, so it catches before the scope's own boundary events
            if (!(previous is not null && EventSubProcesses.IsEventSubProcess(step, previous))
                && EventSubProcesses.Catcher(step, current, EventKind.Error, code) is { } start)
            {
                EventSubProcesses.Trigger(step, current, start, variables);
                return;
            }
            if (current.Kind == ElementInstanceKind.Process || current.LoopCounter is not null)
                continue; // inner multi-instance tokens share the element id; their boundaries sit on the body
            var node = step.Model.Node(current.ElementId);
            var boundary = node.Boundaries.FirstOrDefault(b => b.Event?.Kind == EventKind.Error && ErrorCodeOf(b) == code)
                ?? node.Boundaries.FirstOrDefault(b => b.Event?.Kind == EventKind.Error && ErrorCodeOf(b) is null);
            if (boundary is null)
                continue;
            var scopeKey = current.ScopeKey!.Value;
            Terminate(current);
            step.Transitions.EnqueueActivate(boundary, scopeKey, triggered: true, eventVariables: variables);
            return;
        }
        if (State.ParentWaitId is { } parentWait)
        {
            TerminateChildren(State.Root!.Key);
            step.WaitPoints.CloseAll(State.Root!.Key);
            step.Completion.Remove(State.Root!, terminated: true);
            State.Status = InstanceStatus.Terminated;
            step.Emit(new InstanceTerminated(source.ElementId));
            step.Emit(new ErrorToParent(parentWait, code, message));
            return;
        }
        step.Incidents.Raise(source, IncidentTexts.ErrorNotCaught.Format(code, message is null ? "" : $" ({message})", source.ElementId));
    }

    /// <summary>The error code a boundary catches; null catches every error.</summary>
    private static string? ErrorCodeOf(FlowNode boundary) =>
        boundary.Event!.ErrorRef is null ? null : boundary.Event.Error?.ErrorCode is { Length: > 0 } code ? code : null;
}

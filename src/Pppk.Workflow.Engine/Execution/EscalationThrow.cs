using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Execution;

/// <summary>
/// Throwing an escalation: from the thrower outwards, the first escalation event subprocess of a scope or escalation
/// boundary event of an enclosing activity with the code (or catching every code) takes it, interrupting or not.
/// Uncaught, the instance goes on (as in Camunda 8): a called instance hands it to its call activity, a top-level one records it.
/// </summary>
internal static class EscalationThrow
{
    public static void Throw(StepContext step, ElementInstance source, string code)
    {
        var state = step.State;
        ElementInstance? previous = null;
        for (var current = source; current is not null; previous = current, current = current.ScopeKey is { } k ? state.Find(k) : null)
        {
            if (!(previous is not null && EventSubProcesses.IsEventSubProcess(step, previous))
                && EventSubProcesses.Catcher(step, current, EventKind.Escalation, code) is { } start)
            {
                EventSubProcesses.Trigger(step, current, start, variables: null);
                return;
            }
            if (current.Kind == ElementInstanceKind.Process || current.LoopCounter is not null)
                continue; // inner multi-instance tokens share the element id; their boundaries sit on the body
            var boundaries = step.Model.Node(current.ElementId).Boundaries.Where(b => b.Event?.Kind == EventKind.Escalation).ToList();
            var boundary = boundaries.FirstOrDefault(b => EventSubProcesses.CodeOf(b) == code) ?? boundaries.FirstOrDefault(b => EventSubProcesses.CodeOf(b) is null);
            if (boundary is null)
                continue;
            var scopeKey = current.ScopeKey!.Value;
            if (boundary.CancelActivity)
                step.Interruptions.Terminate(current);
            step.Transitions.EnqueueActivate(boundary, scopeKey, triggered: true);
            return;
        }
        if (state.ParentWaitId is { } parentWait)
            step.Emit(new EscalationToParent(parentWait, code)); // on to the call activity, as in Camunda 8
        else
            step.Emit(new EscalationNotCaught(source.Key, source.ElementId, code));
    }
}

using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Execution;

/// <summary>
/// Event subprocesses as Camunda 8 runs them: their timer, message and signal starts are subscriptions of the enclosing
/// scope instance (opened when it is entered; a conditional start's too, closed when it ends), their error and escalation starts catch what is
/// thrown inside the scope. An interrupting one ends everything else in the scope and can start once; a
/// non-interrupting one runs beside it, as often as its event happens.
/// </summary>
internal static class EventSubProcesses
{
    /// <summary>Opens the waits of the event subprocess starts directly in <paramref name="flowScope"/> for <paramref name="scope"/>. False when one could not be opened (an incident is raised on the scope).</summary>
    public static bool Open(StepContext step, ElementInstance scope, FlowScope flowScope)
    {
        foreach (var start in flowScope.EventSubProcessStarts)
        {
            if (!step.WaitPoints.OpenCatch(scope, start))
            {
                CloseStarts(step, scope);
                return false;
            }
        }
        return true;
    }

    /// <summary>Withdraws the event subprocess waits of a scope, leaving its boundary events' waits open.</summary>
    public static void CloseStarts(StepContext step, ElementInstance scope) =>
        step.WaitPoints.CloseAll(scope.Key, w => w.EventId is { } id && step.Model.Node(id).IsEventSubProcessStart);

    /// <summary>The flow scope whose event subprocesses <paramref name="instance"/> holds: the process, or an embedded subprocess (each inner instance of a multi-instance one).</summary>
    public static FlowScope? InnerScope(StepContext step, ElementInstance instance) => instance.Kind switch
    {
        ElementInstanceKind.Process => step.Model.Process,
        ElementInstanceKind.Element => step.Model.Node(instance.ElementId) is { ElementType: ElementType.SubProcess, Inner: { } inner } ? inner : null,
        _ => null,
    };

    /// <summary>The error or escalation start in <paramref name="scope"/> that catches <paramref name="code"/>: one naming the code first, else one catching every code.</summary>
    public static FlowNode? Catcher(StepContext step, ElementInstance scope, EventKind kind, string code)
    {
        if (InnerScope(step, scope) is not { } flowScope)
            return null;
        var starts = flowScope.EventSubProcessStarts.Where(s => s.Event?.Kind == kind).ToList();
        return starts.FirstOrDefault(s => CodeOf(s) == code) ?? starts.FirstOrDefault(s => CodeOf(s) is null);
    }

    /// <summary>The error or escalation code a catch event (start or boundary) names; null catches every code.</summary>
    public static string? CodeOf(FlowNode catchEvent) => catchEvent.Event switch
    {
        { Kind: EventKind.Error, Error.ErrorCode: { Length: > 0 } code } => code,
        { Kind: EventKind.Escalation, Escalation.EscalationCode: { Length: > 0 } code } => code,
        _ => null,
    };

    /// <summary>True for an instance of an event subprocess: what is thrown inside it is not caught by its own scope's event subprocesses.</summary>
    public static bool IsEventSubProcess(StepContext step, ElementInstance instance) =>
        instance.Kind == ElementInstanceKind.Element && step.Model.Node(instance.ElementId).TriggeredByEvent;

    /// <summary>Starts the event subprocess of <paramref name="start"/> in <paramref name="scope"/>; an interrupting one first ends everything else there.</summary>
    public static void Trigger(StepContext step, ElementInstance scope, FlowNode start, JsonObject? variables)
    {
        if (start.IsInterrupting)
        {
            CloseStarts(step, scope);
            step.Interruptions.TerminateChildren(scope.Key);
        }
        step.Transitions.StartEventSubProcess(start.Scope.Owner!, scope.Key, start, variables);
    }
}

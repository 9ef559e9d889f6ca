using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Behaviors;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Execution;

/// <summary>Completing an element instance (completion variables, output mappings, leaving on its flows), its scope, and the process.</summary>
internal sealed class StepCompletion(StepContext step)
{
    /// <summary>Set by a terminate end event at process level so the instance ends as terminated, not completed.</summary>
    public string? TerminatedBy { get; set; }

    /// <summary>
    /// The element's wait point was triggered and the element is done: a late job report resolves the incident raised for
    /// it, the wait point is consumed and the element completes with the trigger's variables. Returns null (not ignored).
    /// </summary>
    public string? CompleteOnTrigger(ElementInstance instance, WaitPoint wait, JsonObject? variables, string? completedBy = null)
    {
        step.Incidents.ResolveAll(instance.Key);
        step.WaitPoints.Consume(wait);
        Complete(instance, variables?.DeepClone().AsObject(), completedBy);
        return null;
    }

    /// <summary>Completes an element instance: sets the variables it was completed with, applies output mappings, closes its wait points and leaves it.</summary>
    public void Complete(ElementInstance instance, JsonObject? variables = null, string? completedBy = null, IReadOnlyList<SequenceFlow>? flows = null)
    {
        if (instance.Kind == ElementInstanceKind.Process)
        {
            step.WaitPoints.CloseAll(instance.Key); // the event subprocesses' subscriptions end with the process
            if (TerminatedBy is null && ListenerChain.Begin(step, instance, step.Model.Process.ListenerNode, ListenerPhase.End))
                return; // the process's end listeners run before it ends (not when it is terminated, as Camunda 8)
            Remove(instance, terminated: false);
            EndProcess();
            return;
        }
        var node = step.Model.Node(instance.ElementId);
        if (variables is { Count: > 0 })
        {
            if (node.Outputs.Count > 0 && instance.Kind == ElementInstanceKind.Element)
                foreach (var (name, value) in variables)
                    step.Variables.SetLocal(instance, name, value?.DeepClone());
            else if (instance.LoopCounter is not null)
                step.Variables.Propagate(instance.Key, variables); // as Zeebe: an inner instance's own locals (its output element) are set first
            else
                step.Variables.Propagate(instance.ScopeKey!.Value, variables);
        }
        FinishCompletion(instance, completedBy, variables, flows);
    }

    /// <summary>The part of completion after the completion variables: output mappings onward. An incident on an output mapping retries from here.</summary>
    public void FinishCompletion(ElementInstance instance, string? completedBy = null, JsonObject? variables = null, IReadOnlyList<SequenceFlow>? flows = null)
    {
        var node = step.Model.Node(instance.ElementId);
        if (instance.Kind == ElementInstanceKind.Element && !step.Variables.ApplyOutputs(instance, node))
            return;
        if (flows is null && ListenerChain.Begin(step, instance, node, ListenerPhase.End, completedBy, variables))
            return;
        Leave(instance, completedBy, variables, flows);
    }

    /// <summary>The end of completion, after the output mappings and the end listeners: multi-instance output, then leaving on the flows.</summary>
    public void Leave(ElementInstance instance, string? completedBy = null, JsonObject? variables = null, IReadOnlyList<SequenceFlow>? flows = null)
    {
        if (instance.Kind == ElementInstanceKind.Process)
        {
            Remove(instance, terminated: false);
            EndProcess();
            return;
        }
        var node = step.Model.Node(instance.ElementId);
        ElementInstance? body = null;
        if (instance.LoopCounter is not null && step.State.Find(instance.ScopeKey!.Value) is { Kind: ElementInstanceKind.MultiInstanceBody } b)
        {
            body = b;
            if (!MultiInstanceBodyBehavior.CollectOutput(step, body, instance, node))
                return;
        }
        if (instance.Kind == ElementInstanceKind.MultiInstanceBody && node.MultiInstance?.OutputCollection is { Length: > 0 } output
            && instance.Variables?[output] is { } collected)
            step.Variables.Propagate(instance.ScopeKey!.Value, new JsonObject { [output] = collected.DeepClone() });

        step.WaitPoints.CloseAll(instance.Key);
        Remove(instance, terminated: false, completedBy, variables);
        CompensationThrowBehavior.Completed(step, instance, node);
        if (body is not null)
        {
            MultiInstanceBodyBehavior.InnerCompleted(step, body, node);
            return;
        }
        var scopeKey = instance.ScopeKey!.Value;
        var leaving = flows ?? node.Outgoing;
        if (leaving.Count == 0)
            CheckScopeCompletion(scopeKey);
        foreach (var flow in leaving)
            step.Transitions.EnqueueTakeFlow(flow, scopeKey);
    }

    /// <summary>A scope with no live child and no token waiting at a join is done: complete it.</summary>
    public void CheckScopeCompletion(long scopeKey) =>
        step.Transitions.Enqueue(() =>
        {
            var state = step.State;
            if (state.Find(scopeKey) is not { } scope || scope.Status == ElementInstanceStatus.Failed)
                return;
            if (state.Elements.Exists(e => e.ScopeKey == scopeKey) || state.Joins.Exists(j => j.ScopeKey == scopeKey))
                return;
            if (state.WaitPoints.Exists(w => w.ElementInstanceKey == scopeKey && w.Listener is not null))
                return; // its listeners are running (the process's start or end listeners): they go on from there
            if (scope.Kind == ElementInstanceKind.MultiInstanceBody)
                return; // a body completes when its inner instances report, not by emptiness
            Complete(scope);
        });

    private void EndProcess()
    {
        var state = step.State;
        if (TerminatedBy is { } by)
        {
            state.Status = InstanceStatus.Terminated;
            step.Emit(new InstanceTerminated(by));
        }
        else
        {
            state.Status = InstanceStatus.Completed;
            step.Emit(new InstanceCompleted(state.Variables.DeepClone().AsObject()));
        }
        if (state.ParentWaitId is { } parent)
            step.Emit(new CompletedToParent(parent, state.Variables.DeepClone().AsObject()));
    }

    /// <summary>Removes an element instance from the live set and writes its history entry. The process root stays, holding the final variables.</summary>
    public void Remove(ElementInstance instance, bool terminated, string? completedBy = null, JsonObject? variables = null)
    {
        if (instance.Kind != ElementInstanceKind.Process)
            step.State.Elements.Remove(instance);
        var node = instance.Kind == ElementInstanceKind.Process ? null : step.Model.Node(instance.ElementId);
        step.Emit(new ElementEnded(instance.Key, instance.ElementId, node is null ? StepTransitions.ProcessType : StepTransitions.TypeOf(instance, node),
            node?.Name ?? step.Model.Process.Name, step.Now, terminated, completedBy, variables?.DeepClone().AsObject()));
    }
}

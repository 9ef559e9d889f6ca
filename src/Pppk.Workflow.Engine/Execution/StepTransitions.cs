using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Behaviors;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Execution;

/// <summary>
/// The step's queue of atomic operations (enter an element, take a flow, complete a scope), run until every token
/// waits. Operations refer to element instances by key and skip themselves when the instance is gone, so an
/// interruption earlier in the queue never leaves a dangling token.
/// </summary>
internal sealed class StepTransitions(StepContext step)
{
    private const int MaxOperations = 100_000;
    private readonly Queue<Action> _operations = new();

    public void Run()
    {
        var count = 0;
        do
        {
            while (step.State.Status == InstanceStatus.Active && _operations.TryDequeue(out var operation))
            {
                if (++count > MaxOperations)
                    throw new StepLimitExceededException($"Process '{step.Model.Id}' ran {MaxOperations} operations in one step without waiting; a loop has no wait state. Add a user task, timer or job inside the loop, or fix its exit condition.");
                operation();
            }
        }
        // every token is at rest now: an inclusive join that nothing can reach any more fires, and the step goes on
        while (step.State.Status == InstanceStatus.Active && step.State.Joins.Count > 0 && InclusiveGatewayBehavior.FireReady(step));
    }

    public void Enqueue(Action operation) => _operations.Enqueue(operation);

    /// <summary>Queues entering <paramref name="node"/> in scope <paramref name="scopeKey"/>. <paramref name="triggered"/> means its event already happened (boundary, event-gateway target): it completes at once with <paramref name="eventVariables"/>.</summary>
    public void EnqueueActivate(FlowNode node, long scopeKey, bool triggered = false, JsonObject? eventVariables = null) =>
        _operations.Enqueue(() => Activate(node, scopeKey, triggered, eventVariables));

    /// <summary>Enters <paramref name="node"/> now: what a token arriving on a flow does unless the element's behaviour holds it (a join).</summary>
    public void Enter(FlowNode node, long scopeKey) => Activate(node, scopeKey, false, null);

    /// <summary>Queues taking <paramref name="flow"/>: the target's behaviour decides what the arriving token does.</summary>
    public void EnqueueTakeFlow(SequenceFlow flow, long scopeKey) =>
        _operations.Enqueue(() =>
        {
            if (step.State.Find(scopeKey) is null || flow.To is not { } target)
                return;
            ElementBehaviors.For(target).Arrive(step, target, flow, scopeKey);
        });

    private void Activate(FlowNode node, long scopeKey, bool triggered, JsonObject? eventVariables)
    {
        if (step.State.Find(scopeKey) is null)
            return;
        if (node.MultiInstance is not null && !triggered)
        {
            var body = CreateInstance(node, scopeKey, ElementInstanceKind.MultiInstanceBody);
            RunActivation(body);
            return;
        }
        var instance = CreateInstance(node, scopeKey, ElementInstanceKind.Element);
        if (triggered)
        {
            step.Completion.Complete(instance, eventVariables);
            return;
        }
        RunActivation(instance);
    }

    public ElementInstance CreateInstance(FlowNode node, long scopeKey, ElementInstanceKind kind, int? loopCounter = null)
    {
        var instance = new ElementInstance
        {
            Key = step.State.NewKey(),
            ElementId = node.Id,
            ScopeKey = scopeKey,
            Kind = kind,
            LoopCounter = loopCounter,
        };
        step.State.Elements.Add(instance);
        step.Emit(new ElementStarted(instance.Key, node.Id, TypeOf(instance, node), node.Name, step.Now));
        return instance;
    }

    /// <summary>
    /// Creates the inner instance now and queues its activation: a parallel body's inner instances all exist before the
    /// first runs, so one that completes at once never finds the body empty while the others are only queued.
    /// </summary>
    public void EnqueueActivateInner(ElementInstance body, FlowNode node, int index)
    {
        var inner = CreateInstance(node, body.Key, ElementInstanceKind.Element, index + 1);
        var locals = step.Variables.SetLocal(inner, "loopCounter", JsonValue.Create(index + 1));
        if (node.MultiInstance!.InputElement is { Length: > 0 } element)
            locals[element] = body.Collection![index]?.DeepClone();
        // as Zeebe: an output element naming a variable gets it as a null local, so parallel inner instances each keep their own result
        if (MultiInstanceBodyBehavior.OutputVariable(node.MultiInstance) is { } output && !locals.ContainsKey(output))
            locals[output] = null;
        _operations.Enqueue(() =>
        {
            if (step.State.Find(inner.Key) is not null)
                RunActivation(inner);
        });
    }

    /// <summary>Creates an instance of <paramref name="node"/> now and queues its activation, so the caller can mark it before it runs (a compensation handler).</summary>
    public ElementInstance EnqueueActivateNew(FlowNode node, long scopeKey)
    {
        var instance = CreateInstance(node, scopeKey, node.MultiInstance is null ? ElementInstanceKind.Element : ElementInstanceKind.MultiInstanceBody);
        _operations.Enqueue(() =>
        {
            if (step.State.Find(instance.Key) is not null)
                RunActivation(instance);
        });
        return instance;
    }

    /// <summary>Enters event subprocess <paramref name="esp"/> in scope <paramref name="scopeKey"/> now, its start event already triggered with the event's variables; <paramref name="locals"/> start as its local variables (a compensation one's: its subprocess's).</summary>
    public ElementInstance StartEventSubProcess(FlowNode esp, long scopeKey, FlowNode start, JsonObject? variables, JsonObject? locals = null)
    {
        var instance = CreateInstance(esp, scopeKey, ElementInstanceKind.Element);
        instance.Variables = locals ?? instance.Variables ?? [];
        if (!step.Variables.ApplyInputs(instance, esp) || !EventSubProcesses.Open(step, instance, esp.Inner!))
            return instance;
        EnqueueActivate(start, instance.Key, triggered: true, eventVariables: variables);
        return instance;
    }

    /// <summary>Input mappings, boundary events, then the element's own behaviour. Also what an incident retry runs again.</summary>
    public void RunActivation(ElementInstance instance)
    {
        var node = step.Model.Node(instance.ElementId);
        instance.Status = ElementInstanceStatus.Active;
        if (instance.Kind == ElementInstanceKind.MultiInstanceBody)
        {
            if (step.WaitPoints.OpenBoundaries(instance, node))
                MultiInstanceBodyBehavior.Activate(step, instance, node);
            return;
        }
        if (!step.Variables.ApplyInputs(instance, node))
            return;
        if (ListenerChain.Begin(step, instance, node, ListenerPhase.Start))
            return;
        ContinueActivation(instance, node);
    }

    /// <summary>Activation after the input mappings and the start listeners: boundary events, then the element's own behaviour.</summary>
    public void ContinueActivation(ElementInstance instance, FlowNode node)
    {
        if (instance.LoopCounter is null && !step.WaitPoints.OpenBoundaries(instance, node))
            return;
        ElementBehaviors.For(node).Activate(step, instance, node);
    }

    /// <summary>The type history shows for the process instance itself.</summary>
    public const string ProcessType = "process";

    /// <summary>The element type written to history: the BPMN local name, or the multi-instance body around it.</summary>
    public static string TypeOf(ElementInstance instance, FlowNode node) =>
        instance.Kind == ElementInstanceKind.MultiInstanceBody ? "multiInstanceBody" : node.Type;
}

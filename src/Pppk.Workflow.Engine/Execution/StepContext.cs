using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Behaviors;
using Pppk.Workflow.Engine.Expressions;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Execution;

/// <summary>
/// One step of one instance: the atomic operations (activate element, complete element, take flow) queued and run
/// until every token waits. Operations refer to element instances by key and skip themselves when the instance is gone,
/// so an interruption earlier in the queue never leaves a dangling token.
/// </summary>
internal sealed partial class StepContext
{
    private const int MaxOperations = 100_000;
    private readonly Queue<Action> _operations = new();

    public StepContext(ProcessModel model, InstanceState state, DateTimeOffset now, ExpressionEvaluator expressions, TimeZoneInfo zone)
    {
        Model = model;
        State = state;
        Now = now;
        Expressions = expressions;
        Zone = zone;
    }

    public ProcessModel Model { get; }
    public InstanceState State { get; }
    public DateTimeOffset Now { get; }
    public ExpressionEvaluator Expressions { get; }
    public TimeZoneInfo Zone { get; }
    public List<Effect> Effects { get; } = [];

    /// <summary>Set by a terminate end event at process level so the instance ends as terminated, not completed.</summary>
    public string? TerminatedBy { get; set; }

    public void Run()
    {
        var count = 0;
        while (State.Status == InstanceStatus.Active && _operations.TryDequeue(out var operation))
        {
            if (++count > MaxOperations)
                throw new StepLimitExceededException($"Process '{Model.Id}' ran {MaxOperations} operations in one step without waiting; a loop has no wait state. Add a user task, timer or job inside the loop, or fix its exit condition.");
            operation();
        }
    }

    public void Emit(Effect effect) => Effects.Add(effect);

    // ---- activate ----

    /// <summary>Queues entering <paramref name="node"/> in scope <paramref name="scopeKey"/>. <paramref name="triggered"/> means its event already happened (boundary, event-gateway target): it completes at once with <paramref name="eventVariables"/>.</summary>
    public void EnqueueActivate(FlowNode node, long scopeKey, bool triggered = false, JsonObject? eventVariables = null) =>
        _operations.Enqueue(() => Activate(node, scopeKey, triggered, eventVariables));

    private void Activate(FlowNode node, long scopeKey, bool triggered, JsonObject? eventVariables)
    {
        if (State.Find(scopeKey) is null)
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
            Complete(instance, eventVariables);
            return;
        }
        RunActivation(instance);
    }

    public ElementInstance CreateInstance(FlowNode node, long scopeKey, ElementInstanceKind kind, int? loopCounter = null)
    {
        var instance = new ElementInstance
        {
            Key = State.NewKey(),
            ElementId = node.Id,
            ScopeKey = scopeKey,
            Kind = kind,
            LoopCounter = loopCounter,
        };
        State.Elements.Add(instance);
        Emit(new ElementStarted(instance.Key, node.Id, TypeOf(instance, node), node.Name, Now));
        return instance;
    }

    public void EnqueueActivateInner(ElementInstance body, FlowNode node, int index) =>
        _operations.Enqueue(() =>
        {
            if (State.Find(body.Key) is null)
                return;
            var inner = CreateInstance(node, body.Key, ElementInstanceKind.Element, index + 1);
            var locals = SetLocal(inner, "loopCounter", JsonValue.Create(index + 1));
            if (node.MultiInstance!.InputElement is { Length: > 0 } element)
                locals[element] = body.Collection![index]?.DeepClone();
            RunActivation(inner);
        });

    /// <summary>Input mappings, boundary events, then the element's own behaviour. Also what an incident retry runs again.</summary>
    public void RunActivation(ElementInstance instance)
    {
        var node = Model.Node(instance.ElementId);
        instance.Status = ElementInstanceStatus.Active;
        if (instance.Kind == ElementInstanceKind.MultiInstanceBody)
        {
            if (OpenBoundaries(instance, node))
                MultiInstanceBodyBehavior.Activate(this, instance, node);
            return;
        }
        if (!ApplyInputs(instance, node))
            return;
        if (instance.LoopCounter is null && !OpenBoundaries(instance, node))
            return;
        BehaviorRegistry.For(node).Activate(this, instance, node);
    }

    // ---- complete and leave ----

    /// <summary>Completes an element instance: sets the variables it was completed with, applies output mappings, closes its wait points and leaves it.</summary>
    public void Complete(ElementInstance instance, JsonObject? variables = null, string? completedBy = null, IReadOnlyList<SequenceFlow>? flows = null)
    {
        if (instance.Kind == ElementInstanceKind.Process)
        {
            Remove(instance, terminated: false);
            EndProcess();
            return;
        }
        var node = Model.Node(instance.ElementId);
        if (variables is { Count: > 0 })
        {
            if (node.Outputs.Count > 0 && instance.Kind == ElementInstanceKind.Element)
                foreach (var (name, value) in variables)
                    SetLocal(instance, name, value?.DeepClone());
            else
                Propagate(instance.ScopeKey!.Value, variables);
        }
        FinishCompletion(instance, completedBy, variables, flows);
    }

    /// <summary>The part of completion after the completion variables: output mappings onward. An incident on an output mapping retries from here.</summary>
    public void FinishCompletion(ElementInstance instance, string? completedBy = null, JsonObject? variables = null, IReadOnlyList<SequenceFlow>? flows = null)
    {
        var node = Model.Node(instance.ElementId);
        if (instance.Kind == ElementInstanceKind.Element && !ApplyOutputs(instance, node))
            return;
        ElementInstance? body = null;
        if (instance.LoopCounter is not null && State.Find(instance.ScopeKey!.Value) is { Kind: ElementInstanceKind.MultiInstanceBody } b)
        {
            body = b;
            if (!MultiInstanceBodyBehavior.CollectOutput(this, body, instance, node))
                return;
        }
        if (instance.Kind == ElementInstanceKind.MultiInstanceBody && node.MultiInstance?.OutputCollection is { Length: > 0 } output
            && instance.Variables?[output] is { } collected)
            Propagate(instance.ScopeKey!.Value, new JsonObject { [output] = collected.DeepClone() });

        CloseWaitPoints(instance.Key);
        Remove(instance, terminated: false, completedBy, variables);
        if (body is not null)
        {
            MultiInstanceBodyBehavior.InnerCompleted(this, body, node);
            return;
        }
        var scopeKey = instance.ScopeKey!.Value;
        var leaving = flows ?? node.Outgoing;
        if (leaving.Count == 0)
            CheckScopeCompletion(scopeKey);
        foreach (var flow in leaving)
            _operations.Enqueue(() => TakeFlow(flow, scopeKey));
    }

    private void TakeFlow(SequenceFlow flow, long scopeKey)
    {
        if (State.Find(scopeKey) is null || flow.To is not { } target)
            return;
        if (target.Type == "parallelGateway" && target.Incoming.Count > 1)
        {
            ParallelGatewayBehavior.Arrive(this, target, flow, scopeKey);
            return;
        }
        Activate(target, scopeKey, false, null);
    }

    /// <summary>A scope with no live child and no token waiting at a join is done: complete it.</summary>
    public void CheckScopeCompletion(long scopeKey) =>
        _operations.Enqueue(() =>
        {
            if (State.Find(scopeKey) is not { } scope || scope.Status == ElementInstanceStatus.Failed)
                return;
            if (State.Elements.Exists(e => e.ScopeKey == scopeKey) || State.Joins.Exists(j => j.ScopeKey == scopeKey))
                return;
            if (scope.Kind == ElementInstanceKind.MultiInstanceBody)
                return; // a body completes when its inner instances report, not by emptiness
            Complete(scope);
        });

    private void EndProcess()
    {
        if (TerminatedBy is { } by)
        {
            State.Status = InstanceStatus.Terminated;
            Emit(new InstanceTerminated(by));
        }
        else
        {
            State.Status = InstanceStatus.Completed;
            Emit(new InstanceCompleted(State.Variables.DeepClone().AsObject()));
        }
        if (State.ParentWaitId is { } parent)
            Emit(new CompletedToParent(parent, State.Variables.DeepClone().AsObject()));
    }

    /// <summary>Removes an element instance from the live set and writes its history entry. The process root stays, holding the final variables.</summary>
    public void Remove(ElementInstance instance, bool terminated, string? completedBy = null, JsonObject? variables = null)
    {
        if (instance.Kind != ElementInstanceKind.Process)
            State.Elements.Remove(instance);
        var node = instance.Kind == ElementInstanceKind.Process ? null : Model.Node(instance.ElementId);
        Emit(new ElementEnded(instance.Key, instance.ElementId, node is null ? "process" : TypeOf(instance, node), node?.Name ?? Model.Process.Name,
            Now, terminated, completedBy, variables?.DeepClone().AsObject()));
    }

    public void EnqueueComplete(ElementInstance instance, JsonObject? variables = null) =>
        _operations.Enqueue(() =>
        {
            if (State.Find(instance.Key) is not null)
                Complete(instance, variables);
        });

    private static string TypeOf(ElementInstance instance, FlowNode node) =>
        instance.Kind == ElementInstanceKind.MultiInstanceBody ? "multiInstanceBody" : node.Type;
}

/// <summary>A step never reached a wait state (a loop of pass-through elements). The step is not applied; the runtime rolls back and reports it.</summary>
public sealed class StepLimitExceededException(string message) : Exception(message);

using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.Parsing;
using Pppk.Workflow.Engine.State;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Support;

/// <summary>
/// A tiny in-memory stand-in for the runtime: several process models, instances keyed by number, child instances started
/// and their completion or error routed back to the parent. Shows how the runtime uses the engine's effects.
/// </summary>
public sealed class MiniRuntime
{
    private readonly Dictionary<string, ProcessModel> _models = [];
    public FakeTimeProvider Clock { get; } = new();
    public WorkflowEngine Engine { get; }
    public Dictionary<int, InstanceState> Instances { get; } = [];
    public Dictionary<int, (int Instance, long WaitId)> Parents { get; } = [];
    public List<(int Instance, Effect Effect)> Effects { get; } = [];
    private readonly Dictionary<long, int> _childOfWait = [];

    public MiniRuntime(params string[] files)
    {
        Engine = new WorkflowEngine(Clock, Harness.Environment(Clock));
        foreach (var file in files)
            foreach (var model in ProcessModel.CreateAll(BpmnParser.Parse(file)))
                _models[model.Id] = model;
    }

    public int Start(string processId, object? variables = null) => Start(processId, Harness.Vars(variables), null);

    private int Start(string processId, System.Text.Json.Nodes.JsonObject? variables, (int, long)? parent)
    {
        var id = Instances.Count + 1;
        if (parent is { } p)
            Parents[id] = p;
        Apply(id, Engine.Start(_models[processId], new StartTrigger(variables, ParentWaitId: parent?.Item2)));
        return id;
    }

    public StepResult Handle(int instance, Trigger trigger)
    {
        var result = Engine.Handle(_models[Instances[instance].ProcessId], Instances[instance], trigger);
        Apply(instance, result);
        return result;
    }

    private void Apply(int instance, StepResult result)
    {
        Instances[instance] = result.State;
        Consistency.Check(result.State);
        foreach (var effect in result.Effects)
        {
            Effects.Add((instance, effect));
            switch (effect)
            {
                case ChildInstanceRequested child when _models.ContainsKey(child.ProcessId):
                    _childOfWait[child.WaitId] = Start(child.ProcessId, child.Variables, (instance, child.WaitId));
                    break;
                case ChildInstanceRequested child:
                    Handle(instance, new ChildStartFailed(child.WaitId, IncidentTexts.ProcessNotDeployed.Format(child.ProcessId)));
                    break;
                case CompletedToParent done when Parents.TryGetValue(instance, out var parent):
                    Handle(parent.Instance, new ChildCompleted(done.ParentWaitId, done.Variables));
                    break;
                case ErrorToParent error when Parents.TryGetValue(instance, out var parent):
                    Handle(parent.Instance, new ChildFailed(error.ParentWaitId, error.ErrorCode, error.Message));
                    break;
                case EscalationToParent escalation when Parents.TryGetValue(instance, out var parent):
                    Handle(parent.Instance, new ChildEscalated(escalation.ParentWaitId, escalation.EscalationCode));
                    break;
                case WaitPointClosed { Kind: WaitKind.ChildInstance, Triggered: false } closed when _childOfWait.TryGetValue(closed.WaitId, out var child)
                    && Instances[child].Status == InstanceStatus.Active:
                    Handle(child, new CancelInstance("parent withdrew the call"));
                    break;
            }
        }
    }

    public WaitPoint Wait(int instance, string elementId) => Instances[instance].WaitPoints.Single(w => w.ElementId == elementId);
}

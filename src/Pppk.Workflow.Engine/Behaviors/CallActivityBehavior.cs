using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Validation;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>Asks the runtime to start a child instance and waits for ChildCompleted / ChildFailed on the returned wait id.</summary>
internal sealed class CallActivityBehavior : IElementBehavior
{
    public static readonly CallActivityBehavior Instance = new();

    public void Activate(StepContext context, ElementInstance instance, FlowNode node)
    {
        var called = node.CalledElement;
        string? processId = null;
        if (!context.Try(instance, ElementNames.Site("called process id"), () => processId = context.Expressions.EvaluateString(called?.ProcessId, context.Lookup(instance))))
            return;
        if (string.IsNullOrWhiteSpace(processId))
        {
            context.RaiseIncident(instance, IncidentTexts.CalledProcessEmpty.Format(node.Id));
            return;
        }
        var variables = called?.PropagateAllParentVariables == false
            ? instance.Variables?.DeepClone().AsObject() ?? []
            : context.VisibleVariables(instance);
        var wait = context.AddWait(new WaitPoint
        {
            Id = context.State.NewKey(), Kind = WaitKind.ChildInstance, ElementInstanceKey = instance.Key, ElementId = node.Id, JobType = processId,
        });
        context.Emit(new ChildInstanceRequested(wait.Id, node.Id, processId, variables));
    }
}

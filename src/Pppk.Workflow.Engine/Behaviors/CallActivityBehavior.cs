using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Validation;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>Asks the runtime to start a child instance and waits for ChildCompleted / ChildFailed / ChildStartFailed on the returned wait id.</summary>
internal sealed class CallActivityBehavior : IElementBehavior
{
    public static readonly CallActivityBehavior Instance = new();

    public void Activate(StepContext context, ElementInstance instance, FlowNode node)
    {
        var called = node.CalledElement;
        string? processId = null;
        if (!context.Variables.Try(instance, ElementNames.Site("called process id"), () => processId = context.Expressions.EvaluateString(called?.ProcessId, context.Variables.Lookup(instance))))
            return;
        if (string.IsNullOrWhiteSpace(processId))
        {
            context.Incidents.Raise(instance, IncidentTexts.CalledProcessEmpty.Format(node.Id));
            return;
        }
        var variables = called?.PropagateAllParentVariables == false
            ? instance.Variables?.DeepClone().AsObject() ?? []
            : context.Variables.VisibleVariables(instance);
        var wait = context.WaitPoints.Add(new WaitPoint
        {
            Id = context.State.NewKey(), Kind = WaitKind.ChildInstance, ElementInstanceKey = instance.Key, ElementId = node.Id, JobType = processId,
        });
        context.Emit(new ChildInstanceRequested(wait.Id, node.Id, processId, variables, called?.Binding));
    }

    /// <summary>The child completed (its variables propagate unless the call says otherwise), failed with an uncaught error (thrown here), or could not start (an incident).</summary>
    public string? OnTrigger(StepContext context, ElementInstance instance, FlowNode node, WaitPoint wait, Trigger trigger)
    {
        switch (trigger)
        {
            case ChildCompleted child:
                var propagate = node.CalledElement?.PropagateAllChildVariables != false || node.Outputs.Count > 0;
                return context.Completion.CompleteOnTrigger(instance, wait, propagate ? child.Variables : null);
            case ChildFailed failed:
                context.WaitPoints.Consume(wait);
                context.Interruptions.ThrowError(instance, failed.ErrorCode, failed.Message);
                return null;
            case ChildEscalated escalated:
                EscalationThrow.Throw(context, instance, escalated.EscalationCode); // the call activity keeps waiting unless an interrupting catch ends it
                return null;
            case ChildStartFailed start:
                context.WaitPoints.Consume(wait);
                context.Incidents.Raise(instance, IncidentTexts.CalledProcessNotStarted.Format(instance.ElementId, start.Message));
                return null;
            default:
                throw ElementBehaviors.Unexpected(node, wait, trigger);
        }
    }
}

using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>The behaviour of each element type; adding an element type means adding its behaviour and a line here.</summary>
internal static class ElementBehaviors
{
    public static IElementBehavior For(FlowNode node) => node.ElementType switch
    {
        ElementType.EndEvent => node.Event?.Kind switch
        {
            EventKind.Terminate => TerminateEndEventBehavior.Instance,
            EventKind.Error => ErrorEndEventBehavior.Instance,
            EventKind.Escalation => EscalationThrowBehavior.Instance,
            EventKind.Signal => SignalThrowBehavior.Instance,
            EventKind.Message => node.TaskDefinition is null ? MessageThrowBehavior.Instance : JobTaskBehavior.Instance,
            EventKind.Compensate => CompensationThrowBehavior.Instance,
            _ => PassThroughBehavior.Instance,
        },
        ElementType.IntermediateThrowEvent when node.Event?.Kind == EventKind.Escalation => EscalationThrowBehavior.Instance,
        ElementType.IntermediateThrowEvent when node.Event?.Kind == EventKind.Signal => SignalThrowBehavior.Instance,
        ElementType.IntermediateCatchEvent when node.Event?.Kind == EventKind.Signal => SignalCatchBehavior.Instance,
        ElementType.IntermediateCatchEvent when node.Event?.Kind == EventKind.Conditional => ConditionalCatchBehavior.Instance,
        ElementType.StartEvent when node.IsEventSubProcessStart => EventSubProcessStartBehavior.Instance,
        ElementType.IntermediateCatchEvent when node.Event?.Kind == EventKind.Timer => TimerCatchBehavior.Instance,
        ElementType.IntermediateCatchEvent when node.Event?.Kind == EventKind.Link => PassThroughBehavior.Instance,
        ElementType.IntermediateThrowEvent when node.Event?.Kind == EventKind.Link => LinkThrowBehavior.Instance,
        ElementType.IntermediateThrowEvent when node.Event?.Kind == EventKind.Compensate => CompensationThrowBehavior.Instance,
        ElementType.IntermediateThrowEvent when node.Event?.Kind == EventKind.Message => node.TaskDefinition is null ? MessageThrowBehavior.Instance : JobTaskBehavior.Instance,
        ElementType.IntermediateCatchEvent or ElementType.ReceiveTask => MessageCatchBehavior.Instance,
        ElementType.BoundaryEvent => BoundaryEventBehavior.Instance,
        ElementType.UserTask => UserTaskBehavior.Instance,
        ElementType.BusinessRuleTask when node.CalledDecision is not null => BusinessRuleTaskBehavior.Instance,
        ElementType.ServiceTask or ElementType.SendTask or ElementType.BusinessRuleTask => JobTaskBehavior.Instance,
        ElementType.ScriptTask => node.Script is not null ? ScriptTaskBehavior.Instance : JobTaskBehavior.Instance,
        ElementType.ExclusiveGateway => ExclusiveGatewayBehavior.Instance,
        ElementType.ParallelGateway => ParallelGatewayBehavior.Instance,
        ElementType.InclusiveGateway => InclusiveGatewayBehavior.Instance,
        ElementType.EventBasedGateway => EventBasedGatewayBehavior.Instance,
        ElementType.SubProcess => SubProcessBehavior.Instance,
        ElementType.CallActivity => CallActivityBehavior.Instance,
        // start events, none throw events, undefined and manual tasks; the unsupported types never pass validation
        _ => PassThroughBehavior.Instance,
    };

    /// <summary>A trigger whose kind matched the wait point reached an element that never opens that kind: a bug, not input.</summary>
    public static InvalidOperationException Unexpected(FlowNode node, WaitPoint wait, Trigger trigger) =>
        new($"{node} does not wait for {trigger.GetType().Name}, yet it reached wait point {wait.Id}.");
}

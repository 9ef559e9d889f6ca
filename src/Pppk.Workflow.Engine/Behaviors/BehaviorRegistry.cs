using Pppk.Workflow.Engine.Model;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>Maps a flow node to its behaviour; adding an element means adding a class and a line here.</summary>
internal static class BehaviorRegistry
{
    private static readonly PassThroughBehavior PassThrough = new();
    private static readonly JobTaskBehavior JobTask = new();
    private static readonly MessageCatchBehavior MessageCatch = new();

    public static IElementBehavior For(FlowNode node) => node.Type switch
    {
        "endEvent" => node.Event?.Kind switch
        {
            EventKind.Terminate => TerminateEndEventBehavior.Instance,
            EventKind.Error => ErrorEndEventBehavior.Instance,
            _ => PassThrough,
        },
        "intermediateCatchEvent" when node.Event?.Kind == EventKind.Timer => TimerCatchBehavior.Instance,
        "intermediateCatchEvent" => MessageCatch,
        "receiveTask" => MessageCatch,
        "userTask" => UserTaskBehavior.Instance,
        "serviceTask" or "sendTask" or "businessRuleTask" => JobTask,
        "scriptTask" => node.Script is not null ? ScriptTaskBehavior.Instance : JobTask,
        "exclusiveGateway" => ExclusiveGatewayBehavior.Instance,
        "eventBasedGateway" => EventBasedGatewayBehavior.Instance,
        "subProcess" => SubProcessBehavior.Instance,
        "callActivity" => CallActivityBehavior.Instance,
        // start, boundary (activated already triggered), none throw, parallel gateway (join counted on arrival), task, manual task
        _ => PassThrough,
    };
}

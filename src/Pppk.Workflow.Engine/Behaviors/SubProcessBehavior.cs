using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>Embedded subprocess: its own variable scope, with the subscriptions of its event subprocesses; starts at its none start event and completes when no token is left inside.</summary>
internal sealed class SubProcessBehavior : IElementBehavior
{
    public static readonly SubProcessBehavior Instance = new();

    public void Activate(StepContext context, ElementInstance instance, FlowNode node)
    {
        var start = node.Inner?.StartEvents.FirstOrDefault();
        if (start is null)
        {
            context.Completion.Complete(instance);
            return;
        }
        instance.Variables ??= [];
        if (!EventSubProcesses.Open(context, instance, node.Inner!))
            return;
        context.Transitions.EnqueueActivate(start, instance.Key);
    }
}

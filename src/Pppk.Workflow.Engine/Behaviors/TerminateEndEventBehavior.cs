using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>Ends every other token of its own scope, which then completes (a subprocess continues on its outgoing flows; at process level the instance ends as terminated).</summary>
internal sealed class TerminateEndEventBehavior : IElementBehavior
{
    public static readonly TerminateEndEventBehavior Instance = new();

    public void Activate(StepContext context, ElementInstance instance, FlowNode node)
    {
        var scopeKey = instance.ScopeKey!.Value;
        context.Interruptions.TerminateChildren(scopeKey, except: instance.Key);
        if (context.State.Find(scopeKey)?.Kind == ElementInstanceKind.Process)
            context.Completion.TerminatedBy = node.Id;
        context.Completion.Complete(instance);
    }
}

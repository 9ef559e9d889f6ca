using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>Intermediate throw link: completes and leaves as if a sequence flow led to the catch link of the same name in its scope.</summary>
internal sealed class LinkThrowBehavior : IElementBehavior
{
    public static readonly LinkThrowBehavior Instance = new();

    public void Activate(StepContext context, ElementInstance instance, FlowNode node)
    {
        // a flow of our own to the catch: leaving on it never lets the scope look empty between the throw and the catch
        var jumps = LinkEvents.CatchesFor(node).Take(1).Select(target => new SequenceFlow($"{node.Id}-link", node.Source) { From = node, To = target }).ToList();
        context.Completion.Complete(instance, flows: jumps);
    }
}

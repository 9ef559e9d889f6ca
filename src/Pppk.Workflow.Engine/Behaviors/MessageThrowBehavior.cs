using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>
/// Message intermediate throw and message end events without a job type: publish the message (name and correlation key
/// evaluated now, the event's input mappings as its variables) for the runtime to correlate in this step, then complete.
/// </summary>
internal sealed class MessageThrowBehavior : IElementBehavior
{
    public static readonly MessageThrowBehavior Instance = new();

    public void Activate(StepContext context, ElementInstance instance, FlowNode node)
    {
        var message = context.Model.MessageOf(node);
        string? name = null, key = null;
        if (!context.Variables.Try(instance, IncidentTexts.MessageOf(node.Id), () =>
            {
                name = context.Expressions.EvaluateString(message?.Name, context.Variables.Lookup(instance));
                key = context.Expressions.EvaluateString(message?.CorrelationKey, context.Variables.Lookup(instance));
            }))
            return;
        if (string.IsNullOrEmpty(name))
        {
            context.Incidents.Raise(instance, IncidentTexts.MessageNameEmpty.Format(node.Id));
            return;
        }
        context.Emit(new MessagePublished(instance.Key, node.Id, name, key, instance.Variables?.DeepClone().AsObject() ?? []));
        context.Completion.Complete(instance);
    }
}

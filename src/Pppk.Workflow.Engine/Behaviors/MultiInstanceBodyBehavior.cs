using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Validation;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>
/// The multi-instance body around a task, subprocess or call activity, as Camunda 8 has it: the input collection is
/// evaluated once; each inner instance gets loopCounter and the input element as locals; the output element of each is
/// collected at its index in the output collection (a local of the body, propagated when the body completes). An empty
/// collection completes the body at once. Boundary events belong to the body.
/// </summary>
internal static partial class MultiInstanceBodyBehavior
{
    public static void Activate(StepContext context, ElementInstance body, FlowNode node)
    {
        var loop = node.MultiInstance!;
        if (!context.Variables.TryEvaluate(body, loop.InputCollection ?? "=[]", ElementNames.Site("inputCollection"), out var value))
            return;
        if (value is not JsonArray collection)
        {
            context.Incidents.Raise(body, IncidentTexts.InputCollectionNotList.Format(node.Id, loop.InputCollection, value?.ToJsonString() ?? "null"));
            return;
        }
        body.Collection = collection;
        body.Created = 0;
        if (loop.OutputCollection is { Length: > 0 } output)
            context.Variables.SetLocal(body, output, new JsonArray(collection.Select(_ => (JsonNode?)null).ToArray()));
        if (collection.Count == 0)
        {
            context.Completion.Complete(body);
            return;
        }
        var count = loop.IsSequential ? 1 : collection.Count;
        for (var i = 0; i < count; i++)
            context.Transitions.EnqueueActivateInner(body, node, body.Created++);
    }

    /// <summary>Puts the inner instance's output element into the body's output collection. False when evaluation raised an incident.</summary>
    public static bool CollectOutput(StepContext context, ElementInstance body, ElementInstance inner, FlowNode node)
    {
        var loop = node.MultiInstance!;
        if (loop.OutputCollection is not { Length: > 0 } output || loop.OutputElement is not { Length: > 0 } element)
            return true;
        if (!context.Variables.TryEvaluate(inner, element, ElementNames.Site("outputElement"), out var value, onCompletion: true))
            return false;
        if (body.Variables?[output] is JsonArray results && inner.LoopCounter is { } counter && counter <= results.Count)
            results[counter - 1] = value?.DeepClone();
        return true;
    }

    /// <summary>The variable an output element such as <c>=result</c> or <c>=result.score</c> reads (<c>result</c>); null for any other expression.</summary>
    public static string? OutputVariable(MultiInstance loop)
    {
        var text = loop.OutputElement?.TrimStart();
        if (text is not { Length: > 1 } || text[0] != '=' || !VariablePath().IsMatch(text[1..].Trim()) || text[1..].Trim() is "null" or "true" or "false")
            return null;
        return text[1..].Trim().Split('.')[0];
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")]
    private static partial Regex VariablePath();

    public static void InnerCompleted(StepContext context, ElementInstance body, FlowNode node)
    {
        var total = body.Collection?.Count ?? 0;
        if (node.MultiInstance!.CompletionCondition is { } condition)
        {
            var active = context.State.Elements.Count(e => e.ScopeKey == body.Key);
            var completed = body.Variables?["numberOfCompletedInstances"]?.GetValue<int>() + 1 ?? 1;
            context.Variables.SetLocal(body, "numberOfInstances", JsonValue.Create(total));
            context.Variables.SetLocal(body, "numberOfActiveInstances", JsonValue.Create(active));
            context.Variables.SetLocal(body, "numberOfCompletedInstances", JsonValue.Create(completed));
            var done = false;
            if (!context.Variables.Try(body, ElementNames.Site("completionCondition"), () => done = context.Expressions.IsTrue(condition, context.Variables.Lookup(body))))
                return;
            if (done)
            {
                // the condition is met: the remaining inner instances are not needed any more
                context.Interruptions.TerminateChildren(body.Key);
                context.Completion.Complete(body);
                return;
            }
        }
        if (node.MultiInstance!.IsSequential && body.Created < total)
        {
            context.Transitions.EnqueueActivateInner(body, node, body.Created++);
            return;
        }
        if (!context.State.Elements.Exists(e => e.ScopeKey == body.Key))
            context.Completion.Complete(body);
    }
}

using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Validation;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>Script task with zeebe:script: evaluates the FEEL expression inline and completes with the result variable.</summary>
internal sealed class ScriptTaskBehavior : IElementBehavior
{
    public static readonly ScriptTaskBehavior Instance = new();

    public void Activate(StepContext context, ElementInstance instance, FlowNode node)
    {
        var script = node.Script!;
        if (!context.Variables.TryEvaluate(instance, script.Expression ?? "=null", ElementNames.Site("script"), out var result))
            return;
        var variables = string.IsNullOrEmpty(script.ResultVariable) ? null : new JsonObject { [script.ResultVariable] = result };
        context.Completion.Complete(instance, variables);
    }
}

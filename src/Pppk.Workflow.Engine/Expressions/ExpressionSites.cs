using Pppk.Workflow.Engine.Model;

namespace Pppk.Workflow.Engine.Expressions;

/// <summary>Every place of a flow node or flow that may hold a FEEL expression, named for messages. Validation and precompilation share it.</summary>
public static class ExpressionSites
{
    public static IEnumerable<(string What, string? Raw)> Of(FlowNode node, BpmnDefinitions definitions)
    {
        foreach (var m in node.Inputs)
            yield return ($"input mapping '{m.Target}'", m.Source);
        foreach (var m in node.Outputs)
            yield return ($"output mapping '{m.Target}'", m.Source);
        if (node.UserTask is { } u)
        {
            yield return ("assignee", u.Assignee);
            yield return ("candidate groups", u.CandidateGroups);
            yield return ("candidate users", u.CandidateUsers);
            yield return ("due date", u.DueDate);
            yield return ("follow-up date", u.FollowUpDate);
            yield return ("form id", u.FormId);
            yield return ("priority", u.Priority);
        }
        foreach (var l in node.ExecutionListeners.Concat(node.TaskListeners))
        {
            yield return ("listener type", l.Type);
            yield return ("listener retries", l.Retries);
        }
        yield return ("job type", node.TaskDefinition?.Type);
        yield return ("retries", node.TaskDefinition?.Retries);
        yield return ("script", node.Script?.Expression);
        yield return ("called process id", node.CalledElement?.ProcessId);
        yield return ("inputCollection", node.MultiInstance?.InputCollection);
        yield return ("outputElement", node.MultiInstance?.OutputElement);
        yield return ("completionCondition", node.MultiInstance?.CompletionCondition);
        yield return ("timer", node.Event?.TimerExpression);
        var message = node.Event?.Message ?? (node.MessageRef is { } id ? definitions.Messages.GetValueOrDefault(id) : null);
        yield return ("message name", message?.Name);
        yield return ("correlation key", message?.CorrelationKey);
        yield return ("signal name", node.Event?.Signal?.Name);
        yield return ("condition", node.Event?.Condition);
    }
}

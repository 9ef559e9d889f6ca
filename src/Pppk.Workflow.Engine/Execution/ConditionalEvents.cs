using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Expressions;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Execution;

/// <summary>
/// Conditional events (intermediate catch, boundary, event subprocess start). At the end of every step, once the tokens
/// wait, each open condition is evaluated in its owner's scope; one that became true (was false or new) fires, and what
/// it sets off runs in the same step, after which the conditions are evaluated again. A step that changes no variable
/// cannot make a condition true, so this is "evaluated when variables change".
/// </summary>
internal static class ConditionalEvents
{
    /// <summary>Rounds of firing in one step before giving up: conditions that keep toggling each other are a modelling loop.</summary>
    private const int MaxRounds = 100;

    public static void Evaluate(StepContext step)
    {
        var state = step.State;
        if (!state.WaitPoints.Exists(w => w.Kind == WaitKind.Condition))
            return; // the common step: nothing to evaluate, nothing allocated
        for (var round = 0; round < MaxRounds; round++)
        {
            var fired = false;
            foreach (var wait in state.WaitPoints.Where(w => w.Kind == WaitKind.Condition).ToList())
            {
                if (state.Status != InstanceStatus.Active || !state.WaitPoints.Contains(wait) || state.Find(wait.ElementInstanceKey) is not { } owner)
                    continue;
                var held = wait.ConditionHeld;
                wait.ConditionHeld = Holds(step, owner, step.Model.Node(wait.ElementId).Event?.Condition);
                if (!wait.ConditionHeld || held)
                    continue;
                WaitPointDispatch.Handle(step, new ConditionSatisfied(wait.Id));
                step.Transitions.Run();
                fired = true;
            }
            if (!fired)
                return;
        }
        throw new StepLimitExceededException($"Process '{step.Model.Id}': conditional events kept firing for {MaxRounds} rounds in one step; their conditions change each other's variables in a loop.");
    }

    /// <summary>True only for a boolean true; null, other values and a failing evaluation are false (the event waits on).</summary>
    private static bool Holds(StepContext step, ElementInstance owner, string? condition)
    {
        if (condition is null)
            return false;
        try
        {
            return step.Expressions.Evaluate(condition, step.Variables.Lookup(owner)) is JsonValue v
                && v.GetValueKind() == System.Text.Json.JsonValueKind.True;
        }
        catch (ExpressionException)
        {
            return false;
        }
    }
}

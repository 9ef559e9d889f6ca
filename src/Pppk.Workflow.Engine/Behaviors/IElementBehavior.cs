using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>
/// What one kind of BPMN element does: when a token arrives, when it is entered, and when a trigger reaches a wait
/// point it opened. Completing, leaving and terminating are the generic operations of <see cref="StepContext"/>.
/// </summary>
internal interface IElementBehavior
{
    /// <summary>A token arrives on <paramref name="flow"/>. Most elements are entered at once; a join may hold the token.</summary>
    void Arrive(StepContext context, FlowNode node, SequenceFlow flow, long scopeKey) => context.Transitions.Enter(node, scopeKey);

    /// <summary>Runs after the element instance exists, its input mappings are applied and its boundary events are open. Either completes the instance or opens a wait point.</summary>
    void Activate(StepContext context, ElementInstance instance, FlowNode node);

    /// <summary>
    /// A trigger (task completion, job result, timer, message, child instance outcome) reached <paramref name="wait"/>,
    /// owned by <paramref name="instance"/>; its kind already matches the trigger. Returns why it was ignored, or null.
    /// Elements that never wait keep this default: no trigger can reach them.
    /// </summary>
    string? OnTrigger(StepContext context, ElementInstance instance, FlowNode node, WaitPoint wait, Trigger trigger) =>
        throw ElementBehaviors.Unexpected(node, wait, trigger);
}

using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>What one kind of BPMN element does when a token enters it. Completion and leaving are the interpreter's generic operations.</summary>
internal interface IElementBehavior
{
    /// <summary>Runs after the element instance exists, its input mappings are applied and its boundary events are open. Either completes the instance or opens a wait point.</summary>
    void Activate(StepContext context, ElementInstance instance, FlowNode node);
}

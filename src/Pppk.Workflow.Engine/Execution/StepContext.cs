using Pppk.Workflow.Engine.Expressions;
using Pppk.Workflow.Engine.Feel;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Execution;

/// <summary>
/// One step of one instance: the model, the state it changes, the clock and the effects it collects, and the
/// collaborators that change the state (each owns one concern; behaviours and the engine reach them through here).
/// </summary>
internal sealed class StepContext
{
    public StepContext(ProcessModel model, InstanceState state, DateTimeOffset now, ExpressionEvaluator expressions, TimeZoneInfo zone)
    {
        Model = model;
        State = state;
        Now = now;
        Expressions = expressions;
        Zone = zone;
        Transitions = new StepTransitions(this);
        Completion = new StepCompletion(this);
        Variables = new StepVariables(this);
        WaitPoints = new StepWaitPoints(this);
        Incidents = new StepIncidents(this);
        Interruptions = new StepInterruptions(this);
    }

    public ProcessModel Model { get; }
    public InstanceState State { get; }
    public DateTimeOffset Now { get; }
    public ExpressionEvaluator Expressions { get; }
    public TimeZoneInfo Zone { get; }

    /// <summary>The FEEL environment decisions are evaluated in (the one expressions use).</summary>
    public FeelEnvironment Feel { get; init; } = FeelEnvironment.Default;

    /// <summary>Where business rule tasks find their decisions; null when the caller gave none (an incident if one is reached).</summary>
    public IDecisionResolver? Decisions { get; init; }
    public List<Effect> Effects { get; } = [];

    /// <summary>The operation queue: entering elements and taking flows until every token waits.</summary>
    public StepTransitions Transitions { get; }

    /// <summary>Completing and leaving element instances and scopes, and ending the process.</summary>
    public StepCompletion Completion { get; }

    /// <summary>Variable scopes, input/output mappings and guarded expression evaluation.</summary>
    public StepVariables Variables { get; }

    /// <summary>Opening, consuming and closing the points where an instance waits.</summary>
    public StepWaitPoints WaitPoints { get; }

    public StepIncidents Incidents { get; }

    /// <summary>Ending tokens early: termination and BPMN error propagation.</summary>
    public StepInterruptions Interruptions { get; }

    public void Emit(Effect effect) => Effects.Add(effect);
}

/// <summary>A step never reached a wait state (a loop of pass-through elements). The step is not applied; the runtime rolls back and reports it.</summary>
public sealed class StepLimitExceededException(string message) : Exception(message);

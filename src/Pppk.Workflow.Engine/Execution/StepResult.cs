using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Execution;

/// <summary>The outcome of one step: the new state and the effects to persist and dispatch. <see cref="Ignored"/> says why a trigger changed nothing (e.g. the wait point was already gone).</summary>
public sealed record StepResult(InstanceState State, IReadOnlyList<Effect> Effects, string? Ignored = null)
{
    public bool WasIgnored => Ignored is not null;
}

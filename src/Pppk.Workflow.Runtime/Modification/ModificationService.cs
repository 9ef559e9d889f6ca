using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Modification;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.Steps;

namespace Pppk.Workflow.Runtime.Modification;

/// <summary>What a modification did: the element instances it created (in the order asked) and how many it terminated.</summary>
public sealed record ModificationOutcome(Guid InstanceId, IReadOnlyList<ActivatedElement> Activated, int Terminated);

/// <summary>A modification that cannot run as asked: every problem, none of it applied.</summary>
public sealed class ModificationRefusedException(IReadOnlyList<ModificationProblem> problems)
    : Exception(string.Join(" ", problems.Select(p => p.Message.ToString())))
{
    public IReadOnlyList<ModificationProblem> Problems { get; } = problems;
}

/// <summary>
/// Process instance modification (<c>POST /api/instances/{id}/modification</c>): checked against the locked instance, then
/// run as one step of it, audited with who asked; the step's history rows record the element instances it started and ended.
/// </summary>
public sealed class ModificationService
{
    private readonly StepRunner _runner;
    private readonly DefinitionStore _definitions;
    private readonly WorkflowEngine _engine;

    internal ModificationService(StepRunner runner, DefinitionStore definitions, WorkflowEngine engine)
    {
        _runner = runner;
        _definitions = definitions;
        _engine = engine;
    }

    /// <summary>Runs <paramref name="modification"/> on the instance and commits; a refused one throws <see cref="ModificationRefusedException"/> and changes nothing.</summary>
    public async Task<ModificationOutcome> ModifyAsync(Guid instanceId, ModifyInstance modification, string? user, CancellationToken ct)
    {
        var done = await _runner.RunAsync(async tx =>
        {
            await tx.LoadAsync([instanceId], ct);
            var instance = tx.Find(instanceId) ?? throw WorkflowException.NotFound($"No instance {instanceId} (or its state was pruned).");
            var model = (await _definitions.GetAsync(instance.DefinitionId, ct)).Model;
            if (_engine.CheckModification(model, instance.State, modification) is { Count: > 0 } problems)
                throw new ModificationRefusedException(problems);
            tx.Enqueue(instance, modification, user);
            return tx.Modifications;
        }, ct);
        // checked in the same transaction on the locked state, so the step cannot have refused it
        var modified = done.GetValueOrDefault(instanceId) ?? throw new InvalidOperationException($"The modification of instance {instanceId} left no record.");
        return new ModificationOutcome(instanceId, modified.Activated, modified.Terminated);
    }
}

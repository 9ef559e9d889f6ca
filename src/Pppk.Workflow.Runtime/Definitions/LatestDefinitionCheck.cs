using Npgsql;
using static Pppk.Workflow.Runtime.Steps.StepBatch;

namespace Pppk.Workflow.Runtime.Definitions;

/// <summary>
/// Definitions a start took from the cache as the latest version (<see cref="DefinitionStore"/>), and decision versions a
/// step's business rule tasks took the same way (<see cref="Decisions.DecisionStore"/>): the step's batch checks they still
/// are, and fails (so the step runs again) when another process deployed a newer one meanwhile.
/// </summary>
internal sealed class LatestDefinitionCheck
{
    private readonly HashSet<long> _assumed = [];
    private readonly HashSet<long> _assumedDecisions = [];

    public void Assume(long definitionId) => _assumed.Add(definitionId);

    public void AssumeDecision(long decisionId) => _assumedDecisions.Add(decisionId);

    public void AddTo(NpgsqlBatch batch)
    {
        if (_assumed.Count > 0)
            Add(batch, DefinitionTable.StillLatestCheck, P("ids", _assumed));
        if (_assumedDecisions.Count > 0)
            Add(batch, Decisions.DecisionTable.StillLatestCheck, P("ids", _assumedDecisions));
    }
}

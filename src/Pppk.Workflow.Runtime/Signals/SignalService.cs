using System.Text.Json.Nodes;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.Steps;

namespace Pppk.Workflow.Runtime.Signals;

/// <summary>Broadcasting a signal from outside (<c>POST /api/signals</c>): one transaction triggers every waiting subscription and starts every process with a matching signal start.</summary>
public sealed class SignalService
{
    private readonly StepRunner _runner;
    private readonly DefinitionStore _definitions;
    private readonly TimeProvider _clock;

    internal SignalService(StepRunner runner, DefinitionStore definitions, TimeProvider clock)
    {
        _runner = runner;
        _definitions = definitions;
        _clock = clock;
    }

    public sealed record Result(IReadOnlyList<Guid> TriggeredInstanceIds, IReadOnlyList<Guid> StartedInstanceIds);

    public async Task<Result> BroadcastAsync(string name, JsonObject? variables, string? user, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name)) throw WorkflowException.BadRequest("A signal needs a name.");
        var outcome = await _runner.RunAsync(tx => SignalBroadcast.RunAsync(tx, _definitions, name, variables, user, throughInbox: false,
            Database.StoredTime.Of(_clock.GetUtcNow()), ct), ct);
        return new Result(outcome.Triggered, outcome.Started);
    }
}

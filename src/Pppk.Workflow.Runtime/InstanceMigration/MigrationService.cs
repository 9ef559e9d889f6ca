using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Migration;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Runtime.Database;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.Steps;

namespace Pppk.Workflow.Runtime.InstanceMigration;

/// <summary>A migration plan: the version to move to and where active elements go (same ids map implicitly).</summary>
public sealed record MigrationRequest(int TargetVersion, IReadOnlyList<ElementMapping> Mappings);

/// <summary>A migrated instance: its process and the versions it moved between.</summary>
public sealed record MigrationOutcome(Guid InstanceId, string DefinitionKey, int FromVersion, int ToVersion);

/// <summary>A plan checked against an instance: every problem, and the effective mapping of each active element.</summary>
public sealed record MigrationCheck(bool Valid, IReadOnlyList<PlanProblem> Problems, IReadOnlyList<ElementMapping> Mappings);

/// <summary>
/// Moves running instances to another version of their process. The instance row is locked like any step's, the plan is
/// checked against it before anything changes (a refused plan is a 400 listing every problem), and the migration runs as
/// one step: state, version, tasks, timers, subscriptions, jobs, incidents, history and audit commit together.
/// </summary>
public sealed class MigrationService
{
    private readonly StepRunner _runner;
    private readonly DefinitionStore _definitions;
    private readonly TimeProvider _clock;

    internal MigrationService(StepRunner runner, DefinitionStore definitions, TimeProvider clock)
    {
        _runner = runner;
        _definitions = definitions;
        _clock = clock;
    }

    /// <summary>The audit action a migration records.</summary>
    public const string AuditAction = "migrate";

    /// <summary>The element type of the history row a migration adds.</summary>
    public const string HistoryType = "migration";

    /// <summary>Migrates one instance in a transaction of its own; refused plans throw <see cref="WorkflowException"/> (400) with <see cref="WorkflowException.Problems"/>.</summary>
    public Task<MigrationOutcome> MigrateAsync(Guid instanceId, MigrationRequest request, string? user, CancellationToken ct) =>
        _runner.RunAsync(tx => MigrateInAsync(tx, instanceId, request, user, ct), ct);

    /// <summary>
    /// Migrates one instance inside the caller's transaction (a batch chunk migrates many in one): locks it, checks the
    /// plan and queues the migration step, which runs when the caller's transaction runs its steps. A refusal throws
    /// before anything is queued or written, so the caller may go on with the next instance.
    /// </summary>
    internal async Task<MigrationOutcome> MigrateInAsync(StepTransaction tx, Guid instanceId, MigrationRequest request, string? user, CancellationToken ct)
    {
        var (instance, source, target) = await PrepareAsync(tx, instanceId, request, ct);
        var plan = MigrationPlanner.Check(source.Model, target.Model, instance.State, request.Mappings);
        if (!plan.IsValid)
            throw new WorkflowException(400, MigrationTexts.Refused.Format(plan.Problems.Count)) { Problems = plan.Problems };
        tx.Enqueue(instance, new MigrateTo(source, target, request.Mappings), user);
        var now = StoredTime.Of(_clock.GetUtcNow());
        var details = new JsonObject
        {
            ["fromVersion"] = source.Version,
            ["toVersion"] = target.Version,
            ["mappings"] = new JsonArray(plan.Mappings.Select(m => (JsonNode)new JsonObject { ["sourceElementId"] = m.SourceElementId, ["targetElementId"] = m.TargetElementId }).ToArray()),
        };
        tx.Buffer.Audit.Record(instance.Id, now, user, AuditAction, details.ToJsonString());
        tx.Buffer.History.Started(new HistoryTable.Row(instance.Id, 0, instance.DefinitionKey, HistoryType, $"v{source.Version} → v{target.Version}", now)
        {
            EndedAt = now,
            CompletedBy = user,
            Variables = new JsonObject { ["fromVersion"] = source.Version, ["toVersion"] = target.Version }.ToJsonString(),
        });
        return new MigrationOutcome(instance.Id, instance.DefinitionKey, source.Version, target.Version);
    }

    /// <summary>Checks the plan against the instance as it is now (locked for the check, nothing written).</summary>
    public Task<MigrationCheck> CheckAsync(Guid instanceId, MigrationRequest request, CancellationToken ct) =>
        _runner.RunAsync(async tx =>
        {
            var (instance, source, target) = await PrepareAsync(tx, instanceId, request, ct);
            var plan = MigrationPlanner.Check(source.Model, target.Model, instance.State, request.Mappings);
            return new MigrationCheck(plan.IsValid, plan.Problems, plan.Mappings);
        }, ct);

    private async Task<(LoadedInstance Instance, DefinitionStore.Deployed Source, DefinitionStore.Deployed Target)> PrepareAsync(StepTransaction tx, Guid instanceId,
        MigrationRequest request, CancellationToken ct)
    {
        await tx.LoadAsync([instanceId], ct);
        var instance = tx.Find(instanceId) ?? throw new WorkflowException(404, MigrationRuntimeTexts.NoInstance.Format(instanceId));
        if (instance.State.Status != InstanceStatus.Active)
            throw new WorkflowException(409, MigrationRuntimeTexts.NotActive.Format(instanceId, instance.Status));
        if (request.TargetVersion == instance.Version)
            throw new WorkflowException(400, MigrationRuntimeTexts.SameVersion.Format(instance.DefinitionKey, instance.Version));
        var target = await _definitions.VersionAsync(instance.DefinitionKey, request.TargetVersion, ct)
            ?? throw new WorkflowException(400, MigrationRuntimeTexts.UnknownVersion.Format(instance.DefinitionKey, request.TargetVersion));
        return (instance, await _definitions.GetAsync(instance.DefinitionId, ct), target);
    }
}

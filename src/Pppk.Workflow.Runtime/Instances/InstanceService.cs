using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Runtime.Database;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Runtime.Steps;

namespace Pppk.Workflow.Runtime.Instances;

/// <summary>
/// A started instance as its first step left it (committed), with the user tasks that step opened: the API's answer to a
/// start, without reading it back. <see cref="State"/> is the committed state; nothing changes it any more.
/// </summary>
public sealed record StartedInstance(Guid Id, string DefinitionKey, int Version, string? BusinessKey, string Status, InstanceState State,
    DateTimeOffset StartedAt, DateTimeOffset? EndedAt, Guid? ParentInstanceId, IReadOnlyList<OpenedTask> Tasks);

/// <summary>A user task a step opened.</summary>
public sealed record OpenedTask(Guid Id, string ElementId, string? Name);

/// <summary>Starting, cancelling and changing instances. Every call runs its steps and commits before it returns.</summary>
public sealed class InstanceService
{
    private readonly StepRunner _runner;
    private readonly DefinitionStore _definitions;
    private readonly TimeProvider _clock;

    internal InstanceService(StepRunner runner, DefinitionStore definitions, TimeProvider clock)
    {
        _runner = runner;
        _definitions = definitions;
        _clock = clock;
    }

    public sealed record StartRequest(string DefinitionKey, int? Version = null, string? BusinessKey = null, JsonObject? Variables = null, string? StartEventId = null,
        bool UniqueBusinessKey = false);

    public sealed record BatchItem(string? BusinessKey, JsonObject? Variables);

    public sealed record BatchResult(IReadOnlyList<Guid> Started, IReadOnlyList<string> Skipped);

    /// <summary>Starts one instance and runs its first step; answers with the instance as that committed step left it.</summary>
    public async Task<StartedInstance> StartAsync(StartRequest request, string? user, CancellationToken ct)
    {
        // A given version never changes, so it is resolved before the step queues. "The latest" is resolved in the body,
        // from the cache and checked at commit: a step run again because the cached one went stale resolves it afresh.
        var pinned = request.Version is { } version ? await ResolveAsync(request.DefinitionKey, version, ct) : null;
        var (id, outcome) = await _runner.RunGroupedAsync(async tx =>
        {
            var definition = pinned ?? await LatestForStepAsync(tx, request.DefinitionKey, ct);
            if (request.StartEventId is null && definition.Model.NoneStartEvent is null)
                throw WorkflowException.BadRequest($"Process '{definition.Key}' has no none start event; it starts by message or timer.");
            if (request.StartEventId is null) StartVariables.Ensure(definition.Key, definition.Model.Process, request.Variables);
            if (request.UniqueBusinessKey && request.BusinessKey is { } key) await UniqueBusinessKey.EnsureFreeAsync(tx, definition.Key, key, ct);
            var instance = NewInstance(definition, request.BusinessKey);
            tx.Instances[instance.Id] = instance;
            tx.Enqueue(instance, new StartTrigger(request.Variables, request.StartEventId), user);
            return (instance.Id, tx.Outcome);
        }, ct);
        // Committed, and no transaction holds these objects any more: the state is read as the step left it.
        var committed = outcome.Instances[id];
        var opened = outcome.TasksOpened.Where(t => t.InstanceId == id).Select(t => new OpenedTask(t.Id, t.ElementId, t.Name)).ToList();
        return new StartedInstance(committed.Id, committed.DefinitionKey, committed.Version, committed.BusinessKey, committed.Status, committed.State,
            committed.StartedAt, committed.EndedAt, committed.ParentInstanceId, opened);
    }

    /// <summary>
    /// Starts many instances in one transaction (a single flush of set-based inserts). With <paramref name="uniqueBusinessKey"/>
    /// a business key that already has an active instance of this definition (or appears twice in the batch) is skipped.
    /// </summary>
    public async Task<BatchResult> StartBatchAsync(string definitionKey, IReadOnlyList<BatchItem> items, bool uniqueBusinessKey, string? user, CancellationToken ct)
    {
        var definition = await ResolveAsync(definitionKey, null, ct);
        if (definition.Model.NoneStartEvent is null)
            throw WorkflowException.BadRequest($"Process '{definition.Key}' has no none start event; it starts by message or timer.");
        StartVariables.EnsureAll(definition.Key, definition.Model.Process, items);
        const int chunk = 2000;
        var started = new List<Guid>(items.Count);
        var skipped = new List<string>();
        for (var offset = 0; offset < items.Count; offset += chunk)
        {
            var part = items.Skip(offset).Take(chunk).ToList();
            var result = await _runner.RunAsync(tx => StartInAsync(tx, definition, part, uniqueBusinessKey, user, ct), ct);
            started.AddRange(result.Started);
            skipped.AddRange(result.Skipped);
        }
        return new BatchResult(started, skipped);
    }

    /// <summary>
    /// Queues the starts of <paramref name="items"/> in the step <paramref name="tx"/> (a batch's chunk, a streamed start's
    /// chunk); with <paramref name="uniqueBusinessKey"/> a key with an active case (or met before in the items) is skipped.
    /// </summary>
    internal async Task<BatchResult> StartInAsync(StepTransaction tx, DefinitionStore.Deployed definition, IReadOnlyList<BatchItem> items, bool uniqueBusinessKey,
        string? user, CancellationToken ct)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        if (uniqueBusinessKey)
        {
            await UniqueBusinessKey.LockAsync(tx, definition.Key, ct);
            taken.UnionWith(await InstanceTable.ActiveBusinessKeysAsync(tx, definition.Key,
                items.Where(i => i.BusinessKey is not null).Select(i => i.BusinessKey!).Distinct().ToArray(), ct));
        }
        var started = new List<Guid>(items.Count);
        var skipped = new List<string>();
        foreach (var item in items)
        {
            if (uniqueBusinessKey && item.BusinessKey is { } key && !taken.Add(key))
            {
                skipped.Add(key);
                continue;
            }
            var instance = NewInstance(definition, item.BusinessKey);
            tx.Instances[instance.Id] = instance;
            tx.Enqueue(instance, new StartTrigger(item.Variables), user);
            started.Add(instance.Id);
        }
        return new BatchResult(started, skipped);
    }

    /// <summary>Runs a trigger on one instance (cancel, set variables, retry an incident).</summary>
    public async Task TriggerAsync(Guid instanceId, Trigger trigger, string? user, string auditAction, JsonNode? auditDetails, CancellationToken ct)
    {
        await _runner.RunAsync(async tx =>
        {
            await tx.LoadAsync([instanceId], ct);
            var instance = tx.Find(instanceId) ?? throw WorkflowException.NotFound($"No instance {instanceId} (or its state was pruned).");
            if (instance.State.Status != InstanceStatus.Active)
                throw WorkflowException.Conflict($"Instance {instanceId} is {instance.Status}.");
            tx.Enqueue(instance, trigger, user);
            tx.Buffer.Audit.Record(instanceId, _clock.GetUtcNow(), user, auditAction, auditDetails?.ToJsonString());
        }, ct);
    }

    /// <summary>A timer start event's recurring job: a new instance of the latest version, if it still has that start event.</summary>
    public async Task StartByTimerAsync(string definitionKey, string startEventId, CancellationToken ct)
    {
        var definition = await _definitions.LatestAsync(definitionKey, ct);
        if (definition is null || definition.Model.TimerStarts.All(t => t.StartEvent.Id != startEventId)) return;
        await StartAsync(new StartRequest(definitionKey, definition.Version, null, null, startEventId), "timer", ct);
    }

    private async Task<DefinitionStore.Deployed> ResolveAsync(string key, int? version, CancellationToken ct) =>
        (version is { } v ? await _definitions.VersionAsync(key, v, ct) : await _definitions.LatestAsync(key, ct))
        ?? throw (version is null ? NotDeployed(key) : WorkflowException.NotFound($"Process '{key}' has no version {version}."));

    /// <summary>The latest version from the cache, noted in the step so its flush checks it is still the latest.</summary>
    private async Task<DefinitionStore.Deployed> LatestForStepAsync(StepTransaction tx, string key, CancellationToken ct)
    {
        var definition = await _definitions.CachedLatestAsync(key, ct) ?? throw NotDeployed(key);
        tx.Buffer.AssumedLatest.Assume(definition.Id);
        return definition;
    }

    private static WorkflowException NotDeployed(string key) => WorkflowException.NotFound($"No process with key '{key}' is deployed.");

    internal LoadedInstance NewInstance(DefinitionStore.Deployed definition, string? businessKey) => new()
    {
        Id = Guid.CreateVersion7(), DefinitionId = definition.Id, DefinitionKey = definition.Key, Version = definition.Version,
        BusinessKey = businessKey, StartedAt = StoredTime.Of(_clock.GetUtcNow()), State = new InstanceState { ProcessId = definition.Key }, IsNew = true,
    };
}

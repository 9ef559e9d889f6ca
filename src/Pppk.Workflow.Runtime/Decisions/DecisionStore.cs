using System.Collections.Concurrent;
using Npgsql;
using Pppk.Workflow.Engine.Dmn;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Runtime.Definitions;

namespace Pppk.Workflow.Runtime.Decisions;

/// <summary>
/// Deployed decisions, each version's DMN model parsed once (imports included) and shared by every step and evaluation.
/// Before a step of a process with business rule tasks it gives the engine the versions their bindings name
/// (<see cref="ResolverForAsync"/>) without a query in the usual case: the latest version of each key is cached as the
/// process definitions' is, and the step's flush checks the assumption (<see cref="LatestDefinitionCheck"/>); a version
/// deployed together with the caller never changes.
/// </summary>
public sealed class DecisionStore(NpgsqlDataSource db)
{
    private readonly ConcurrentDictionary<long, Task<ResolvedDecision>> _byId = new();
    private readonly ConcurrentDictionary<long, Task<DmnModel>> _files = new();
    private readonly ConcurrentDictionary<string, long> _latestIds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Key, int Version), long> _versionIds = new();

    /// <summary>Drops the cached latest versions (after a deployment here, or a step that found one stale).</summary>
    public void ForgetLatest() => _latestIds.Clear();

    public Task<ResolvedDecision> GetAsync(long id, CancellationToken ct = default) => _byId.GetOrAdd(id, i => LoadAsync(i, ct));

    /// <summary>Version <paramref name="version"/> of <paramref name="key"/> (the latest when null), or null.</summary>
    public async Task<ResolvedDecision?> FindAsync(string key, int? version, CancellationToken ct = default)
    {
        long? id = version is { } v ? await DecisionTable.IdAsync(db, key, v, ct)
            : (await DecisionTable.LatestIdsAsync(db, [key], null, ct)).TryGetValue(key, out var latest) ? latest : null;
        return id is { } found ? await GetAsync(found, ct) : null;
    }

    /// <summary>
    /// The decisions the business rule tasks of <paramref name="caller"/> may call in this step, by their bindings; null when
    /// the process has none. A decision id given as an expression is resolved among the latest versions and the caller's deployment.
    /// </summary>
    internal async Task<IDecisionResolver?> ResolverForAsync(DefinitionStore.Deployed caller, LatestDefinitionCheck assumed, CancellationToken ct)
    {
        var calls = CallsOf(caller.Model);
        if (calls.Count == 0) return null;
        var dynamic = calls.Any(c => IsExpression(c.DecisionId));
        var keys = calls.Where(c => !IsExpression(c.DecisionId)).Select(c => c.DecisionId!).ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<(string, BindingType, string?), ResolvedDecision>();
        if (dynamic)
            foreach (var key in await DecisionTable.KeysAsync(db, ct)) keys.Add(key);
        if (keys.Where(k => !_latestIds.ContainsKey(k)).ToList() is { Count: > 0 } unknown)
            foreach (var (key, id) in await DecisionTable.LatestIdsAsync(db, unknown, null, ct))
                _latestIds[key] = id;
        foreach (var key in keys)
            if (_latestIds.TryGetValue(key, out var id))
            {
                found[(key, BindingType.Latest, null)] = await GetAsync(id, ct);
                assumed.AssumeDecision(id);
            }
        foreach (var (key, version) in caller.Together?.Decisions ?? [])
            if (keys.Contains(key) && await VersionIdAsync(key, version, ct) is { } id)
                found[(key, BindingType.Deployment, null)] = await GetAsync(id, ct);
        foreach (var tag in calls.Where(c => c.Binding.Type == BindingType.VersionTag && c.Binding.VersionTag is not null).Select(c => c.Binding.VersionTag!).Distinct())
            foreach (var (key, id) in await DecisionTable.LatestIdsAsync(db, keys, tag, ct))
                found[(key, BindingType.VersionTag, tag)] = await GetAsync(id, ct);
        return new Snapshot(found);
    }

    /// <summary>The id of version <paramref name="version"/> of <paramref name="key"/>: fixed once deployed, so cached.</summary>
    private async Task<long?> VersionIdAsync(string key, int version, CancellationToken ct)
    {
        if (_versionIds.TryGetValue((key, version), out var cached)) return cached;
        var id = await DecisionTable.IdAsync(db, key, version, ct);
        if (id is { } found) _versionIds[(key, version)] = found;
        return id;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ProcessModel, List<CalledDecision>> Calls = [];

    private static List<CalledDecision> CallsOf(ProcessModel model) => Calls.GetValue(model, m =>
        [.. m.Process.AllNodes.Values.Where(n => n.Type == "businessRuleTask").Select(n => n.CalledDecision).OfType<CalledDecision>()
            .Where(c => !string.IsNullOrWhiteSpace(c.DecisionId))]);

    private static bool IsExpression(string? value) => value?.TrimStart().StartsWith('=') == true;

    private async Task<ResolvedDecision> LoadAsync(long id, CancellationToken ct)
    {
        try
        {
            var (key, version, name, fileId) = await DecisionTable.SourceAsync(db, id, ct) ?? throw new KeyNotFoundException($"No decision with id {id}.");
            return new ResolvedDecision(key, version, name, await ModelAsync(fileId, ct));
        }
        catch
        {
            _byId.TryRemove(id, out _); // don't cache a failure (e.g. a cancelled load)
            throw;
        }
    }

    /// <summary>A stored file's model, read with the models it imports (stored files, never changed).</summary>
    private Task<DmnModel> ModelAsync(long fileId, CancellationToken ct) => _files.GetOrAdd(fileId, async id =>
    {
        try
        {
            var (xml, imports) = await DecisionTable.FileAsync(db, id, ct);
            var imported = new List<DmnModel>();
            foreach (var i in imports) imported.Add(await ModelAsync(i, ct));
            var read = DmnReader.Read(xml, imported);
            return read.Model ?? throw new InvalidOperationException($"Stored decision file {id} no longer reads: {string.Join("; ", read.Problems.Select(p => p.Message))}");
        }
        catch
        {
            _files.TryRemove(id, out _);
            throw;
        }
    });

    private sealed class Snapshot(Dictionary<(string, BindingType, string?), ResolvedDecision> found) : IDecisionResolver
    {
        public (ResolvedDecision? Found, Engine.Localization.LocalizedText? Missing) Resolve(string decisionId, ResourceBinding binding)
        {
            var type = binding.Type ?? BindingType.Latest;
            var tag = type == BindingType.VersionTag ? binding.VersionTag : null;
            return found.TryGetValue((decisionId, type, tag), out var d) ? (d, null) : (null, DecisionTexts.NotDeployed.Format(decisionId, binding.ToString()));
        }
    }
}

using System.Collections.Concurrent;
using Npgsql;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Feel;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.Parsing;

namespace Pppk.Workflow.Runtime.Definitions;

/// <summary>Compiled process models by definition id, parsed once per version (FEEL included) and shared by every step.</summary>
public sealed class DefinitionStore(NpgsqlDataSource db, FeelEnvironment feel)
{
    /// <summary>One deployed version; <paramref name="Together"/> is what its deployment held (null for versions deployed before it was kept).</summary>
    public sealed record Deployed(long Id, string Key, int Version, string? Name, ProcessModel Model, DeployedTogether? Together = null);

    private readonly ConcurrentDictionary<long, Task<Deployed>> _byId = new();

    public Task<Deployed> GetAsync(long definitionId, CancellationToken ct = default) =>
        _byId.GetOrAdd(definitionId, id => LoadAsync(id, ct));

    /// <summary>The latest version of <paramref name="key"/>, or null when none is deployed.</summary>
    public async Task<Deployed?> LatestAsync(string key, CancellationToken ct = default) =>
        await DefinitionTable.IdAsync(db, key, null, ct) is { } id ? await GetAsync(id, ct) : null;

    private readonly ConcurrentDictionary<string, long> _latestIds = new(StringComparer.Ordinal);

    /// <summary>
    /// The latest version of <paramref name="key"/> as this process last saw it (no query when cached). Only for a step
    /// that checks the assumption when it commits (<see cref="LatestDefinitionCheck"/>): another process may
    /// have deployed a newer version since, and then the step fails with <see cref="StaleLatestSqlState"/> and runs again
    /// after <see cref="ForgetLatest"/>.
    /// </summary>
    public async Task<Deployed?> CachedLatestAsync(string key, CancellationToken ct = default)
    {
        if (_latestIds.TryGetValue(key, out var cached)) return await GetAsync(cached, ct);
        var latest = await LatestAsync(key, ct);
        if (latest is not null) _latestIds[key] = latest.Id;
        return latest;
    }

    /// <summary>The error a step's flush raises when a definition it assumed latest no longer is.</summary>
    public const string StaleLatestSqlState = "PW001";

    /// <summary>Drops the cached latest versions (after a deployment here, or a step that found one stale).</summary>
    public void ForgetLatest() => _latestIds.Clear();

    public async Task<Deployed?> VersionAsync(string key, int version, CancellationToken ct = default) =>
        await DefinitionTable.IdAsync(db, key, version, ct) is { } id ? await GetAsync(id, ct) : null;

    /// <summary>
    /// The version of <paramref name="key"/> a link of <paramref name="caller"/> bound by <paramref name="binding"/> uses:
    /// the latest, the one deployed with the caller, or the latest with a version tag; otherwise why there is none.
    /// </summary>
    public async Task<(Deployed? Found, LocalizedText? Missing)> ResolveAsync(string key, ResourceBinding? binding, Deployed caller, CancellationToken ct = default)
    {
        switch (binding?.Type)
        {
            case BindingType.Deployment:
                return caller.Together?.Processes.TryGetValue(key, out var version) == true && await VersionAsync(key, version, ct) is { } together
                    ? (together, null)
                    : (null, IncidentTexts.ProcessNotInDeployment.Format(key));
            case BindingType.VersionTag:
                return await DefinitionTable.TaggedIdAsync(db, key, binding.VersionTag ?? "", ct) is { } id
                    ? (await GetAsync(id, ct), null)
                    : (null, IncidentTexts.ProcessVersionTagNotDeployed.Format(key, binding.VersionTag));
            default:
                return await LatestAsync(key, ct) is { } latest ? (latest, null) : (null, IncidentTexts.ProcessNotDeployed.Format(key));
        }
    }

    /// <summary>The latest version of every key.</summary>
    public async Task<IReadOnlyList<Deployed>> AllLatestAsync(CancellationToken ct = default)
    {
        var ids = await DefinitionTable.LatestIdsAsync(db, ct);
        var result = new List<Deployed>(ids.Count);
        foreach (var id in ids) result.Add(await GetAsync(id, ct));
        return result;
    }

    private async Task<Deployed> LoadAsync(long id, CancellationToken ct)
    {
        try
        {
            var (key, version, name, xml, deployment) = await DefinitionTable.SourceAsync(db, id, ct) ?? throw new KeyNotFoundException($"No definition with id {id}.");
            return new Deployed(id, key, version, name, ProcessModel.Create(BpmnParser.Parse(xml), key, feel.Limits),
                deployment is null ? null : DeployedTogether.Parse(deployment));
        }
        catch
        {
            _byId.TryRemove(id, out _); // don't cache a failure (e.g. a cancelled load)
            throw;
        }
    }
}

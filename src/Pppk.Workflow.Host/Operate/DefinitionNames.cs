using System.Text.RegularExpressions;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Runtime.Incidents;
using Pppk.Workflow.Runtime.UserTasks;
using static Pppk.Workflow.Host.Incidents.IncidentsApi;

namespace Pppk.Workflow.Host.Operate;

/// <summary>The incidents screen's filter choices, each with a name and how many open incidents it has.</summary>
internal sealed record IncidentFacets(IReadOnlyList<IncidentFacets.Workflow> Workflows, IReadOnlyList<IncidentFacets.Step> Elements,
    IReadOnlyList<IncidentFacets.ErrorCode> Codes, IReadOnlyList<IncidentFacets.Unit> Units)
{
    public sealed record Workflow(string Key, string Name, int Count);

    public sealed record Step(string DefinitionKey, string ElementId, string Name, int Count);

    public sealed record ErrorCode(string Code, string Message, int Count);

    public sealed record Unit(string Code, string Name, int Count);
}

/// <summary>
/// Workflow, step and unit names for one request's rows (each deployed version looked up once): people read
/// "Verifikasi berkas", not <c>Activity_0x1</c>; the units by their names, not their codes.
/// </summary>
internal sealed partial class DefinitionNames(DefinitionStore definitions, IUnitNames? unitNames)
{
    private readonly Dictionary<(string, int), DefinitionStore.Deployed?> _seen = [];
    private IReadOnlyDictionary<string, string>? _units;

    public static DefinitionNames For(HttpContext http) =>
        new(http.RequestServices.GetRequiredService<DefinitionStore>(), http.RequestServices.GetService<IUnitNames>());

    private async Task<DefinitionStore.Deployed?> DefinitionAsync(string key, int version, CancellationToken ct)
    {
        if (!_seen.TryGetValue((key, version), out var deployed))
            _seen[(key, version)] = deployed = await definitions.VersionAsync(key, version, ct);
        return deployed;
    }

    private async Task<string?> UnitAsync(string? code, CancellationToken ct)
    {
        if (code is null) return null;
        _units ??= unitNames is null ? new Dictionary<string, string>() : await unitNames.AllAsync(ct);
        return _units.GetValueOrDefault(code);
    }

    private async Task<string?> StepAsync(string key, int version, string elementId, CancellationToken ct) =>
        (await DefinitionAsync(key, version, ct))?.Model.Process.AllNodes.GetValueOrDefault(elementId)?.Name;

    public async Task<List<IncidentItem>> ItemsAsync(IEnumerable<IncidentRow> rows, CancellationToken ct)
    {
        var items = new List<IncidentItem>();
        foreach (var r in rows)
            items.Add(new(r.Id, r.InstanceId, r.ElementId, r.Code, r.Message, r.CreatedAt, r.DefinitionKey, (await DefinitionAsync(r.DefinitionKey, r.Version, ct))?.Name,
                r.Version, r.CaseTitle, r.BusinessKey, r.UnitCode, await UnitAsync(r.UnitCode, ct), await StepAsync(r.DefinitionKey, r.Version, r.ElementId, ct),
                r.TechnicalMessage));
        return items;
    }

    /// <summary>The facets summed over versions: a workflow, a step (by key and element), a code and a unit each once.</summary>
    public async Task<IncidentFacets> FacetsAsync(IReadOnlyList<IncidentFacet> facets, CancellationToken ct)
    {
        var workflows = new List<IncidentFacets.Workflow>();
        foreach (var g in facets.GroupBy(f => f.DefinitionKey))
            workflows.Add(new(g.Key, (await DefinitionAsync(g.Key, g.Max(f => f.Version), ct))?.Name ?? g.Key, g.Sum(f => f.Count)));
        var steps = new List<IncidentFacets.Step>();
        foreach (var g in facets.GroupBy(f => (f.DefinitionKey, f.ElementId)))
        {
            var latest = g.MaxBy(f => f.Version)!;
            steps.Add(new(g.Key.DefinitionKey, g.Key.ElementId, await StepAsync(latest.DefinitionKey, latest.Version, latest.ElementId, ct) ?? g.Key.ElementId,
                g.Sum(f => f.Count)));
        }
        var codes = facets.Where(f => f.Code is not null).GroupBy(f => f.Code!)
            .Select(g => new IncidentFacets.ErrorCode(g.Key, g.MaxBy(f => f.Count)!.SampleMessage, g.Sum(f => f.Count))).ToList();
        var units = new List<IncidentFacets.Unit>();
        foreach (var g in facets.Where(f => f.UnitCode is not null).GroupBy(f => f.UnitCode!))
            units.Add(new(g.Key, await UnitAsync(g.Key, ct) ?? g.Key, g.Sum(f => f.Count)));
        return new(
            [.. workflows.OrderBy(w => w.Name, StringComparer.CurrentCulture)],
            [.. steps.OrderBy(s => s.Name, StringComparer.CurrentCulture)],
            [.. codes.OrderByDescending(c => c.Count)],
            [.. units.OrderBy(u => u.Name, StringComparer.CurrentCulture)]);
    }

    /// <summary>
    /// Which of the case's <paramref name="variables"/> the incident's step reads: those named anywhere in its XML
    /// (inputs, headers, script, conditions) or its outgoing flows' conditions — what a fix most likely changes.
    /// </summary>
    public async Task<List<string>> ReadByStepAsync(IncidentRow row, IEnumerable<string> variables, CancellationToken ct)
    {
        if ((await DefinitionAsync(row.DefinitionKey, row.Version, ct))?.Model.Process.AllNodes.GetValueOrDefault(row.ElementId) is not { } node) return [];
        var text = node.Source.ToString() + string.Concat(node.Outgoing.Select(f => f.Source.ToString()));
        var words = Words().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        return variables.Where(words.Contains).ToList();
    }

    [GeneratedRegex(@"[\p{L}_][\p{L}\p{Nd}_]*")]
    private static partial Regex Words();
}

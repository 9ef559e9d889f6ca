using System.Text.Json;
using Hangfire;
using Microsoft.Extensions.Options;
using Npgsql;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Runtime.InstanceMigration;
using Pppk.Workflow.Runtime.Instances;

namespace Pppk.Workflow.Runtime.Operations;

/// <summary>A problem a dry run found (for migrate: in the plan, for the instances with a given set of active elements).</summary>
public sealed record OperationProblem(string Code, string? ElementId, string Message);

/// <summary>A dry run's answer: how many instances the operation would work on, and what would refuse it.</summary>
public sealed record OperationDryRun(int Total, IReadOnlyList<OperationProblem> Problems);

/// <summary>
/// Creates batch operations (the operation and all its items in one transaction, then its job), answers dry runs, reads
/// and cancels them. The work itself is <see cref="OperationRunner"/>'s.
/// </summary>
public sealed class OperationService
{
    private readonly NpgsqlDataSource _db;
    private readonly DefinitionStore _definitions;
    private readonly MigrationService _migrations;
    private readonly IBackgroundJobClient _jobs;
    private readonly TimeProvider _clock;
    private readonly OperationsOptions _options;

    internal OperationService(NpgsqlDataSource db, DefinitionStore definitions, MigrationService migrations, IBackgroundJobClient jobs, TimeProvider clock,
        IOptions<OperationsOptions> options)
    {
        _db = db;
        _definitions = definitions;
        _migrations = migrations;
        _jobs = jobs;
        _clock = clock;
        _options = options.Value;
    }

    /// <summary>Creates the operation with its items and queues its job; answers its id. <paramref name="maxItems"/> bounds the lists of the request.</summary>
    public async Task<Guid> CreateAsync(OperationRequest request, string? user, int maxItems, CancellationToken ct)
    {
        var checkedRequest = await CheckAsync(request, maxItems, ct);
        var op = new OperationRecord
        {
            Id = Guid.CreateVersion7(), Type = checkedRequest.Type, State = "running", DefinitionKey = checkedRequest.Key, DefinitionVersion = checkedRequest.Version,
            Request = JsonSerializer.Serialize(request with { Items = null, Filter = checkedRequest.Filter }, JsonSerializerOptions.Web),
            Description = request.Description ?? Describe(checkedRequest), CreatedBy = user, CreatedAt = _clock.GetUtcNow(),
        };
        await using (var conn = await _db.OpenConnectionAsync(ct))
        await using (var tx = await conn.BeginTransactionAsync(ct))
        {
            await OperationTable.InsertAsync(conn, tx, op, ct);
            int total;
            if (checkedRequest.Filter is { } filter)
            {
                total = await OperationItemTable.MaterializeAsync(conn, tx, op.Id, filter, ct);
            }
            else
            {
                var payloads = request.Items!.Select(i => JsonSerializer.Serialize(i, JsonSerializerOptions.Web)).ToList();
                await OperationItemTable.InsertStartsAsync(conn, tx, op.Id, payloads, ct);
                total = payloads.Count;
            }
            await OperationTable.SetTotalAsync(conn, tx, op.Id, total, ct);
            await tx.CommitAsync(ct);
        }
        // Lost if the process dies right here: the resume check queues it within a minute or two.
        _jobs.Enqueue<OperationJobs>(j => j.Run(op.Id, CancellationToken.None));
        return op.Id;
    }

    /// <summary>What the operation would do, without creating anything; problems in <paramref name="language"/>.</summary>
    public async Task<OperationDryRun> DryRunAsync(OperationRequest request, int maxItems, Language language, CancellationToken ct)
    {
        var checkedRequest = await CheckAsync(request, maxItems, ct);
        if (checkedRequest.Filter is not { } filter) return new(request.Items!.Count, []);
        var total = await OperationItemTable.CountAsync(_db, filter, ct);
        return new(total, checkedRequest.Type == OperationTypes.Migrate ? await PlanProblemsAsync(filter, request, language, ct) : []);
    }

    /// <summary>Most distinct sets of active elements a migrate dry run checks the plan for.</summary>
    private const int PlanChecks = 100;

    /// <summary>The plan's problems for each distinct set of active elements (one instance checked per set), each once.</summary>
    private async Task<List<OperationProblem>> PlanProblemsAsync(OperationFilter filter, OperationRequest request, Language language, CancellationToken ct)
    {
        var problems = new List<OperationProblem>();
        foreach (var id in await OperationItemTable.RepresentativesAsync(_db, filter, PlanChecks, ct))
        {
            try
            {
                var check = await _migrations.CheckAsync(id, OperationActions.Plan(request), ct);
                problems.AddRange(check.Problems.Select(p => new OperationProblem(p.Code, p.ElementId, p.Message.In(language))));
            }
            catch (WorkflowException e)
            {
                // Not a plan problem but a refusal of this instance (already on the target version, ended meanwhile).
                problems.Add(new OperationProblem(e.Text?.Code ?? "bad-request", null, e.Text?.In(language) ?? e.Message));
            }
        }
        return problems.Distinct().ToList();
    }

    /// <summary>One operation with its first failed instances (<see cref="OperationsOptions.ErrorsShown"/>), their reasons in <paramref name="language"/>.</summary>
    public async Task<OperationView?> GetAsync(Guid id, Language language, CancellationToken ct) =>
        await OperationTable.GetAsync(_db, id, ct) is { } view
            ? view with { Errors = await OperationItemTable.ErrorsAsync(_db, id, language == Language.Indonesian, _options.ErrorsShown, ct) }
            : null;

    /// <summary>Asks a running operation to stop after its current chunk.</summary>
    public async Task CancelAsync(Guid id, CancellationToken ct)
    {
        var state = await OperationTable.RequestCancelAsync(_db, id, ct) ?? throw new WorkflowException(404, OperationTexts.NotFound.Format(id));
        if (state != "running") throw new WorkflowException(409, OperationTexts.AlreadyEnded.Format(id, state));
        // A run may be queued behind other jobs: queue one now, so the cancel is seen soon (a live run makes it leave at once).
        _jobs.Enqueue<OperationJobs>(j => j.Run(id, CancellationToken.None));
    }

    /// <summary>A request checked: its type, the process key and version it is about, and its filter (null for start).</summary>
    private sealed record Checked(string Type, string Key, int? Version, OperationFilter? Filter, int? TargetVersion);

    private async Task<Checked> CheckAsync(OperationRequest request, int maxItems, CancellationToken ct)
    {
        var type = request.Type ?? "";
        if (!OperationTypes.All.Contains(type)) throw Bad(OperationTexts.TypeUnknown.Format(string.Join(", ", OperationTypes.All)));
        if (type == OperationTypes.Start) return await CheckStartAsync(request, maxItems, ct);
        var filter = request.Filter;
        if (filter is null || string.IsNullOrWhiteSpace(filter.DefinitionKey)) throw Bad(OperationTexts.FilterRequired.Format(type));
        if (filter.Status is { } status && !OperationTypes.Statuses.Contains(status))
            throw Bad(OperationTexts.StatusUnknown.Format(string.Join(", ", OperationTypes.Statuses)));
        if (filter.BusinessKeys?.Count > maxItems) throw Bad(OperationTexts.TooManyInFilter.Format("businessKeys", filter.BusinessKeys.Count, maxItems));
        if (filter.InstanceIds?.Count > maxItems) throw Bad(OperationTexts.TooManyInFilter.Format("instanceIds", filter.InstanceIds.Count, maxItems));
        if (filter.Search?.Length > CaseConditions.SearchMax) throw Bad(OperationTexts.SearchTooLong.Format(CaseConditions.SearchMax));
        if (filter.StartedFrom > filter.StartedTo) throw Bad(OperationTexts.StartedRange.Format());
        // Only active instances can be cancelled, changed or migrated: that is what a filter without a status means.
        filter = filter with { Status = filter.Status ?? "active" };
        if (type == OperationTypes.SetVariables && request.Variables is not { Count: > 0 }) throw Bad(OperationTexts.VariablesRequired.Format());
        if (type == OperationTypes.Migrate) await CheckTargetAsync(filter.DefinitionKey!, request, maxItems, ct);
        return new(type, filter.DefinitionKey!, filter.Version, filter, request.TargetVersion);
    }

    private async Task CheckTargetAsync(string key, OperationRequest request, int maxItems, CancellationToken ct)
    {
        if (request.TargetVersion is not { } target || request.Mappings?.Count > maxItems
            || request.Mappings?.Any(m => m is null || string.IsNullOrWhiteSpace(m.SourceElementId) || string.IsNullOrWhiteSpace(m.TargetElementId)) == true)
            throw Bad(OperationTexts.MigrationTargetRequired.Format(maxItems));
        if (await _definitions.VersionAsync(key, target, ct) is null) throw Bad(OperationTexts.TargetUnknown.Format(key, target));
    }

    private async Task<Checked> CheckStartAsync(OperationRequest request, int maxItems, CancellationToken ct)
    {
        if (request.Filter is not null) throw Bad(OperationTexts.FilterNotForStart.Format());
        if (string.IsNullOrWhiteSpace(request.DefinitionKey) || request.Items is not { Count: > 0 } items || items.Count > maxItems)
            throw Bad(OperationTexts.ItemsRequired.Format(maxItems));
        var definition = await _definitions.LatestAsync(request.DefinitionKey, ct)
            ?? throw WorkflowException.NotFound($"No process with key '{request.DefinitionKey}' is deployed.");
        if (definition.Model.NoneStartEvent is null)
            throw WorkflowException.BadRequest($"Process '{definition.Key}' has no none start event; it starts by message or timer.");
        StartVariables.EnsureAll(definition.Key, definition.Model.Process, items);
        return new(OperationTypes.Start, definition.Key, definition.Version, null, null);
    }

    private static WorkflowException Bad(LocalizedText text) => new(400, text);

    private static string Describe(Checked c) =>
        $"{c.Type} {c.Key}" + (c.Version is { } v ? $" v{v}" : "") + (c.TargetVersion is { } t ? $" → v{t}" : "");
}

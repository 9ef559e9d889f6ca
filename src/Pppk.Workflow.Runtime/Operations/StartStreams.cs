using System.Text.Json.Nodes;
using Hangfire;
using Microsoft.Extensions.Options;
using Npgsql;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.Steps;

namespace Pppk.Workflow.Runtime.Operations;

/// <summary>
/// Where a streamed start finds its cases: one row of a domain table per case (an employee, a contract), read in key order
/// a chunk at a time. The domain registers one per operation type; the runtime never reads the domain's tables itself.
/// </summary>
public interface IStartSource
{
    /// <summary>The operation type it is read for, e.g. <c>start-evaluations</c>.</summary>
    string Type { get; }

    /// <summary>How many cases the source has now for <paramref name="args"/> (the operation's total when it is created).</summary>
    Task<int> CountAsync(JsonObject args, CancellationToken ct);

    /// <summary>The next at most <paramref name="count"/> cases after the row keyed <paramref name="after"/> (null: from the first), in key order.</summary>
    Task<IReadOnlyList<SourcedStart>> ReadAsync(JsonObject args, string? after, int count, CancellationToken ct);
}

/// <summary>One case of a source: the row's key (the operation's cursor once started) and the start.</summary>
public sealed record SourcedStart(string Key, InstanceService.BatchItem Start);

/// <summary>
/// A streamed start to create: the source's type and arguments, the process, and the stream key that makes asking twice
/// (a job run again after a crash) answer the same operation.
/// </summary>
public sealed record StreamedStartRequest(string Type, JsonObject Args, string DefinitionKey, string StreamKey, string Description);

/// <summary>The operation of a streamed start: its id, how many cases it counted, and whether this request created it.</summary>
public sealed record StreamedStart(Guid Id, int Total, bool Created);

/// <summary>
/// Starts of one case per row of a domain table as a batch operation that holds no items: each chunk reads the next rows
/// after the operation's cursor from its <see cref="IStartSource"/>, starts them (unique business keys: a case still
/// running is skipped) and moves the cursor, all in one step transaction. Memory holds one chunk whatever the count; a
/// process killed mid-chunk loses that chunk whole, and the next run reads it again from the committed cursor.
/// </summary>
public sealed class StartStreams
{
    private readonly NpgsqlDataSource _db;
    private readonly DefinitionStore _definitions;
    private readonly InstanceService _instances;
    private readonly IReadOnlyDictionary<string, IStartSource> _sources;
    private readonly IBackgroundJobClient _jobs;
    private readonly TimeProvider _clock;
    private readonly IOptions<OperationsOptions> _options;

    internal StartStreams(NpgsqlDataSource db, DefinitionStore definitions, InstanceService instances, IEnumerable<IStartSource> sources, IBackgroundJobClient jobs,
        TimeProvider clock, IOptions<OperationsOptions> options)
    {
        _db = db;
        _definitions = definitions;
        _instances = instances;
        _sources = sources.ToDictionary(s => s.Type, StringComparer.Ordinal);
        _jobs = jobs;
        _clock = clock;
        _options = options;
    }

    /// <summary>Whether operations of <paramref name="type"/> are streamed starts.</summary>
    internal bool Streams(string type) => _sources.ContainsKey(type);

    /// <summary>
    /// Creates the operation on the latest version of the process (or answers the one its stream key already made) and
    /// queues its job while it runs. Throws a <see cref="WorkflowException"/> when the process cannot be started so.
    /// </summary>
    public async Task<StreamedStart> CreateAsync(StreamedStartRequest request, string? user, CancellationToken ct)
    {
        var source = _sources.GetValueOrDefault(request.Type) ?? throw new InvalidOperationException($"No start source for operation type '{request.Type}'.");
        var definition = await _definitions.LatestAsync(request.DefinitionKey, ct)
            ?? throw WorkflowException.NotFound($"No process with key '{request.DefinitionKey}' is deployed.");
        if (definition.Model.NoneStartEvent is null)
            throw WorkflowException.BadRequest($"Process '{definition.Key}' has no none start event; it starts by message or timer.");
        var op = new OperationRecord
        {
            Id = Guid.CreateVersion7(), Type = request.Type, State = "running", DefinitionKey = definition.Key, DefinitionVersion = definition.Version,
            Request = request.Args.ToJsonString(), Description = request.Description, Total = await source.CountAsync(request.Args, ct),
            CreatedBy = user, CreatedAt = _clock.GetUtcNow(), StreamKey = request.StreamKey,
        };
        var (id, state, total, created) = await OperationTable.InsertStreamAsync(_db, op, ct);
        // Queued again for an earlier one still running: its job may have died with its process (a live run makes this one leave).
        if (state == "running") _jobs.Enqueue<OperationJobs>(j => j.Run(id, CancellationToken.None));
        return new StreamedStart(id, total, created);
    }

    /// <summary>One chunk in the runner's step transaction: answers false when the source has no row after the cursor (the stream is done).</summary>
    internal async Task<bool> ChunkAsync(StepTransaction tx, Guid id, OperationHead head, CancellationToken ct)
    {
        var cursor = await OperationTable.CursorAsync(tx, id, ct);
        var args = JsonNode.Parse(head.Request)!.AsObject();
        var rows = await _sources[head.Type].ReadAsync(args, cursor, _options.Value.StartChunkSize, ct);
        if (rows.Count == 0)
        {
            await OperationTable.SettleStreamTotalAsync(tx, id, ct);
            return false;
        }
        var definition = await _definitions.VersionAsync(head.DefinitionKey, head.Version!.Value, ct)
            ?? throw new WorkflowException(400, OperationTexts.DefinitionMissing.Format(head.DefinitionKey, head.Version));
        var starts = rows.Select(r => r.Start).ToList();
        StartVariables.EnsureAll(definition.Key, definition.Model.Process, starts);
        await _instances.StartInAsync(tx, definition, starts, uniqueBusinessKey: true, head.CreatedBy, ct);
        await OperationTable.AdvanceStreamAsync(tx, id, cursor, rows[^1].Key, rows.Count, ct);
        return true;
    }
}

using System.Text.Json.Serialization;
using Npgsql;
using Pppk.Workflow.Runtime.Steps;

namespace Pppk.Workflow.Runtime.Operations;

/// <summary>A batch operation: what it does (its request), to how many instances, how far it got.</summary>
public sealed class OperationRecord
{
    public Guid Id { get; set; }

    /// <summary>migrate, cancel, retry-incidents, set-variables or start.</summary>
    public required string Type { get; set; }

    /// <summary>running, completed, failed or cancelled.</summary>
    public required string State { get; set; }
    public required string DefinitionKey { get; set; }

    /// <summary>The filter's version (for start: the version the items start on); null for every version.</summary>
    public int? DefinitionVersion { get; set; }

    /// <summary>The request as posted, without start items (jsonb).</summary>
    public required string Request { get; set; }
    public string? Description { get; set; }
    public int Total { get; set; }
    public int Done { get; set; }
    public int Failed { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>When a chunk last committed: the resume check finds operations whose runner died by it.</summary>
    public DateTimeOffset? ProgressAt { get; set; }
    public bool CancelRequested { get; set; }

    /// <summary>Why a failed operation stopped (not why single instances failed: that is on their items).</summary>
    public string? Error { get; set; }

    /// <summary>A streamed start: the key of the last row of its source that a committed chunk started (null before the first).</summary>
    public string? Cursor { get; set; }

    /// <summary>A streamed start: who asked for it once (e.g. the job's key), so asking again answers the same operation.</summary>
    public string? StreamKey { get; set; }
}

/// <summary>An instance the operation could not work on, and why (in the language asked for).</summary>
public sealed record OperationError(Guid? InstanceId, int Item, string? Code, string Message);

/// <summary>An operation as <c>GET /api/operations</c> shows it; <see cref="Errors"/> only on the single read (the first ones).</summary>
public sealed record OperationView(Guid Id, string Type, string State, string DefinitionKey, int? Version, string? Description, int Total, int Done,
    int Failed, string? CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, bool CancelRequested, string? Error)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<OperationError>? Errors { get; init; }
}

/// <summary>What a chunk reads of its operation before it claims items.</summary>
internal sealed record OperationHead(string Type, string State, bool CancelRequested, string DefinitionKey, int? Version, string Request, string? CreatedBy);

/// <summary>The owner of <c>pppk.operations</c>: created with its items, read by the screens, advanced by the runner's chunks.</summary>
public static class OperationTable
{
    private const string ViewColumns = "id, type, state, definition_key, definition_version, description, total, done, failed, created_by, created_at, "
        + "started_at, ended_at, cancel_requested, error";

    internal static async Task InsertAsync(NpgsqlConnection conn, NpgsqlTransaction tx, OperationRecord op, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO pppk.operations (id, type, state, definition_key, definition_version, request, description, total, done, failed, created_by, created_at, cancel_requested)
            VALUES (@id, @type, 'running', @key, @version, @request::jsonb, @description, @total, 0, 0, @by, @at, false)
            """, conn, tx);
        Bind(cmd, op);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The operation's columns as the insert's parameters.</summary>
    private static void Bind(NpgsqlCommand cmd, OperationRecord op)
    {
        cmd.Parameters.AddWithValue("id", op.Id);
        cmd.Parameters.AddWithValue("type", op.Type);
        cmd.Parameters.AddWithValue("key", op.DefinitionKey);
        cmd.Parameters.AddWithValue("version", (object?)op.DefinitionVersion ?? DBNull.Value);
        cmd.Parameters.AddWithValue("request", op.Request);
        cmd.Parameters.AddWithValue("description", (object?)op.Description ?? DBNull.Value);
        cmd.Parameters.AddWithValue("total", op.Total);
        cmd.Parameters.AddWithValue("by", (object?)op.CreatedBy ?? DBNull.Value);
        cmd.Parameters.AddWithValue("at", op.CreatedAt);
    }

    /// <summary>Sets the total once the items are in (they were counted by inserting them).</summary>
    internal static async Task SetTotalAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, int total, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("UPDATE pppk.operations SET total = @total WHERE id = @id", conn, tx);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("total", total);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task<OperationView?> GetAsync(NpgsqlDataSource db, Guid id, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"SELECT {ViewColumns} FROM pppk.operations WHERE id = @id");
        cmd.Parameters.AddWithValue("id", id);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? Read(r) : null;
    }

    /// <summary>A page of the operations, newest first, and how many there are.</summary>
    public static async Task<(List<OperationView> Items, int Total)> ListAsync(NpgsqlDataSource db, int skip, int take, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"SELECT {ViewColumns} FROM pppk.operations ORDER BY created_at DESC, id LIMIT @take OFFSET @skip");
        cmd.Parameters.AddWithValue("take", take);
        cmd.Parameters.AddWithValue("skip", skip);
        await using var count = db.CreateCommand("SELECT count(*) FROM pppk.operations");
        var items = new List<OperationView>();
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) items.Add(Read(r));
        return (items, (int)(long)(await count.ExecuteScalarAsync(ct))!);
    }

    private static OperationView Read(NpgsqlDataReader r) => new(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3),
        r.IsDBNull(4) ? null : r.GetInt32(4), r.IsDBNull(5) ? null : r.GetString(5), r.GetInt32(6), r.GetInt32(7), r.GetInt32(8),
        r.IsDBNull(9) ? null : r.GetString(9), r.GetFieldValue<DateTimeOffset>(10), r.IsDBNull(11) ? null : r.GetFieldValue<DateTimeOffset>(11),
        r.IsDBNull(12) ? null : r.GetFieldValue<DateTimeOffset>(12), r.GetBoolean(13), r.IsDBNull(14) ? null : r.GetString(14));

    /// <summary>Asks a running operation to stop after its current chunk; answers its state, or null if there is none.</summary>
    internal static async Task<string?> RequestCancelAsync(NpgsqlDataSource db, Guid id, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            UPDATE pppk.operations SET cancel_requested = (state = 'running') OR cancel_requested WHERE id = @id RETURNING state
            """);
        cmd.Parameters.AddWithValue("id", id);
        return await cmd.ExecuteScalarAsync(ct) as string;
    }

    /// <summary>The operation as a chunk needs it, read in the chunk's transaction.</summary>
    internal static async Task<OperationHead?> HeadAsync(StepTransaction tx, Guid id, CancellationToken ct)
    {
        await using var cmd = tx.Command("""
            SELECT type, state, cancel_requested, definition_key, definition_version, request::text, created_by FROM pppk.operations WHERE id = @id
            """);
        cmd.Parameters.AddWithValue("id", id);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct)
            ? new(r.GetString(0), r.GetString(1), r.GetBoolean(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetInt32(4), r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6))
            : null;
    }

    /// <summary>A chunk's progress, written in the chunk's own transaction so counters and items never disagree.</summary>
    internal static async Task AdvanceAsync(StepTransaction tx, Guid id, int done, int failed, CancellationToken ct)
    {
        await using var cmd = tx.Command("""
            UPDATE pppk.operations SET done = done + @done, failed = failed + @failed, started_at = coalesce(started_at, now()), progress_at = now()
            WHERE id = @id
            """);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("done", done);
        cmd.Parameters.AddWithValue("failed", failed);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Ends a running operation as <paramref name="state"/> (cancelled or failed, with the reason).</summary>
    internal static async Task EndAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, Guid id, string state, string? error, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            UPDATE pppk.operations SET state = @state, error = @error, ended_at = now(), started_at = coalesce(started_at, now())
            WHERE id = @id AND state = 'running'
            """, conn, tx);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("state", state);
        cmd.Parameters.AddWithValue("error", (object?)error ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Inserts a streamed start unless one with its stream key exists; answers the operation of that key (this one or the
    /// earlier), its state and total, and whether this call created it.
    /// </summary>
    internal static async Task<(Guid Id, string State, int Total, bool Created)> InsertStreamAsync(NpgsqlDataSource db, OperationRecord op, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            WITH ins AS (
                INSERT INTO pppk.operations (id, type, state, definition_key, definition_version, request, description, total, done, failed, created_by, created_at,
                    cancel_requested, stream_key)
                VALUES (@id, @type, 'running', @key, @version, @request::jsonb, @description, @total, 0, 0, @by, @at, false, @stream)
                ON CONFLICT (stream_key) WHERE stream_key IS NOT NULL DO NOTHING
                RETURNING id, state, total)
            SELECT id, state, total, true FROM ins
            UNION ALL SELECT id, state, total, false FROM pppk.operations WHERE stream_key = @stream AND NOT EXISTS (SELECT 1 FROM ins)
            """);
        Bind(cmd, op);
        cmd.Parameters.AddWithValue("stream", op.StreamKey!);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) throw new InvalidOperationException($"No operation for stream key '{op.StreamKey}'.");
        return (r.GetGuid(0), r.GetString(1), r.GetInt32(2), r.GetBoolean(3));
    }

    /// <summary>A streamed start's cursor, read in the chunk's transaction.</summary>
    internal static async Task<string?> CursorAsync(StepTransaction tx, Guid id, CancellationToken ct)
    {
        await using var cmd = tx.Command("SELECT cursor FROM pppk.operations WHERE id = @id");
        cmd.Parameters.AddWithValue("id", id);
        return await cmd.ExecuteScalarAsync(ct) as string;
    }

    /// <summary>
    /// A streamed chunk's progress: the cursor moves from <paramref name="from"/> to <paramref name="to"/> with the counters,
    /// in the chunk's transaction. Another runner having moved it meanwhile throws, and the chunk rolls back whole.
    /// </summary>
    internal static async Task AdvanceStreamAsync(StepTransaction tx, Guid id, string? from, string to, int done, CancellationToken ct)
    {
        await using var cmd = tx.Command("""
            UPDATE pppk.operations SET cursor = @to, done = done + @done, started_at = coalesce(started_at, now()), progress_at = now()
            WHERE id = @id AND cursor IS NOT DISTINCT FROM @from
            """);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("to", to);
        cmd.Parameters.Add(new NpgsqlParameter("from", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)from ?? DBNull.Value });
        cmd.Parameters.AddWithValue("done", done);
        if (await cmd.ExecuteNonQueryAsync(ct) != 1) throw new InvalidOperationException($"Operation {id}: its cursor moved under this chunk.");
    }

    /// <summary>A streamed start read its last row: its total becomes what it did (rows added or gone since the count are counted as they were met).</summary>
    internal static async Task SettleStreamTotalAsync(StepTransaction tx, Guid id, CancellationToken ct)
    {
        await using var cmd = tx.Command("UPDATE pppk.operations SET total = done + failed WHERE id = @id");
        cmd.Parameters.AddWithValue("id", id);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Running operations whose last chunk is older than <paramref name="quiet"/> (all running ones for zero): the resume check's list.</summary>
    internal static async Task<List<Guid>> RunningAsync(NpgsqlDataSource db, TimeSpan quiet, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            SELECT id FROM pppk.operations WHERE state = 'running' AND coalesce(progress_at, created_at) <= now() - @quiet ORDER BY created_at
            """);
        cmd.Parameters.AddWithValue("quiet", quiet);
        var ids = new List<Guid>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) ids.Add(r.GetGuid(0));
        return ids;
    }
}

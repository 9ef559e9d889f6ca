using System.Text.Json.Nodes;
using Npgsql;
using NpgsqlTypes;

namespace Pppk.Workflow.Runtime.Steps;

/// <summary>
/// The rows a transaction's steps write, gathered in memory and flushed as one batch of set-based statements
/// (<c>unnest</c> over arrays), so a step costs one round trip however many effects it has and a batch of steps the same.
/// Wait-point rows are keyed by (instance, wait id) and the last operation wins: a timer re-armed or a job retried in
/// the same transaction is one upsert, a subscription opened and consumed at once is no row at all.
/// </summary>
internal sealed class EffectBuffer
{
    public readonly record struct WaitKey(Guid InstanceId, long WaitId);

    public sealed record TaskRow(Guid Id, Guid InstanceId, long WaitId, string ElementId, string? Name, string? Assignee,
        string[] CandidateGroups, string[] CandidateUsers, DateTimeOffset? DueAt, DateTimeOffset? FollowUpAt, string? FormId, DateTimeOffset CreatedAt);

    public sealed record TimerRow(string ElementId, DateTimeOffset DueAt);

    public sealed record SubscriptionRow(string ElementId, string MessageName, string? CorrelationKey, DateTimeOffset CreatedAt);

    public sealed record JobRow(string ElementId, string Type, int Retries, string Variables, string Headers, DateTimeOffset DueAt, DateTimeOffset CreatedAt);

    public sealed record HistoryRow(Guid InstanceId, long Key, string ElementId, string ElementType, string? Name, DateTimeOffset StartedAt)
    {
        public DateTimeOffset? EndedAt { get; set; }
        public bool Terminated { get; set; }
        public string? CompletedBy { get; set; }
        public string? Variables { get; set; }
    }

    public sealed record HistoryEnd(Guid InstanceId, long Key, DateTimeOffset EndedAt, bool Terminated, string? CompletedBy, string? Variables);

    /// <summary>An incident as written: its code and message in English (<c>message</c>) and Indonesian (<c>message_indonesian</c>).</summary>
    public sealed record IncidentRow(Guid InstanceId, long EngineId, string ElementId, string Code, string Message, string MessageIndonesian, DateTimeOffset At);

    public sealed record InstanceRow(Guid Id, long DefinitionId, string DefinitionKey, int Version, string? BusinessKey, string Status,
        bool HasIncident, string State, Guid? ParentInstanceId, long? ParentWaitId, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, bool IsNew,
        string? UnitCode, string? Subject);

    public readonly List<InstanceRow> Instances = [];
    public readonly Dictionary<WaitKey, TaskRow> NewTasks = [];
    public readonly List<(WaitKey Key, string State, string? By, DateTimeOffset At)> EndedTasks = [];
    public readonly Dictionary<WaitKey, TimerRow?> Timers = [];
    public readonly Dictionary<WaitKey, SubscriptionRow?> Subscriptions = [];
    public readonly Dictionary<WaitKey, JobRow?> Jobs = [];
    public readonly Dictionary<(Guid, long), HistoryRow> HistoryStarts = [];
    public readonly List<HistoryEnd> HistoryEnds = [];

    /// <summary>Tasks a substitute completes, with the user they act for; and those tasks' history rows (instance, element instance key).</summary>
    public readonly Dictionary<WaitKey, string> TaskOnBehalfOf = [];
    public readonly List<(Guid InstanceId, long Key, string User)> HistoryOnBehalfOf = [];
    public readonly List<IncidentRow> Incidents = [];
    public readonly List<(Guid InstanceId, long EngineId, DateTimeOffset At)> ResolvedIncidents = [];
    public readonly List<(Guid InstanceId, string Trigger, DateTimeOffset At)> Inbox = [];
    public readonly Dictionary<(string Kind, string Key), DateTimeOffset?> Outbox = [];
    public readonly List<(Guid InstanceId, DateTimeOffset At, string? User, string Action, string? Details)> Audit = [];

    /// <summary>Definitions a start took from the cache as the latest version; the flush checks they still are.</summary>
    public readonly HashSet<long> AssumedLatest = [];

    public void TaskEnded(WaitKey key, bool completed, string? by, DateTimeOffset at)
    {
        // A task created and ended in the same transaction still gets its row, in its final state.
        EndedTasks.Add((key, completed ? "completed" : "cancelled", by, at));
    }

    public void HistoryEnded(Guid instanceId, long key, DateTimeOffset at, bool terminated, string? by, JsonObject? variables)
    {
        var json = variables is { Count: > 0 } ? variables.ToJsonString() : null;
        if (HistoryStarts.TryGetValue((instanceId, key), out var started))
        {
            started.EndedAt = at;
            started.Terminated = terminated;
            started.CompletedBy = by;
            started.Variables = json;
        }
        else
        {
            HistoryEnds.Add(new HistoryEnd(instanceId, key, at, terminated, by, json));
        }
    }

    /// <summary>
    /// Writes the rows in one round trip. With <paramref name="commit"/> the batch ends with <c>COMMIT</c>, so writing and
    /// committing a step is a single round trip (the transaction is then completed; don't commit it again). If any
    /// statement fails, the server skips the rest of the batch, COMMIT included, and the transaction rolls back.
    /// </summary>
    public async Task FlushAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct, bool commit = false)
    {
        using var batch = new NpgsqlBatch(connection, transaction);
        // Every statement below reaches its rows by key, so an index lookup per row is the right plan at any table size.
        // Without this, a plan made while a table was small (a fresh database, or just after a batch start, before
        // autovacuum has analyzed it) is cached by the prepared statement and goes on scanning the whole table as it
        // grows. The settings are local: they end with this transaction, which the flush ends, so inline handlers' queries are unaffected.
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            "SELECT set_config('enable_seqscan', 'off', true), set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true)"));
        if (AssumedLatest.Count > 0)
            Add(batch, """
                SELECT pppk.raise_stale_definition()
                FROM (SELECT count(*) AS latest FROM pppk.definitions WHERE id = ANY(@ids) AND is_latest) c WHERE c.latest <> cardinality(@ids)
                """, P("ids", AssumedLatest));
        AddInstances(batch);
        AddHistory(batch);
        AddTasks(batch);
        AddWaitRows(batch);
        AddIncidents(batch);
        AddMisc(batch);
        if (commit) batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        if (batch.BatchCommands.Count > 1)
            await batch.ExecuteNonQueryAsync(ct);
    }

    private void AddInstances(NpgsqlBatch batch)
    {
        var inserts = Instances.Where(i => i.IsNew).ToList();
        if (inserts.Count > 0)
        {
            Add(batch, """
                INSERT INTO pppk.instances (id, definition_id, definition_key, version, business_key, status, has_incident, state, parent_instance_id, parent_wait_id, started_at, ended_at, unit_code, subject)
                SELECT * FROM unnest(@id, @def, @key, @ver, @bk, @st, @inc, @state::jsonb[], @pid, @pwait, @started, @ended, @unit, @subject)
                """,
                P("id", inserts.Select(i => i.Id)), P("def", inserts.Select(i => i.DefinitionId)), P("key", inserts.Select(i => i.DefinitionKey)),
                P("ver", inserts.Select(i => i.Version)), P("bk", inserts.Select(i => i.BusinessKey)), P("st", inserts.Select(i => i.Status)),
                P("inc", inserts.Select(i => i.HasIncident)), P("state", inserts.Select(i => i.State)), P("pid", inserts.Select(i => i.ParentInstanceId)),
                P("pwait", inserts.Select(i => i.ParentWaitId)), P("started", inserts.Select(i => i.StartedAt)), P("ended", inserts.Select(i => i.EndedAt)),
                P("unit", inserts.Select(i => i.UnitCode)), P("subject", inserts.Select(i => i.Subject)));
        }
        var updates = Instances.Where(i => !i.IsNew).ToList();
        if (updates.Count > 0)
        {
            Add(batch, """
                UPDATE pppk.instances i SET status = u.st, has_incident = u.inc, state = u.state, ended_at = u.ended, unit_code = u.unit, subject = u.subject
                FROM unnest(@id, @st, @inc, @state::jsonb[], @ended, @unit, @subject) AS u(id, st, inc, state, ended, unit, subject) WHERE i.id = u.id
                """,
                P("id", updates.Select(i => i.Id)), P("st", updates.Select(i => i.Status)), P("inc", updates.Select(i => i.HasIncident)),
                P("state", updates.Select(i => i.State)), P("ended", updates.Select(i => i.EndedAt)),
                P("unit", updates.Select(i => i.UnitCode)), P("subject", updates.Select(i => i.Subject)));
        }
    }

    private void AddHistory(NpgsqlBatch batch)
    {
        var starts = HistoryStarts.Values.ToList();
        if (starts.Count > 0)
        {
            Add(batch, """
                INSERT INTO pppk.history (instance_id, element_instance_key, element_id, element_type, name, started_at, ended_at, terminated, completed_by, variables)
                SELECT * FROM unnest(@inst, @key, @el, @type, @name, @started, @ended, @term, @by, @vars::jsonb[])
                """,
                P("inst", starts.Select(h => h.InstanceId)), P("key", starts.Select(h => h.Key)), P("el", starts.Select(h => h.ElementId)),
                P("type", starts.Select(h => h.ElementType)), P("name", starts.Select(h => h.Name)), P("started", starts.Select(h => h.StartedAt)),
                P("ended", starts.Select(h => h.EndedAt)), P("term", starts.Select(h => h.Terminated)), P("by", starts.Select(h => h.CompletedBy)),
                P("vars", starts.Select(h => h.Variables)));
        }
        if (HistoryEnds.Count > 0)
        {
            Add(batch, """
                UPDATE pppk.history h SET ended_at = u.ended, terminated = u.term, completed_by = u.by, variables = u.vars
                FROM unnest(@inst, @key, @ended, @term, @by, @vars::jsonb[]) AS u(inst, key, ended, term, by, vars)
                WHERE h.instance_id = u.inst AND h.element_instance_key = u.key AND h.ended_at IS NULL
                """,
                P("inst", HistoryEnds.Select(h => h.InstanceId)), P("key", HistoryEnds.Select(h => h.Key)), P("ended", HistoryEnds.Select(h => h.EndedAt)),
                P("term", HistoryEnds.Select(h => h.Terminated)), P("by", HistoryEnds.Select(h => h.CompletedBy)), P("vars", HistoryEnds.Select(h => h.Variables)));
        }
        if (HistoryOnBehalfOf.Count > 0)
        {
            Add(batch, """
                UPDATE pppk.history h SET on_behalf_of = u.obo
                FROM unnest(@inst, @key, @obo) AS u(inst, key, obo) WHERE h.instance_id = u.inst AND h.element_instance_key = u.key
                """,
                P("inst", HistoryOnBehalfOf.Select(h => h.InstanceId)), P("key", HistoryOnBehalfOf.Select(h => h.Key)), P("obo", HistoryOnBehalfOf.Select(h => h.User)));
        }
    }

    private void AddTasks(NpgsqlBatch batch)
    {
        var tasks = NewTasks.Values.ToList();
        if (tasks.Count > 0)
        {
            // Arrays of arrays don't unnest as rows, so the candidate lists travel as JSON.
            Add(batch, """
                INSERT INTO pppk.user_tasks (id, instance_id, wait_id, element_id, name, assignee, candidate_groups, candidate_users, due_at, follow_up_at, form_id, state, created_at)
                SELECT u.id, u.inst, u.wait, u.el, u.name, u.assignee,
                       ARRAY(SELECT jsonb_array_elements_text(u.groups)), ARRAY(SELECT jsonb_array_elements_text(u.users)),
                       u.due, u.follow, u.form, 'open', u.created
                FROM unnest(@id, @inst, @wait, @el, @name, @assignee, @groups::jsonb[], @users::jsonb[], @due, @follow, @form, @created)
                     AS u(id, inst, wait, el, name, assignee, groups, users, due, follow, form, created)
                """,
                P("id", tasks.Select(t => t.Id)), P("inst", tasks.Select(t => t.InstanceId)), P("wait", tasks.Select(t => t.WaitId)),
                P("el", tasks.Select(t => t.ElementId)), P("name", tasks.Select(t => t.Name)), P("assignee", tasks.Select(t => t.Assignee)),
                P("groups", tasks.Select(t => new JsonArray(t.CandidateGroups.Select(g => (JsonNode?)g).ToArray()).ToJsonString())),
                P("users", tasks.Select(t => new JsonArray(t.CandidateUsers.Select(g => (JsonNode?)g).ToArray()).ToJsonString())),
                P("due", tasks.Select(t => t.DueAt)), P("follow", tasks.Select(t => t.FollowUpAt)), P("form", tasks.Select(t => t.FormId)),
                P("created", tasks.Select(t => t.CreatedAt)));
        }
        if (EndedTasks.Count > 0)
        {
            Add(batch, """
                UPDATE pppk.user_tasks t SET state = u.state, completed_by = u.by, on_behalf_of = u.obo, ended_at = u.at
                FROM unnest(@inst, @wait, @state, @by, @obo, @at) AS u(inst, wait, state, by, obo, at)
                WHERE t.instance_id = u.inst AND t.wait_id = u.wait AND t.state = 'open'
                """,
                P("inst", EndedTasks.Select(t => t.Key.InstanceId)), P("wait", EndedTasks.Select(t => t.Key.WaitId)),
                P("state", EndedTasks.Select(t => t.State)), P("by", EndedTasks.Select(t => t.By)),
                P("obo", EndedTasks.Select(t => t.State == "completed" ? TaskOnBehalfOf.GetValueOrDefault(t.Key) : null)), P("at", EndedTasks.Select(t => t.At)));
        }
    }

    private void AddWaitRows(NpgsqlBatch batch)
    {
        AddDeletes(batch, "timers", Timers.Where(t => t.Value is null).Select(t => t.Key));
        var timers = Timers.Where(t => t.Value is not null).Select(t => (t.Key, Row: t.Value!)).ToList();
        if (timers.Count > 0)
        {
            Add(batch, """
                INSERT INTO pppk.timers (instance_id, wait_id, element_id, due_at) SELECT * FROM unnest(@inst, @wait, @el, @due)
                ON CONFLICT (instance_id, wait_id) DO UPDATE SET due_at = excluded.due_at, element_id = excluded.element_id
                """,
                P("inst", timers.Select(t => t.Key.InstanceId)), P("wait", timers.Select(t => t.Key.WaitId)),
                P("el", timers.Select(t => t.Row.ElementId)), P("due", timers.Select(t => t.Row.DueAt)));
        }

        AddDeletes(batch, "message_subscriptions", Subscriptions.Where(s => s.Value is null).Select(s => s.Key));
        var subs = Subscriptions.Where(s => s.Value is not null).Select(s => (s.Key, Row: s.Value!)).ToList();
        if (subs.Count > 0)
        {
            Add(batch, """
                INSERT INTO pppk.message_subscriptions (instance_id, wait_id, element_id, message_name, correlation_key, created_at)
                SELECT * FROM unnest(@inst, @wait, @el, @name, @key, @at) ON CONFLICT (instance_id, wait_id) DO NOTHING
                """,
                P("inst", subs.Select(s => s.Key.InstanceId)), P("wait", subs.Select(s => s.Key.WaitId)), P("el", subs.Select(s => s.Row.ElementId)),
                P("name", subs.Select(s => s.Row.MessageName)), P("key", subs.Select(s => s.Row.CorrelationKey)), P("at", subs.Select(s => s.Row.CreatedAt)));
        }

        AddDeletes(batch, "jobs", Jobs.Where(j => j.Value is null).Select(j => j.Key));
        var jobs = Jobs.Where(j => j.Value is not null).Select(j => (j.Key, Row: j.Value!)).ToList();
        if (jobs.Count > 0)
        {
            Add(batch, """
                INSERT INTO pppk.jobs (instance_id, wait_id, element_id, type, retries, variables, headers, due_at, attempts, created_at)
                SELECT i, w, e, t, r, v, h, d, 0, c FROM unnest(@inst, @wait, @el, @type, @retries, @vars::jsonb[], @headers::jsonb[], @due, @created) AS u(i, w, e, t, r, v, h, d, c)
                ON CONFLICT (instance_id, wait_id) DO UPDATE SET retries = excluded.retries, variables = excluded.variables, due_at = excluded.due_at, locked_until = NULL
                """,
                P("inst", jobs.Select(j => j.Key.InstanceId)), P("wait", jobs.Select(j => j.Key.WaitId)), P("el", jobs.Select(j => j.Row.ElementId)),
                P("type", jobs.Select(j => j.Row.Type)), P("retries", jobs.Select(j => j.Row.Retries)), P("vars", jobs.Select(j => j.Row.Variables)),
                P("headers", jobs.Select(j => j.Row.Headers)), P("due", jobs.Select(j => j.Row.DueAt)), P("created", jobs.Select(j => j.Row.CreatedAt)));
        }
    }

    private void AddIncidents(NpgsqlBatch batch)
    {
        if (Incidents.Count > 0)
        {
            Add(batch, """
                INSERT INTO pppk.incidents (instance_id, engine_incident_id, element_id, code, message, message_indonesian, created_at)
                SELECT * FROM unnest(@inst, @eid, @el, @code, @msg, @msgid, @at)
                """,
                P("inst", Incidents.Select(i => i.InstanceId)), P("eid", Incidents.Select(i => i.EngineId)), P("el", Incidents.Select(i => i.ElementId)),
                P("code", Incidents.Select(i => i.Code)), P("msg", Incidents.Select(i => i.Message)), P("msgid", Incidents.Select(i => i.MessageIndonesian)),
                P("at", Incidents.Select(i => i.At)));
        }
        if (ResolvedIncidents.Count > 0)
        {
            Add(batch, """
                UPDATE pppk.incidents i SET resolved_at = u.at FROM unnest(@inst, @eid, @at) AS u(inst, eid, at)
                WHERE i.instance_id = u.inst AND i.engine_incident_id = u.eid AND i.resolved_at IS NULL
                """,
                P("inst", ResolvedIncidents.Select(i => i.InstanceId)), P("eid", ResolvedIncidents.Select(i => i.EngineId)), P("at", ResolvedIncidents.Select(i => i.At)));
        }
    }

    private void AddMisc(NpgsqlBatch batch)
    {
        if (Inbox.Count > 0)
        {
            Add(batch, "INSERT INTO pppk.inbox (instance_id, trigger, created_at) SELECT * FROM unnest(@inst, @trigger::jsonb[], @at)",
                P("inst", Inbox.Select(i => i.InstanceId)), P("trigger", Inbox.Select(i => i.Trigger)), P("at", Inbox.Select(i => i.At)));
        }
        if (Outbox.Count > 0)
        {
            var rows = Outbox.ToList();
            Add(batch, """
                INSERT INTO pppk.outbox (kind, dedup_key, run_at, created_at) SELECT k, d, r, now() FROM unnest(@kind, @key, @run) AS u(k, d, r)
                ON CONFLICT (kind, dedup_key) DO NOTHING
                """,
                P("kind", rows.Select(o => o.Key.Kind)), P("key", rows.Select(o => o.Key.Key)), P("run", rows.Select(o => o.Value)));
        }
        if (Audit.Count > 0)
        {
            Add(batch, "INSERT INTO pppk.audit (instance_id, at, \"user\", action, details) SELECT * FROM unnest(@inst, @at, @user, @action, @details::jsonb[])",
                P("inst", Audit.Select(a => a.InstanceId)), P("at", Audit.Select(a => a.At)), P("user", Audit.Select(a => a.User)),
                P("action", Audit.Select(a => a.Action)), P("details", Audit.Select(a => a.Details)));
        }
    }

    private static void AddDeletes(NpgsqlBatch batch, string table, IEnumerable<WaitKey> keys)
    {
        var list = keys.ToList();
        if (list.Count == 0) return;
        Add(batch, $"DELETE FROM pppk.{table} t USING unnest(@inst, @wait) AS u(inst, wait) WHERE t.instance_id = u.inst AND t.wait_id = u.wait",
            P("inst", list.Select(k => k.InstanceId)), P("wait", list.Select(k => k.WaitId)));
    }

    private static void Add(NpgsqlBatch batch, string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        batch.BatchCommands.Add(command);
    }

    private static NpgsqlParameter P<T>(string name, IEnumerable<T> values) => new(name, values.ToArray());
}

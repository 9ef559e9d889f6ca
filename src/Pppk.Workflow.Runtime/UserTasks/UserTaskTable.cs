using System.Text.Json.Nodes;
using Npgsql;
using Pppk.Workflow.Runtime.Database;
using Pppk.Workflow.Runtime.People;
using Pppk.Workflow.Runtime.Steps;
using static Pppk.Workflow.Runtime.Steps.StepBatch;

namespace Pppk.Workflow.Runtime.UserTasks;

/// <summary>The schema of <c>pppk.user_tasks</c> (EF Core, for the migrations); code reads and writes it as <see cref="UserTaskRow"/>.</summary>
public sealed class UserTaskRecord
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public long WaitId { get; set; }
    public required string ElementId { get; set; }
    public string? Name { get; set; }
    public string? Assignee { get; set; }
    public string[] CandidateGroups { get; set; } = [];
    public string[] CandidateUsers { get; set; } = [];
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset? FollowUpAt { get; set; }
    public string? FormId { get; set; }

    /// <summary>open, completed or cancelled.</summary>
    public required string State { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? CompletedBy { get; set; }

    /// <summary>The user whose substitute (<see cref="CompletedBy"/>) completed the task, if a substitute did.</summary>
    public string? OnBehalfOf { get; set; }

    /// <summary>The version of <see cref="FormId"/> the task's binding chose; null: the latest (or an embedded form).</summary>
    public int? FormVersion { get; set; }

    /// <summary>0 to 100 (<c>zeebe:priorityDefinition</c>), 50 when not set.</summary>
    public int Priority { get; set; }
}

/// <summary>A user task's row, as every reader and writer of <c>pppk.user_tasks</c> sees it (<see cref="UserTaskTable.Columns"/>).</summary>
public sealed record UserTaskRow(Guid Id, Guid InstanceId, long WaitId, string ElementId, string? Name, string? Assignee, string[] CandidateGroups,
    string[] CandidateUsers, DateTimeOffset? DueAt, DateTimeOffset? FollowUpAt, string? FormId, DateTimeOffset CreatedAt, string State = "open",
    DateTimeOffset? EndedAt = null, string? CompletedBy = null, string? OnBehalfOf = null, int? FormVersion = null, int Priority = Engine.Model.TaskPriority.Default);

/// <summary>A task as the API shows it: its row and its case's definition, business key and unit.</summary>
public sealed record TaskView(Guid Id, Guid InstanceId, string ElementId, string? Name, string? Assignee, string[] CandidateGroups, string[] CandidateUsers,
    DateTimeOffset? DueAt, DateTimeOffset? FollowUpAt, string? FormId, DateTimeOffset CreatedAt, string State, DateTimeOffset? EndedAt, string? CompletedBy,
    string DefinitionKey, string? BusinessKey, string? UnitCode, string? OnBehalfOf, int? FormVersion = null, int Priority = Engine.Model.TaskPriority.Default)
{
    public static TaskView Of(UserTaskRow t, string definitionKey, string? businessKey, string? unitCode) => new(t.Id, t.InstanceId, t.ElementId, t.Name,
        t.Assignee, t.CandidateGroups, t.CandidateUsers, t.DueAt, t.FollowUpAt, t.FormId, t.CreatedAt, t.State, t.EndedAt, t.CompletedBy,
        definitionKey, businessKey, unitCode, t.OnBehalfOf, t.FormVersion, t.Priority);

    /// <summary>The case's title (its process's <c>caseTitle</c>); null for a process without one or a case started before it.</summary>
    public string? Title { get; init; }

    /// <summary>The name of the workflow (the process's name in the version the case runs; the list fills it).</summary>
    public string? DefinitionName { get; init; }

    /// <summary>The name of <see cref="UnitCode"/>'s unit, as the host's unit lookup names it (the list fills it).</summary>
    public string? UnitName { get; init; }

    /// <summary>Open and past its due date (the list fills it).</summary>
    public bool Overdue { get; init; }
}

/// <summary>What the task list filters by (each only when given); <see cref="State"/> null means open, "all" every state; <see cref="Sort"/> one of <see cref="TaskSort"/>'s.</summary>
public sealed record TaskFilter(Guid? InstanceId = null, string? Assignee = null, string? CandidateGroup = null, string? State = null,
    string? DefinitionKey = null, string? UnitCode = null, bool Mine = false, string? Sort = null);

/// <summary>
/// The owner of <c>pppk.user_tasks</c>: its columns and reader, the step's writes (opened, ended, done for whom), the
/// hand-over of a task, and the screens' reads (the list, one task, a user's open tasks for the digest).
/// </summary>
public static class UserTaskTable
{
    /// <summary>The columns <see cref="Read"/> reads (alias <c>t</c>), in <see cref="UserTaskRow"/>'s order.</summary>
    internal const string Columns = "t.id, t.instance_id, t.wait_id, t.element_id, t.name, t.assignee, t.candidate_groups, t.candidate_users, t.due_at, " +
        "t.follow_up_at, t.form_id, t.created_at, t.state, t.ended_at, t.completed_by, t.on_behalf_of, t.form_version, t.priority";

    internal const int ColumnCount = 18;

    /// <summary>A row from <see cref="Columns"/> starting at column <paramref name="at"/>.</summary>
    internal static UserTaskRow Read(NpgsqlDataReader r, int at) => new(
        r.GetGuid(at), r.GetGuid(at + 1), r.GetInt64(at + 2), r.GetString(at + 3), r.IsDBNull(at + 4) ? null : r.GetString(at + 4),
        r.IsDBNull(at + 5) ? null : r.GetString(at + 5), r.GetFieldValue<string[]>(at + 6), r.GetFieldValue<string[]>(at + 7),
        r.IsDBNull(at + 8) ? null : r.GetFieldValue<DateTimeOffset>(at + 8), r.IsDBNull(at + 9) ? null : r.GetFieldValue<DateTimeOffset>(at + 9),
        r.IsDBNull(at + 10) ? null : r.GetString(at + 10), r.GetFieldValue<DateTimeOffset>(at + 11), r.GetString(at + 12),
        r.IsDBNull(at + 13) ? null : r.GetFieldValue<DateTimeOffset>(at + 13), r.IsDBNull(at + 14) ? null : r.GetString(at + 14),
        r.IsDBNull(at + 15) ? null : r.GetString(at + 15), r.IsDBNull(at + 16) ? null : r.GetInt32(at + 16), r.GetInt32(at + 17));

    /// <summary>How a task ended in a step: <c>completed</c> (by whom) or <c>cancelled</c>.</summary>
    internal sealed record Ended(EffectBuffer.WaitKey Key, string State, string? By, DateTimeOffset At);

    /// <summary>The task rows a transaction writes: tasks opened (inserted), ended (updated), and who a substitute completed one for.</summary>
    internal sealed class Writer
    {
        private readonly Dictionary<EffectBuffer.WaitKey, UserTaskRow> _opened = [];
        private readonly List<Ended> _ended = [];
        private readonly Dictionary<EffectBuffer.WaitKey, string> _onBehalfOf = [];

        public IReadOnlyCollection<UserTaskRow> Opened => _opened.Values;

        public IReadOnlyList<Ended> Ends => _ended;

        public void Open(UserTaskRow row) => _opened[new(row.InstanceId, row.WaitId)] = row;

        // A task created and ended in the same transaction still gets its row, in its final state.
        public void End(EffectBuffer.WaitKey key, bool completed, string? by, DateTimeOffset at) => _ended.Add(new(key, completed ? "completed" : "cancelled", by, at));

        /// <summary>A substitute completes the task for <paramref name="user"/>.</summary>
        public void ActFor(EffectBuffer.WaitKey key, string user) => _onBehalfOf[key] = user;

        public bool ActsFor(EffectBuffer.WaitKey key, out string user) => _onBehalfOf.TryGetValue(key, out user!);

        /// <summary>An open task kept by a migration: the target element's id, name, form and priority; assignee, candidates and dates stay.</summary>
        internal sealed record Migration(EffectBuffer.WaitKey Key, string ElementId, string? Name, string? FormId, int? FormVersion, int Priority);

        private readonly List<Migration> _migrated = [];

        public void Migrated(Migration task) => _migrated.Add(task);

        public void AddTo(NpgsqlBatch batch)
        {
            var tasks = _opened.Values.ToList();
            if (tasks.Count > 0)
                // Arrays of arrays don't unnest as rows, so the candidate lists travel as JSON.
                Add(batch, """
                    INSERT INTO pppk.user_tasks (id, instance_id, wait_id, element_id, name, assignee, candidate_groups, candidate_users, due_at, follow_up_at, form_id, state, created_at, form_version, priority,
                                                 case_started_at, case_unit, case_key, case_status, case_incident, case_version)
                    SELECT u.id, u.inst, u.wait, u.el, u.name, u.assignee,
                           ARRAY(SELECT jsonb_array_elements_text(u.groups)), ARRAY(SELECT jsonb_array_elements_text(u.users)),
                           u.due, u.follow, u.form, 'open', u.created, u.form_version, u.priority, c.started_at, c.unit_code, c.definition_key, c.status, c.has_incident, c.version
                    FROM unnest(@id, @inst, @wait, @el, @name, @assignee, @groups::jsonb[], @users::jsonb[], @due, @follow, @form, @created, @form_version, @priority)
                         AS u(id, inst, wait, el, name, assignee, groups, users, due, follow, form, created, form_version, priority)
                    -- The case's list keys (migrations Issue21TaskListKeys, Issue21TaskCaseKey, Issue21CaseStatusCopies, Issue21CaseVersionCopies); its row is written earlier in the same batch.
                    LEFT JOIN pppk.instances c ON c.id = u.inst
                    """,
                    P("id", tasks.Select(t => t.Id)), P("inst", tasks.Select(t => t.InstanceId)), P("wait", tasks.Select(t => t.WaitId)),
                    P("el", tasks.Select(t => t.ElementId)), P("name", tasks.Select(t => t.Name)), P("assignee", tasks.Select(t => t.Assignee)),
                    P("groups", tasks.Select(t => new JsonArray(t.CandidateGroups.Select(g => (JsonNode?)g).ToArray()).ToJsonString())),
                    P("users", tasks.Select(t => new JsonArray(t.CandidateUsers.Select(g => (JsonNode?)g).ToArray()).ToJsonString())),
                    P("due", tasks.Select(t => t.DueAt)), P("follow", tasks.Select(t => t.FollowUpAt)), P("form", tasks.Select(t => t.FormId)),
                    P("created", tasks.Select(t => t.CreatedAt)), P("form_version", tasks.Select(t => t.FormVersion)), P("priority", tasks.Select(t => t.Priority)));
            if (_migrated.Count > 0)
                Add(batch, """
                    UPDATE pppk.user_tasks t SET element_id = u.el, name = u.name, form_id = u.form, form_version = u.fv, priority = u.priority
                    FROM unnest(@inst, @wait, @el, @name, @form, @fv, @priority) AS u(inst, wait, el, name, form, fv, priority)
                    WHERE t.instance_id = u.inst AND t.wait_id = u.wait AND t.state = 'open'
                    """,
                    P("inst", _migrated.Select(t => t.Key.InstanceId)), P("wait", _migrated.Select(t => t.Key.WaitId)), P("el", _migrated.Select(t => t.ElementId)),
                    P("name", _migrated.Select(t => t.Name)), P("form", _migrated.Select(t => t.FormId)), P("fv", _migrated.Select(t => t.FormVersion)),
                    P("priority", _migrated.Select(t => t.Priority)));
            if (_ended.Count > 0)
                Add(batch, """
                    UPDATE pppk.user_tasks t SET state = u.state, completed_by = u.by, on_behalf_of = u.obo, ended_at = u.at, case_status = c.status, case_incident = c.has_incident
                    FROM unnest(@inst, @wait, @state, @by, @obo, @at) AS u(inst, wait, state, by, obo, at)
                    -- The case's status as this batch wrote it (a step that ends the case ends its tasks): the case's trigger,
                    -- deferred to the commit, then finds the copy current (migration Issue21CaseStatusCopies).
                    JOIN pppk.instances c ON c.id = u.inst
                    WHERE t.instance_id = u.inst AND t.wait_id = u.wait AND t.state = 'open'
                    """,
                    P("inst", _ended.Select(t => t.Key.InstanceId)), P("wait", _ended.Select(t => t.Key.WaitId)),
                    P("state", _ended.Select(t => t.State)), P("by", _ended.Select(t => t.By)),
                    P("obo", _ended.Select(t => t.State == "completed" ? _onBehalfOf.GetValueOrDefault(t.Key) : null)), P("at", _ended.Select(t => t.At)));
        }
    }

    /// <summary>Hands the task to <paramref name="assignee"/> (null: back to its candidates), in the caller's transaction.</summary>
    internal static async Task SetAssigneeAsync(StepTransaction tx, Guid taskId, string? assignee, CancellationToken ct)
    {
        await using var cmd = tx.Command("UPDATE pppk.user_tasks SET assignee = @a WHERE id = @id");
        cmd.Parameters.AddWithValue("a", (object?)assignee ?? DBNull.Value);
        cmd.Parameters.AddWithValue("id", taskId);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The task and its case's unit, locked (<c>FOR UPDATE</c>); null if there is no such task.</summary>
    internal static async Task<(UserTaskRow Task, string? Unit)?> LockAsync(StepTransaction tx, Guid taskId, CancellationToken ct)
    {
        await using var cmd = tx.Command($"SELECT {Columns}, (SELECT iu.unit_code FROM pppk.instances iu WHERE iu.id = t.instance_id) FROM pppk.user_tasks t WHERE t.id = @id FOR UPDATE");
        cmd.Parameters.AddWithValue("id", taskId);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (Read(reader, 0), reader.IsDBNull(ColumnCount) ? null : reader.GetString(ColumnCount)) : null;
    }

    /// <summary>
    /// Locks the tasks <paramref name="taskIds"/> and their active instances (task first, as a lock then a load would, and in
    /// instance order), in one query; adds the instances to the transaction and answers each task with its case's unit.
    /// </summary>
    internal static async Task<List<(UserTaskRow Task, string? Unit)>> LockWithInstancesAsync(StepTransaction tx, Guid[] taskIds, CancellationToken ct)
    {
        await using var cmd = tx.Command($"""
            SELECT {Columns}, i.unit_code, {Instances.InstanceTable.LoadColumns}
            FROM pppk.user_tasks t JOIN pppk.instances i ON i.id = t.instance_id AND i.state IS NOT NULL
            WHERE t.id = ANY(@ids) ORDER BY i.id, t.id FOR UPDATE OF t, i
            """);
        cmd.Parameters.AddWithValue("ids", taskIds);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var found = new List<(UserTaskRow, string?)>();
        while (await reader.ReadAsync(ct))
        {
            var instance = Instances.InstanceTable.ReadLoaded(reader, ColumnCount + 1); // after the task columns and the unit
            tx.Instances.TryAdd(instance.Id, instance);
            found.Add((Read(reader, 0), reader.IsDBNull(ColumnCount) ? null : reader.GetString(ColumnCount)));
        }
        return found;
    }

    private const string ViewColumns = $"{Columns}, i.definition_key, i.business_key, i.unit_code, i.title";

    private const string ViewSelect = $"SELECT {ViewColumns} FROM pppk.user_tasks t JOIN pppk.instances i ON i.id = t.instance_id";

    /// <summary>The view and the workflow's name (the inbox's list; <see cref="ReadView"/> reads it when present).</summary>
    internal const string NamedViewSelect = $"SELECT {ViewColumns}, (SELECT d.name FROM pppk.definitions d WHERE d.id = i.definition_id) " +
        "FROM pppk.user_tasks t JOIN pppk.instances i ON i.id = t.instance_id";

    internal static TaskView ReadView(NpgsqlDataReader r) =>
        TaskView.Of(Read(r, 0), r.GetString(ColumnCount), r.IsDBNull(ColumnCount + 1) ? null : r.GetString(ColumnCount + 1), r.IsDBNull(ColumnCount + 2) ? null : r.GetString(ColumnCount + 2))
        with
        {
            Title = r.IsDBNull(ColumnCount + 3) ? null : r.GetString(ColumnCount + 3),
            DefinitionName = r.FieldCount > ColumnCount + 4 && !r.IsDBNull(ColumnCount + 4) ? r.GetString(ColumnCount + 4) : null,
        };

    /// <summary>
    /// A page of the tasks <paramref name="actor"/> sees (<see cref="Visibility.Task"/>), by due date, and how many there
    /// are; with <see cref="TaskFilter.Mine"/>, an administrator gets only the tasks offered to them as to anyone else.
    /// </summary>
    public static async Task<(List<TaskView> Items, int Total)> ListAsync(NpgsqlDataSource db, TaskFilter f, Actor actor, GroupScopes scopes, DateTimeOffset now,
        int skip, int take, CancellationToken ct)
    {
        var filter = new SqlFilter()
            .When(f.State == "all" ? null : f.State ?? "open", "t.state = @state", "state")
            .When(f.InstanceId, "t.instance_id = @inst", "inst")
            .When(f.Assignee, "t.assignee = @assignee", "assignee")
            .When(f.CandidateGroup, "@group = ANY(t.candidate_groups)", "group")
            .When(f.DefinitionKey, "i.definition_key = @def", "def")
            .When(f.UnitCode?.Trim(), "i.unit_code = @unit", "unit")
            .Restrict(Visibility.Task, actor, scopes, now);
        // An administrator's "mine": the tasks offered to them as to anyone else, not the whole list.
        if (f.Mine && scopes.IsAdministrator(actor)) filter.Add(Visibility.Task, Visibility.Parameters(actor, scopes, now));
        await using var cmd = filter.Bind(db.CreateCommand($"{ViewSelect} WHERE {filter.Where} ORDER BY {TaskSort.OrderBy(f.Sort)} LIMIT @take OFFSET @skip"));
        await using var count = filter.Bind(db.CreateCommand($"SELECT count(*) FROM pppk.user_tasks t JOIN pppk.instances i ON i.id = t.instance_id WHERE {filter.Where}"));
        cmd.Parameters.AddWithValue("take", take);
        cmd.Parameters.AddWithValue("skip", skip);
        var items = new List<TaskView>();
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) items.Add(ReadView(r));
        return (items, (int)(long)(await count.ExecuteScalarAsync(ct))!);
    }

    /// <summary>One task, whoever asks.</summary>
    public static Task<TaskView?> GetAsync(NpgsqlDataSource db, Guid id, CancellationToken ct) => GetAsync(db, id, new SqlFilter(), ct);

    /// <summary>One task, only if <paramref name="actor"/> sees it (in the same query: a task they may not see reads as missing).</summary>
    public static Task<TaskView?> GetAsync(NpgsqlDataSource db, Guid id, Actor actor, GroupScopes scopes, DateTimeOffset now, CancellationToken ct) =>
        GetAsync(db, id, new SqlFilter().Restrict(Visibility.Task, actor, scopes, now), ct);

    private static async Task<TaskView?> GetAsync(NpgsqlDataSource db, Guid id, SqlFilter visible, CancellationToken ct)
    {
        await using var cmd = visible.Bind(db.CreateCommand($"{ViewSelect} WHERE t.id = @id AND {visible.Where}"));
        cmd.Parameters.AddWithValue("id", id);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? ReadView(r) : null;
    }

    /// <summary>An open task as a user's digest lists it.</summary>
    public sealed record OpenTask(string? Name, string ElementId, string DefinitionKey, string? BusinessKey, DateTimeOffset? DueAt, DateTimeOffset CreatedAt);

    /// <summary>
    /// The open tasks of <paramref name="userName"/> (assigned to them, or unassigned and offered to them or one of their
    /// roles), overdue first, then by due date; at most <paramref name="limit"/>.
    /// </summary>
    public static async Task<List<OpenTask>> OpenForUserAsync(NpgsqlDataSource db, string userName, DateTimeOffset now, int limit, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT t.name, t.element_id, i.definition_key, i.business_key, t.due_at, t.created_at
            FROM pppk.user_tasks t JOIN pppk.instances i ON i.id = t.instance_id
            WHERE t.state = 'open' AND (t.assignee = @user OR (t.assignee IS NULL AND (
                @user = ANY(t.candidate_users) OR t.candidate_groups && {Principals.GroupsOf("@user")})))
            ORDER BY (t.due_at IS NOT NULL AND t.due_at < @now) DESC, t.due_at NULLS LAST, t.created_at
            LIMIT @limit
            """);
        cmd.Parameters.AddWithValue("user", userName);
        cmd.Parameters.AddWithValue("now", now.ToUniversalTime());
        cmd.Parameters.AddWithValue("limit", limit);
        var tasks = new List<OpenTask>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            tasks.Add(new OpenTask(r.IsDBNull(0) ? null : r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.IsDBNull(4) ? null : r.GetFieldValue<DateTimeOffset>(4), r.GetFieldValue<DateTimeOffset>(5)));
        return tasks;
    }
}

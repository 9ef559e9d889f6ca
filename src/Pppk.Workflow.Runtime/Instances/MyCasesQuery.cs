using Npgsql;

namespace Pppk.Workflow.Runtime.Instances;

/// <summary>One case as its subject sees it: no variables, no business key, no names of the staff who worked on it.</summary>
public sealed record MyCase(Guid Id, string Process, string Status, string StatusText, DateTimeOffset StartedAt, DateTimeOffset? EndedAt,
    IReadOnlyList<CaseStep> CurrentSteps, IReadOnlyList<CaseStep> Steps, string? Outcome);

/// <summary>A named step of a case: when it started and, once done, when it ended.</summary>
public sealed record CaseStep(string Name, DateTimeOffset StartedAt, DateTimeOffset? EndedAt);

/// <summary>
/// The cases whose subject is one NIK, newest first, with their steps from the history, in one round trip
/// (count, page, the page's steps): the "Status saya" screen's read of <c>pppk.instances</c> and <c>pppk.history</c>.
/// </summary>
public sealed class MyCasesQuery(NpgsqlDataSource db)
{
    /// <summary>Steps read per case, the latest ones: a case that looped for years still answers in bounded time and size.</summary>
    public const int MaxStepsPerCase = 100;

    /// <summary>Statuses a caller may filter by, with the text the subject reads.</summary>
    public static readonly IReadOnlyDictionary<string, string> StatusTexts = new Dictionary<string, string>
    {
        ["active"] = "Berjalan",
        ["completed"] = "Selesai",
        ["terminated"] = "Dihentikan",
        ["cancelled"] = "Dibatalkan",
    };

    // Decisions are named as questions ("Lulus?") and boundary events are deadlines for the staff: neither is a step of the person's case.
    private const string NotSteps = "'process', 'multiInstanceBody', 'boundaryEvent', 'exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'complexGateway'";

    private const string Mine = "i.subject = @nik AND (@status IS NULL OR i.status = @status)";

    private const string Page = $"""
        SELECT i.id, coalesce(nullif(d.name, ''), i.definition_key) AS process, i.status, i.started_at, i.ended_at
        FROM pppk.instances i LEFT JOIN pppk.definitions d ON d.id = i.definition_id
        WHERE {Mine} ORDER BY i.started_at DESC, i.id LIMIT @take OFFSET @skip
        """;

    public async Task<(IReadOnlyList<MyCase> Items, int Total)> ReadAsync(string nik, string? status, int skip, int take, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection);
        void Command(string sql)
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.AddWithValue("nik", nik);
            command.Parameters.AddWithValue("status", NpgsqlTypes.NpgsqlDbType.Text, (object?)status ?? DBNull.Value);
            command.Parameters.AddWithValue("take", take);
            command.Parameters.AddWithValue("skip", skip);
            batch.BatchCommands.Add(command);
        }
        Command($"SELECT count(*) FROM pppk.instances i WHERE {Mine}");
        Command(Page);
        Command($"""
            WITH page AS ({Page})
            SELECT s.instance_id, s.element_type, s.name, s.started_at, s.ended_at FROM (
                SELECT h.id, h.instance_id, h.element_type, h.name, h.started_at, h.ended_at,
                       row_number() OVER (PARTITION BY h.instance_id ORDER BY h.id DESC) AS latest
                FROM pppk.history h JOIN page ON page.id = h.instance_id
                WHERE h.name IS NOT NULL AND h.name <> '' AND NOT h.terminated AND h.element_type NOT IN ({NotSteps})) s
            WHERE s.latest <= {MaxStepsPerCase} ORDER BY s.instance_id, s.id
            """);

        await using var r = await batch.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        var total = (int)r.GetInt64(0);
        await r.NextResultAsync(ct);
        var cases = new List<(Guid Id, string Process, string Status, DateTimeOffset StartedAt, DateTimeOffset? EndedAt)>();
        while (await r.ReadAsync(ct))
            cases.Add((r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3), r.IsDBNull(4) ? null : r.GetFieldValue<DateTimeOffset>(4)));
        await r.NextResultAsync(ct);
        var steps = new List<(Guid InstanceId, string Type, CaseStep Step)>();
        while (await r.ReadAsync(ct))
            steps.Add((r.GetGuid(0), r.GetString(1), new CaseStep(r.GetString(2), r.GetFieldValue<DateTimeOffset>(3), r.IsDBNull(4) ? null : r.GetFieldValue<DateTimeOffset>(4))));

        var byCase = steps.ToLookup(s => s.InstanceId);
        return (cases.Select(c => Assemble(c.Id, c.Process, c.Status, c.StartedAt, c.EndedAt, byCase[c.Id].ToList())).ToList(), total);
    }

    private static MyCase Assemble(Guid id, string process, string status, DateTimeOffset startedAt, DateTimeOffset? endedAt,
        List<(Guid InstanceId, string Type, CaseStep Step)> steps)
    {
        // The end event a finished case reached last is its outcome ("Diangkat menjadi PPPK"); end events are not listed as steps.
        var outcome = status == "active" ? null : steps.LastOrDefault(s => s.Type == "endEvent" && s.Step.EndedAt is not null).Step?.Name;
        var current = steps.Where(s => s.Step.EndedAt is null && s.Type != "endEvent")
            .Select(s => s.Step).DistinctBy(s => s.Name).ToList(); // the instances of a multi-instance step are one step to the person
        var done = steps.Where(s => s.Step.EndedAt is not null && s.Type != "endEvent").Select(s => s.Step).ToList();
        return new MyCase(id, process, status, StatusTexts.GetValueOrDefault(status, status), startedAt, endedAt, current, done, outcome);
    }
}

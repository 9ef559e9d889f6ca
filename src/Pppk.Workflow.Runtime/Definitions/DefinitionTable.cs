using Npgsql;

namespace Pppk.Workflow.Runtime.Definitions;

/// <summary>One deployed version of one executable process. A file with several processes gives one row per process, sharing the XML.</summary>
public sealed class DefinitionRecord
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public int Version { get; set; }
    public string? Name { get; set; }
    public required string Xml { get; set; }
    public string? FileName { get; set; }

    /// <summary>SHA-256 of the file's bytes: an unchanged file adds no version.</summary>
    public required string Checksum { get; set; }
    public DateTimeOffset DeployedAt { get; set; }
    public string? DeployedBy { get; set; }

    /// <summary>Set when a newer version replaced this one or the key was undeployed; running instances stay on it.</summary>
    public bool IsLatest { get; set; }

    /// <summary>The process's <c>zeebe:versionTag</c>: call activities bound by version tag find this version by it.</summary>
    public string? VersionTag { get; set; }

    /// <summary>The processes and forms deployed together with this version (<see cref="DeployedTogether"/>, JSON).</summary>
    public string? Deployment { get; set; }
}

/// <summary>One deployed version of a form-js form, linked from user tasks by its <c>id</c>.</summary>
public sealed class FormRecord
{
    public long Id { get; set; }
    public required string FormId { get; set; }
    public int Version { get; set; }
    public required string Schema { get; set; }
    public string? FileName { get; set; }
    public required string Checksum { get; set; }
    public DateTimeOffset DeployedAt { get; set; }

    /// <summary>The form's <c>versionTag</c> (form-js schema): user tasks bound by version tag find this version by it.</summary>
    public string? VersionTag { get; set; }
}

/// <summary>The latest version of a process, as the definitions list shows it.</summary>
public sealed record DefinitionSummary(string Key, string? Name, int Version, DateTimeOffset DeployedAt);

/// <summary>One version of a process, as its versions list shows it.</summary>
public sealed record DefinitionVersionSummary(int Version, string? Name, DateTimeOffset DeployedAt, string? DeployedBy, bool Latest);

/// <summary>One stored version of a process with its XML.</summary>
public sealed record StoredDefinition(string Key, string? Name, int Version, DateTimeOffset DeployedAt, string? DeployedBy, string? FileName, string Xml);

/// <summary>The screens' reads of <c>pppk.definitions</c> and <c>pppk.forms</c> (deploying writes them: <see cref="DeploymentService"/>).</summary>
public static class DefinitionTable
{
    /// <summary>A page of the latest versions, by key, and how many keys are deployed (in one query, but for a page past the end).</summary>
    public static async Task<(List<DefinitionSummary> Items, long Total)> LatestAsync(NpgsqlDataSource db, int skip, int take, CancellationToken ct)
    {
        var items = new List<DefinitionSummary>();
        var total = 0L;
        await using (var cmd = db.CreateCommand("""
            SELECT key, name, version, deployed_at, count(*) OVER () FROM pppk.definitions WHERE is_latest ORDER BY key LIMIT @take OFFSET @skip
            """))
        {
            cmd.Parameters.AddWithValue("take", take);
            cmd.Parameters.AddWithValue("skip", skip);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                items.Add(new(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetInt32(2), r.GetFieldValue<DateTimeOffset>(3)));
                total = r.GetInt64(4);
            }
        }
        if (items.Count == 0)
        {
            await using var count = db.CreateCommand("SELECT count(*) FROM pppk.definitions WHERE is_latest");
            total = (long)(await count.ExecuteScalarAsync(ct))!;
        }
        return (items, total);
    }

    /// <summary>Every version of <paramref name="key"/>, newest first (none when the key was never deployed).</summary>
    public static async Task<List<DefinitionVersionSummary>> VersionsAsync(NpgsqlDataSource db, string key, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT version, name, deployed_at, deployed_by, is_latest FROM pppk.definitions WHERE key = @k ORDER BY version DESC");
        cmd.Parameters.AddWithValue("k", key);
        var items = new List<DefinitionVersionSummary>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            items.Add(new(r.GetInt32(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetFieldValue<DateTimeOffset>(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetBoolean(4)));
        return items;
    }

    /// <summary>
    /// One stored version (the latest without <paramref name="version"/>). The reader is disposed once, when this returns:
    /// Npgsql reuses one reader object per pooled connection, so a reader disposed a second time after its connection
    /// went back to the pool closes whatever command uses that connection next (a 500 in the viewer, seen in CI).
    /// </summary>
    public static async Task<StoredDefinition?> VersionAsync(NpgsqlDataSource db, string key, int? version, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(version is null
            ? "SELECT key, name, version, deployed_at, deployed_by, file_name, xml FROM pppk.definitions WHERE key = @k AND is_latest"
            : "SELECT key, name, version, deployed_at, deployed_by, file_name, xml FROM pppk.definitions WHERE key = @k AND version = @v");
        cmd.Parameters.AddWithValue("k", key);
        cmd.Parameters.AddWithValue("v", version ?? 0);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return new StoredDefinition(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetInt32(2), r.GetFieldValue<DateTimeOffset>(3),
            r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.GetString(6));
    }

    /// <summary>The form <paramref name="formId"/> (the latest version without <paramref name="version"/>): its schema (JSON text) and version; null if none is deployed.</summary>
    public static async Task<(string Schema, int Version)?> FormAsync(NpgsqlDataSource db, string formId, CancellationToken ct, int? version = null)
    {
        await using var cmd = db.CreateCommand(version is null
            ? "SELECT schema::text, version FROM pppk.forms WHERE form_id = @id ORDER BY version DESC LIMIT 1"
            : "SELECT schema::text, version FROM pppk.forms WHERE form_id = @id AND version = @v");
        cmd.Parameters.AddWithValue("id", formId);
        cmd.Parameters.AddWithValue("v", version ?? 0);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? (r.GetString(0), r.GetInt32(1)) : null;
    }

    /// <summary>The id of the latest version of <paramref name="key"/>, or of <paramref name="version"/> of it; null if there is none.</summary>
    internal static async Task<long?> IdAsync(NpgsqlDataSource db, string key, int? version, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(version is null
            ? "SELECT id FROM pppk.definitions WHERE key = @key AND is_latest"
            : "SELECT id FROM pppk.definitions WHERE key = @key AND version = @version");
        cmd.Parameters.AddWithValue("key", key);
        if (version is { } v) cmd.Parameters.AddWithValue("version", v);
        return await cmd.ExecuteScalarAsync(ct) is long id ? id : null;
    }

    /// <summary>The ids of the latest version of every key.</summary>
    internal static async Task<List<long>> LatestIdsAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        var ids = new List<long>();
        await using var cmd = db.CreateCommand("SELECT id FROM pppk.definitions WHERE is_latest");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetInt64(0));
        return ids;
    }

    /// <summary>Key, version, name, XML and what its deployment held (JSON, if recorded) of the definition <paramref name="id"/>; null if there is none.</summary>
    internal static async Task<(string Key, int Version, string? Name, string Xml, string? Deployment)?> SourceAsync(NpgsqlDataSource db, long id, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT key, version, name, xml, deployment::text FROM pppk.definitions WHERE id = @id");
        cmd.Parameters.AddWithValue("id", id);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? (reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4))
            : null;
    }

    /// <summary>The id of the latest version of <paramref name="key"/> tagged <paramref name="versionTag"/>; null if there is none.</summary>
    internal static async Task<long?> TaggedIdAsync(NpgsqlDataSource db, string key, string versionTag, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT id FROM pppk.definitions WHERE key = @key AND version_tag = @tag ORDER BY version DESC LIMIT 1");
        cmd.Parameters.AddWithValue("key", key);
        cmd.Parameters.AddWithValue("tag", versionTag);
        return await cmd.ExecuteScalarAsync(ct) is long id ? id : null;
    }

    /// <summary>The latest version of the form <paramref name="formId"/> tagged <paramref name="versionTag"/>; null if there is none.</summary>
    internal static async Task<int?> TaggedFormVersionAsync(Func<string, NpgsqlCommand> command, string formId, string versionTag, CancellationToken ct)
    {
        await using var cmd = command("SELECT max(version) FROM pppk.forms WHERE form_id = @id AND version_tag = @tag");
        cmd.Parameters.AddWithValue("id", formId);
        cmd.Parameters.AddWithValue("tag", versionTag);
        return await cmd.ExecuteScalarAsync(ct) is int version ? version : null;
    }

    /// <summary>Records on the process versions <paramref name="ids"/> what their deployment held (JSON).</summary>
    internal static async Task RecordDeploymentAsync(NpgsqlConnection c, NpgsqlTransaction tx, string deployment, long[] ids, CancellationToken ct)
    {
        await using var update = new NpgsqlCommand("UPDATE pppk.definitions SET deployment = @d::jsonb WHERE id = ANY(@ids)", c, tx);
        update.Parameters.AddWithValue("d", deployment);
        update.Parameters.AddWithValue("ids", ids);
        await update.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The keys with a latest version and the ids of deployed forms, which a deployment's references may name.</summary>
    public static async Task<(List<string> Keys, List<string> FormIds)> DeployedNamesAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        var keys = new List<string>();
        var forms = new List<string>();
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT key FROM pppk.definitions WHERE is_latest"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT DISTINCT form_id FROM pppk.forms"));
        await using var r = await batch.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) keys.Add(r.GetString(0));
        await r.NextResultAsync(ct);
        while (await r.ReadAsync(ct)) forms.Add(r.GetString(0));
        return (keys, forms);
    }

    /// <summary>
    /// For a step's batch: raises <see cref="DefinitionStore.StaleLatestSqlState"/> unless every definition in the array
    /// parameter <c>@ids</c> is still the latest version of its key (<see cref="LatestDefinitionCheck"/>).
    /// </summary>
    internal const string StillLatestCheck = """
        SELECT pppk.raise_stale_definition()
        FROM (SELECT count(*) AS latest FROM pppk.definitions WHERE id = ANY(@ids) AND is_latest) c WHERE c.latest <> cardinality(@ids)
        """;

    /// <summary>One deployment at a time (a transaction lock), so versions are gapless and "latest" is unique.</summary>
    internal static async Task LockDeploymentsAsync(NpgsqlConnection c, NpgsqlTransaction tx, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('pppk.deploy', 0))", c, tx);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The latest version of <paramref name="key"/>: id, version and checksum; (null, 0, null) if none is deployed.</summary>
    internal static async Task<(long? Id, int Version, string? Checksum)> LatestOfAsync(NpgsqlConnection c, NpgsqlTransaction tx, string key, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT id, version, checksum FROM pppk.definitions WHERE key = @k AND is_latest", c, tx);
        cmd.Parameters.AddWithValue("k", key);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? (r.GetInt64(0), r.GetInt32(1), r.GetString(2)) : (null, 0, null);
    }

    /// <summary>Adds <paramref name="version"/> of <paramref name="key"/> as its latest (the previous latest no longer is); returns its id.</summary>
    internal static async Task<long> InsertVersionAsync(NpgsqlConnection c, NpgsqlTransaction tx, string key, int version, string? name, string? versionTag,
        string xml, string fileName, string checksum, string? user, CancellationToken ct)
    {
        await using (var unset = new NpgsqlCommand("UPDATE pppk.definitions SET is_latest = false WHERE key = @k AND is_latest", c, tx))
        {
            unset.Parameters.AddWithValue("k", key);
            await unset.ExecuteNonQueryAsync(ct);
        }
        await using var insert = new NpgsqlCommand("""
            INSERT INTO pppk.definitions (key, version, name, xml, file_name, checksum, deployed_at, deployed_by, is_latest, version_tag)
            VALUES (@k, @v, @n, @x, @f, @c, now(), @u, true, @t) RETURNING id
            """, c, tx);
        insert.Parameters.AddWithValue("t", (object?)versionTag ?? DBNull.Value);
        insert.Parameters.AddWithValue("k", key);
        insert.Parameters.AddWithValue("v", version);
        insert.Parameters.AddWithValue("n", (object?)name ?? DBNull.Value);
        insert.Parameters.AddWithValue("x", xml);
        insert.Parameters.AddWithValue("f", fileName);
        insert.Parameters.AddWithValue("c", checksum);
        insert.Parameters.AddWithValue("u", (object?)user ?? DBNull.Value);
        return (long)(await insert.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The latest version of the form <paramref name="formId"/> and its checksum; (0, null) if none is deployed.</summary>
    internal static async Task<(int Version, string? Checksum)> LatestFormAsync(NpgsqlConnection c, NpgsqlTransaction tx, string formId, CancellationToken ct)
    {
        await using var latest = new NpgsqlCommand("SELECT version, checksum FROM pppk.forms WHERE form_id = @id ORDER BY version DESC LIMIT 1", c, tx);
        latest.Parameters.AddWithValue("id", formId);
        await using var r = await latest.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? (r.GetInt32(0), r.GetString(1)) : (0, null);
    }

    /// <summary>The XML of the stored version <paramref name="id"/>, read inside the deployment's transaction.</summary>
    internal static async Task<string> XmlAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT xml FROM pppk.definitions WHERE id = @id", c, tx);
        cmd.Parameters.AddWithValue("id", id);
        return (string)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The schema (JSON text) of version <paramref name="version"/> of the form <paramref name="formId"/>.</summary>
    internal static async Task<string> FormSchemaAsync(NpgsqlConnection c, NpgsqlTransaction tx, string formId, int version, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT schema::text FROM pppk.forms WHERE form_id = @id AND version = @v", c, tx);
        cmd.Parameters.AddWithValue("id", formId);
        cmd.Parameters.AddWithValue("v", version);
        return (string)(await cmd.ExecuteScalarAsync(ct))!;
    }

    internal static async Task InsertFormAsync(NpgsqlConnection c, NpgsqlTransaction tx, string formId, int version, string? versionTag, string schema, string fileName,
        string checksum, CancellationToken ct)
    {
        await using var insert = new NpgsqlCommand("""
            INSERT INTO pppk.forms (form_id, version, schema, file_name, checksum, deployed_at, version_tag) VALUES (@id, @v, @s::jsonb, @f, @c, now(), @t)
            """, c, tx);
        insert.Parameters.AddWithValue("t", (object?)versionTag ?? DBNull.Value);
        insert.Parameters.AddWithValue("id", formId);
        insert.Parameters.AddWithValue("v", version);
        insert.Parameters.AddWithValue("s", schema);
        insert.Parameters.AddWithValue("f", fileName);
        insert.Parameters.AddWithValue("c", checksum);
        await insert.ExecuteNonQueryAsync(ct);
    }
}

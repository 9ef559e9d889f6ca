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
    public static async Task<(List<DefinitionSummary> Items, long Total)> LatestAsync(Npgsql.NpgsqlDataSource db, int skip, int take, CancellationToken ct)
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
    public static async Task<List<DefinitionVersionSummary>> VersionsAsync(Npgsql.NpgsqlDataSource db, string key, CancellationToken ct)
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
    public static async Task<StoredDefinition?> VersionAsync(Npgsql.NpgsqlDataSource db, string key, int? version, CancellationToken ct)
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
    public static async Task<(string Schema, int Version)?> FormAsync(Npgsql.NpgsqlDataSource db, string formId, CancellationToken ct, int? version = null)
    {
        await using var cmd = db.CreateCommand(version is null
            ? "SELECT schema::text, version FROM pppk.forms WHERE form_id = @id ORDER BY version DESC LIMIT 1"
            : "SELECT schema::text, version FROM pppk.forms WHERE form_id = @id AND version = @v");
        cmd.Parameters.AddWithValue("id", formId);
        cmd.Parameters.AddWithValue("v", version ?? 0);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? (r.GetString(0), r.GetInt32(1)) : null;
    }
}

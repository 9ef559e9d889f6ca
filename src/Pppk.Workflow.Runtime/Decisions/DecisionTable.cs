using Npgsql;
using Pppk.Workflow.Runtime.Database;

namespace Pppk.Workflow.Runtime.Decisions;

/// <summary>The latest version of a decision, as the decisions list shows it.</summary>
public sealed record DecisionSummary(string Key, string? Name, int Version, string? DecisionRequirementsKey, DateTimeOffset DeployedAt, string? DeployedBy);

/// <summary>One version of a decision in its versions list.</summary>
public sealed record DecisionVersionSummary(int Version, string? Name, DateTimeOffset DeployedAt, string? DeployedBy, bool Latest, string? VersionTag);

/// <summary>One stored decision version with the XML of its file.</summary>
public sealed record StoredDecision(long Id, string Key, string? Name, int Version, string? DecisionRequirementsKey, string? VersionTag,
    DateTimeOffset DeployedAt, string? DeployedBy, string? FileName, string Xml);

/// <summary>The SQL of <c>pppk.decisions</c> and <c>pppk.decision_files</c> (their one owner).</summary>
public static class DecisionTable
{
    private const string Columns = "d.id, d.key, d.name, d.version, d.decision_requirements_key, d.version_tag, d.deployed_at, d.deployed_by, f.file_name, f.xml";

    /// <summary>The latest version of each decision, by key, filtered by a text in its key or name.</summary>
    public static async Task<(List<DecisionSummary> Items, long Total)> LatestAsync(NpgsqlDataSource db, string? search, int skip, int take, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            SELECT key, name, version, decision_requirements_key, deployed_at, deployed_by, count(*) OVER () FROM pppk.decisions
            WHERE is_latest AND (@q = '' OR key ILIKE '%' || @q || '%' OR name ILIKE '%' || @q || '%')
            ORDER BY coalesce(name, key), key LIMIT @take OFFSET @skip
            """);
        cmd.Parameters.AddWithValue("q", LikePattern.Escape(search?.Trim() ?? ""));
        cmd.Parameters.AddWithValue("take", take);
        cmd.Parameters.AddWithValue("skip", skip);
        var items = new List<DecisionSummary>();
        var total = 0L;
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                items.Add(new(r.GetString(0), Text(r, 1), r.GetInt32(2), Text(r, 3), r.GetFieldValue<DateTimeOffset>(4), Text(r, 5)));
                total = r.GetInt64(6);
            }
        if (items.Count == 0 && skip > 0)
        {
            await using var count = db.CreateCommand("SELECT count(*) FROM pppk.decisions WHERE is_latest AND (@q = '' OR key ILIKE '%' || @q || '%' OR name ILIKE '%' || @q || '%')");
            count.Parameters.AddWithValue("q", LikePattern.Escape(search?.Trim() ?? ""));
            total = (long)(await count.ExecuteScalarAsync(ct))!;
        }
        return (items, total);
    }

    public static async Task<List<DecisionVersionSummary>> VersionsAsync(NpgsqlDataSource db, string key, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT version, name, deployed_at, deployed_by, is_latest, version_tag FROM pppk.decisions WHERE key = @k ORDER BY version DESC");
        cmd.Parameters.AddWithValue("k", key);
        var items = new List<DecisionVersionSummary>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            items.Add(new(r.GetInt32(0), Text(r, 1), r.GetFieldValue<DateTimeOffset>(2), Text(r, 3), r.GetBoolean(4), Text(r, 5)));
        return items;
    }

    /// <summary>One version (the latest without <paramref name="version"/>), with its file's XML; null if there is none.</summary>
    public static async Task<StoredDecision?> VersionAsync(NpgsqlDataSource db, string key, int? version, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(version is null
            ? $"SELECT {Columns} FROM pppk.decisions d JOIN pppk.decision_files f ON f.id = d.file_id WHERE d.key = @k AND d.is_latest"
            : $"SELECT {Columns} FROM pppk.decisions d JOIN pppk.decision_files f ON f.id = d.file_id WHERE d.key = @k AND d.version = @v");
        cmd.Parameters.AddWithValue("k", key);
        cmd.Parameters.AddWithValue("v", version ?? 0);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct)
            ? new(r.GetInt64(0), r.GetString(1), Text(r, 2), r.GetInt32(3), Text(r, 4), Text(r, 5), r.GetFieldValue<DateTimeOffset>(6), Text(r, 7), Text(r, 8), r.GetString(9))
            : null;
    }

    /// <summary>The ids of the versions of the keys asked: the latest of each, or the latest tagged <paramref name="versionTag"/>.</summary>
    internal static async Task<Dictionary<string, long>> LatestIdsAsync(NpgsqlDataSource db, IReadOnlyCollection<string> keys, string? versionTag, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(versionTag is null
            ? "SELECT key, id FROM pppk.decisions WHERE is_latest AND key = ANY(@keys)"
            : "SELECT DISTINCT ON (key) key, id FROM pppk.decisions WHERE key = ANY(@keys) AND version_tag = @tag ORDER BY key, version DESC");
        cmd.Parameters.AddWithValue("keys", keys.ToArray());
        cmd.Parameters.AddWithValue("tag", versionTag ?? "");
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) ids[r.GetString(0)] = r.GetInt64(1);
        return ids;
    }

    /// <summary>The id of <paramref name="key"/> version <paramref name="version"/>; null if there is none.</summary>
    internal static async Task<long?> IdAsync(NpgsqlDataSource db, string key, int version, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT id FROM pppk.decisions WHERE key = @k AND version = @v");
        cmd.Parameters.AddWithValue("k", key);
        cmd.Parameters.AddWithValue("v", version);
        return await cmd.ExecuteScalarAsync(ct) is long id ? id : null;
    }

    /// <summary>Key, version, name and file of the decision version <paramref name="id"/>.</summary>
    internal static async Task<(string Key, int Version, string? Name, long FileId)?> SourceAsync(NpgsqlDataSource db, long id, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT key, version, name, file_id FROM pppk.decisions WHERE id = @id");
        cmd.Parameters.AddWithValue("id", id);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? (r.GetString(0), r.GetInt32(1), Text(r, 2), r.GetInt64(3)) : null;
    }

    /// <summary>The XML of a stored file and the files it imports.</summary>
    internal static async Task<(string Xml, long[] Imports)> FileAsync(NpgsqlDataSource db, long fileId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT xml, imports FROM pppk.decision_files WHERE id = @id");
        cmd.Parameters.AddWithValue("id", fileId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) throw new KeyNotFoundException($"No decision file with id {fileId}.");
        return (r.GetString(0), r.GetFieldValue<long[]>(1));
    }

    /// <summary>Every key with a deployed decision (a deployment's business rule tasks may name one).</summary>
    /// <summary>
    /// For a step's batch: raises the stale-latest error (<see cref="Definitions.DefinitionStore.StaleLatestSqlState"/>) unless
    /// every decision version in <c>@ids</c> is still the latest of its key (<see cref="Definitions.LatestDefinitionCheck"/>).
    /// </summary>
    internal const string StillLatestCheck = """
        SELECT pppk.raise_stale_definition()
        FROM (SELECT count(*) AS latest FROM pppk.decisions WHERE id = ANY(@ids) AND is_latest) c WHERE c.latest <> cardinality(@ids)
        """;

    internal static async Task<HashSet<string>> KeysAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT key FROM pppk.decisions WHERE is_latest");
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) keys.Add(r.GetString(0));
        return keys;
    }

    /// <summary>Whether a version of <paramref name="key"/> carries <paramref name="versionTag"/>.</summary>
    internal static async Task<bool> TagExistsAsync(NpgsqlDataSource db, string key, string versionTag, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT EXISTS (SELECT 1 FROM pppk.decisions WHERE key = @k AND version_tag = @t)");
        cmd.Parameters.AddWithValue("k", key);
        cmd.Parameters.AddWithValue("t", versionTag);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Inside the deployment's transaction: the latest version of <paramref name="key"/>, its file's XML and imports; (0, null, null) if none.</summary>
    internal static async Task<(int Version, long? FileId, string? Xml, long[]? Imports)> LatestOfAsync(NpgsqlConnection c, NpgsqlTransaction tx, string key, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            SELECT d.version, f.id, f.xml, f.imports FROM pppk.decisions d JOIN pppk.decision_files f ON f.id = d.file_id WHERE d.key = @k AND d.is_latest
            """, c, tx);
        cmd.Parameters.AddWithValue("k", key);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? (r.GetInt32(0), r.GetInt64(1), r.GetString(2), r.GetFieldValue<long[]>(3)) : (0, null, null, null);
    }

    internal static async Task<long> InsertFileAsync(NpgsqlConnection c, NpgsqlTransaction tx, DecisionFileRecord file, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO pppk.decision_files (namespace, model_id, name, xml, file_name, checksum, imports, deployed_at, deployed_by)
            VALUES (@ns, @m, @n, @x, @f, @c, @i, now(), @u) RETURNING id
            """, c, tx);
        cmd.Parameters.AddWithValue("ns", file.Namespace);
        cmd.Parameters.AddWithValue("m", (object?)file.ModelId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("n", (object?)file.Name ?? DBNull.Value);
        cmd.Parameters.AddWithValue("x", file.Xml);
        cmd.Parameters.AddWithValue("f", (object?)file.FileName ?? DBNull.Value);
        cmd.Parameters.AddWithValue("c", file.Checksum);
        cmd.Parameters.AddWithValue("i", file.Imports);
        cmd.Parameters.AddWithValue("u", (object?)file.DeployedBy ?? DBNull.Value);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Adds <paramref name="version"/> of the decision as its latest (the previous latest no longer is).</summary>
    internal static async Task InsertVersionAsync(NpgsqlConnection c, NpgsqlTransaction tx, DecisionRecord d, CancellationToken ct)
    {
        await using (var unset = new NpgsqlCommand("UPDATE pppk.decisions SET is_latest = false WHERE key = @k AND is_latest", c, tx))
        {
            unset.Parameters.AddWithValue("k", d.Key);
            await unset.ExecuteNonQueryAsync(ct);
        }
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO pppk.decisions (key, version, name, file_id, decision_requirements_key, version_tag, is_latest, deployed_at, deployed_by)
            VALUES (@k, @v, @n, @f, @r, @t, true, now(), @u)
            """, c, tx);
        cmd.Parameters.AddWithValue("k", d.Key);
        cmd.Parameters.AddWithValue("v", d.Version);
        cmd.Parameters.AddWithValue("n", (object?)d.Name ?? DBNull.Value);
        cmd.Parameters.AddWithValue("f", d.FileId);
        cmd.Parameters.AddWithValue("r", (object?)d.DecisionRequirementsKey ?? DBNull.Value);
        cmd.Parameters.AddWithValue("t", (object?)d.VersionTag ?? DBNull.Value);
        cmd.Parameters.AddWithValue("u", (object?)d.DeployedBy ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}

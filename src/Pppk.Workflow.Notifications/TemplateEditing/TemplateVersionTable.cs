using Npgsql;
using Pppk.Workflow.Notifications.Templates;

namespace Pppk.Workflow.Notifications.TemplateEditing;

/// <summary>The owner of <c>pppk.email_template_versions</c> (its schema is <see cref="TemplateVersionRecord"/>): the editor's reads and its one write.</summary>
public static class TemplateVersionTable
{
    /// <summary>A version as lists show it (no content).</summary>
    public sealed record Entry(string Name, int Version, string ChangedBy, string? ChangedByName, DateTimeOffset ChangedAt, string? Comment, int? RestoredFrom);

    /// <summary>A version with its content.</summary>
    public sealed record Full(Entry Entry, EmailTemplates.Source Source);

    /// <summary>The newest version of every edited template.</summary>
    internal static async Task<List<Full>> LatestAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"SELECT DISTINCT ON (name) {FullColumns} FROM pppk.email_template_versions ORDER BY name, version DESC");
        return await ReadFullAsync(cmd, ct);
    }

    /// <summary>The newest version number of every edited template, to see cheaply whether another node saved one.</summary>
    internal static async Task<Dictionary<string, int>> NewestNumbersAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT name, max(version) FROM pppk.email_template_versions GROUP BY name");
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) numbers[r.GetString(0)] = r.GetInt32(1);
        return numbers;
    }

    /// <summary>The edited versions of <paramref name="name"/>, newest first (version 1, the shipped files, has no row).</summary>
    internal static async Task<List<Entry>> VersionsAsync(NpgsqlDataSource db, string name, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"SELECT {EntryColumns} FROM pppk.email_template_versions WHERE name = @name ORDER BY version DESC");
        cmd.Parameters.AddWithValue("name", name);
        var entries = new List<Entry>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) entries.Add(ReadEntry(r));
        return entries;
    }

    /// <summary>One edited version with its content; null if there is none.</summary>
    internal static async Task<Full?> GetAsync(NpgsqlDataSource db, string name, int version, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"SELECT {FullColumns} FROM pppk.email_template_versions WHERE name = @name AND version = @version");
        cmd.Parameters.AddWithValue("name", name);
        cmd.Parameters.AddWithValue("version", version);
        return (await ReadFullAsync(cmd, ct)).FirstOrDefault();
    }

    /// <summary>
    /// Adds version <c>baseVersion + 1</c> when <paramref name="baseVersion"/> is still the newest (1 when there is no row);
    /// false when someone saved first. The unique (name, version) index settles two saves at the same instant.
    /// </summary>
    internal static async Task<bool> InsertAsync(NpgsqlDataSource db, Entry entry, EmailTemplates.Source source, int baseVersion, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO pppk.email_template_versions (name, version, subject, html, text, changed_by, changed_by_name, changed_at, comment, restored_from)
            SELECT @name, @version, @subject, @html, @text, @by, @byName, @at, @comment, @restored
            WHERE coalesce((SELECT max(version) FROM pppk.email_template_versions WHERE name = @name), 1) = @base
            ON CONFLICT (name, version) DO NOTHING
            """);
        cmd.Parameters.AddWithValue("name", entry.Name);
        cmd.Parameters.AddWithValue("version", baseVersion + 1);
        cmd.Parameters.AddWithValue("base", baseVersion);
        cmd.Parameters.AddWithValue("subject", source.Subject);
        cmd.Parameters.AddWithValue("html", source.Html);
        cmd.Parameters.AddWithValue("text", source.Text);
        cmd.Parameters.AddWithValue("by", entry.ChangedBy);
        cmd.Parameters.AddWithValue("byName", (object?)entry.ChangedByName ?? DBNull.Value);
        cmd.Parameters.AddWithValue("at", entry.ChangedAt);
        cmd.Parameters.AddWithValue("comment", (object?)entry.Comment ?? DBNull.Value);
        cmd.Parameters.AddWithValue("restored", (object?)entry.RestoredFrom ?? DBNull.Value);
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    private const string EntryColumns = "name, version, changed_by, changed_by_name, changed_at, comment, restored_from";
    private const string FullColumns = EntryColumns + ", subject, html, text";

    private static Entry ReadEntry(NpgsqlDataReader r) => new(r.GetString(0), r.GetInt32(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
        r.GetFieldValue<DateTimeOffset>(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetInt32(6));

    private static async Task<List<Full>> ReadFullAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var rows = new List<Full>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) rows.Add(new Full(ReadEntry(r), new EmailTemplates.Source(r.GetString(7), r.GetString(8), r.GetString(9))));
        return rows;
    }
}

using Npgsql;
using NpgsqlTypes;

namespace Pppk.Workflow.Domain.Imports;

/// <summary>
/// One kind of CSV file: its columns, how a row is checked (against the file and the database), and how the checked
/// rows are written. Rows go to the database in bulk: COPY into a temporary table, then one
/// <c>INSERT ... ON CONFLICT DO UPDATE</c> keyed on the file's natural key, so re-importing updates.
/// </summary>
internal abstract class CsvImport<TRow> where TRow : class
{
    public abstract string Kind { get; }

    public abstract IReadOnlyList<string> Columns { get; }

    /// <summary>Reads what row checks need from the database (known codes, existing keys), inside the import's transaction.</summary>
    public virtual Task LoadAsync(NpgsqlConnection connection, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Checks one row; null when it has errors (already added to the check).</summary>
    public abstract TRow? Parse(RowCheck row);

    public abstract Task<(int Inserted, int Updated)> WriteAsync(NpgsqlConnection connection, IReadOnlyList<TRow> rows, CancellationToken ct);

    protected static async Task CopyAsync<T>(NpgsqlConnection connection, string table, string columns, IEnumerable<T> rows, Action<NpgsqlBinaryImporter, T> write, CancellationToken ct)
    {
        await using (var importer = await connection.BeginBinaryImportAsync($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(ct);
                write(importer, row);
            }
            await importer.CompleteAsync(ct);
        }
        // Temporary tables have no statistics; without them the upsert's joins are planned as if the table were tiny.
        await ExecuteAsync(connection, $"ANALYZE {table}", ct);
    }

    protected static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Runs an upsert ending in <c>RETURNING (xmax = 0) AS inserted</c> and counts new and updated rows.</summary>
    protected static async Task<(int Inserted, int Updated)> UpsertAsync(NpgsqlConnection connection, string upsert, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"WITH up AS ({upsert}) SELECT count(*) FILTER (WHERE inserted)::int, count(*) FILTER (WHERE NOT inserted)::int FROM up", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt32(0), reader.GetInt32(1));
    }

    protected static async Task<Dictionary<string, T>> MapAsync<T>(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            map[reader.GetString(0)] = reader.GetFieldValue<T>(1);
        return map;
    }

    protected static void Write(NpgsqlBinaryImporter importer, string? value)
    {
        if (value is null) importer.WriteNull();
        else importer.Write(value, NpgsqlDbType.Text);
    }

    protected static void Write(NpgsqlBinaryImporter importer, int value) => importer.Write(value, NpgsqlDbType.Integer);

    protected static void Write(NpgsqlBinaryImporter importer, int? value)
    {
        if (value is null) importer.WriteNull();
        else importer.Write(value.Value, NpgsqlDbType.Integer);
    }

    protected static void Write(NpgsqlBinaryImporter importer, decimal? value)
    {
        if (value is null) importer.WriteNull();
        else importer.Write(value.Value, NpgsqlDbType.Numeric);
    }

    protected static void Write(NpgsqlBinaryImporter importer, bool value) => importer.Write(value, NpgsqlDbType.Boolean);

    protected static void Write(NpgsqlBinaryImporter importer, DateOnly? value)
    {
        if (value is null) importer.WriteNull();
        else importer.Write(value.Value, NpgsqlDbType.Date);
    }
}

/// <summary>Reports a key that appears twice in the same file, naming the earlier row.</summary>
internal sealed class UniqueInFile
{
    private readonly Dictionary<string, int> _seen = new(StringComparer.OrdinalIgnoreCase);

    public void Check(RowCheck row, string column, string? key)
    {
        if (key is null) return;
        if (_seen.TryGetValue(key, out var first))
            row.Error(column, ImportTexts.Duplicate.Format(column, key, first));
        else
            _seen[key] = row.Row;
    }
}

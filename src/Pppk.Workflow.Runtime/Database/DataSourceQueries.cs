using Npgsql;

namespace Pppk.Workflow.Runtime.Database;

/// <summary>One-value queries the table owners answer on a pooled connection, outside any step.</summary>
internal static class DataSourceQueries
{
    /// <summary>Runs a <c>SELECT EXISTS (...)</c>.</summary>
    public static async Task<bool> ExistsAsync(this NpgsqlDataSource db, string sql, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(sql);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }
}

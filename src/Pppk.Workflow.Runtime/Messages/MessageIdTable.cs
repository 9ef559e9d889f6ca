using Npgsql;
using Pppk.Workflow.Runtime.Steps;

namespace Pppk.Workflow.Runtime.Messages;

/// <summary>The owner of <c>pppk.message_ids</c>: the ids of published messages, each accepted once within its time to live.</summary>
internal static class MessageIdTable
{
    /// <summary>Records <paramref name="messageId"/> until <paramref name="expiresAt"/>; false if it is already recorded and live (a repeat).</summary>
    public static async Task<bool> TryRecordAsync(StepTransaction tx, string messageId, DateTimeOffset expiresAt, CancellationToken ct)
    {
        await using var seen = tx.Command("""
            INSERT INTO pppk.message_ids (message_id, expires_at) VALUES (@id, @exp)
            ON CONFLICT (message_id) DO UPDATE SET expires_at = excluded.expires_at WHERE pppk.message_ids.expires_at < now()
            """);
        seen.Parameters.AddWithValue("id", messageId);
        seen.Parameters.AddWithValue("exp", expiresAt);
        return await seen.ExecuteNonQueryAsync(ct) > 0;
    }

    public static async Task<bool> IsLiveAsync(StepTransaction tx, string messageId, CancellationToken ct)
    {
        await using var seen = tx.Command("SELECT EXISTS (SELECT 1 FROM pppk.message_ids WHERE message_id = @id AND expires_at > now())");
        seen.Parameters.AddWithValue("id", messageId);
        return await seen.ExecuteScalarAsync(ct) is true;
    }

    /// <summary>For the daily housekeeping: expired ids.</summary>
    public static NpgsqlBatchCommand PruneExpired() => new("DELETE FROM pppk.message_ids WHERE expires_at < now()");
}

using System.Text.Json.Nodes;
using Npgsql;
using Pppk.Workflow.Runtime.Steps;

namespace Pppk.Workflow.Runtime.Messages;

/// <summary>
/// Messages published with a time to live and no subscriber yet. Publisher and subscriber take the same transaction
/// advisory lock on (name, correlation key), so a message and a subscription opening at the same moment always meet.
/// </summary>
internal static class MessageBuffer
{
    public static async Task LockAsync(StepTransaction tx, string name, string? correlationKey, CancellationToken ct)
    {
        await using var cmd = tx.Command("SELECT pg_advisory_xact_lock(hashtextextended(@k, 7))");
        cmd.Parameters.AddWithValue("k", name + "\u001f" + correlationKey);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Consumes the oldest live buffered message for the subscription, if any, and returns its variables.</summary>
    public static async Task<JsonObject?> TakeAsync(StepTransaction tx, string name, string? correlationKey, CancellationToken ct)
    {
        await LockAsync(tx, name, correlationKey, ct);
        await using var cmd = tx.Command("""
            DELETE FROM pppk.buffered_messages WHERE id = (
              SELECT id FROM pppk.buffered_messages
              WHERE name = @n AND correlation_key IS NOT DISTINCT FROM @k AND expires_at > now()
              ORDER BY id LIMIT 1 FOR UPDATE)
            RETURNING coalesce(variables::text, '{}')
            """);
        cmd.Parameters.AddWithValue("n", name);
        cmd.Parameters.AddWithValue("k", (object?)correlationKey ?? DBNull.Value);
        return await cmd.ExecuteScalarAsync(ct) is string json ? JsonNode.Parse(json)!.AsObject() : null;
    }

    /// <summary>Keeps a message that met no subscription until <paramref name="expiresAt"/> (the caller holds the lock).</summary>
    public static async Task KeepAsync(StepTransaction tx, MessageService.Publish message, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken ct)
    {
        await using var keep = tx.Command("""
            INSERT INTO pppk.buffered_messages (name, correlation_key, variables, message_id, published_at, expires_at)
            VALUES (@n, @k, @v::jsonb, @id, @now, @exp)
            """);
        keep.Parameters.AddWithValue("n", message.Name);
        keep.Parameters.AddWithValue("k", (object?)message.CorrelationKey ?? DBNull.Value);
        keep.Parameters.AddWithValue("v", (object?)message.Variables?.ToJsonString() ?? DBNull.Value);
        keep.Parameters.AddWithValue("id", (object?)message.MessageId ?? DBNull.Value);
        keep.Parameters.AddWithValue("now", now);
        keep.Parameters.AddWithValue("exp", expiresAt);
        await keep.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Deletes the live buffered messages of (<paramref name="name"/>, <paramref name="correlationKey"/>); true if there was one (the caller holds the lock).</summary>
    public static async Task<bool> WithdrawAsync(StepTransaction tx, string name, string correlationKey, CancellationToken ct)
    {
        await using var cmd = tx.Command("DELETE FROM pppk.buffered_messages WHERE name = @n AND correlation_key = @k AND expires_at > now()");
        cmd.Parameters.AddWithValue("n", name);
        cmd.Parameters.AddWithValue("k", correlationKey);
        return await cmd.ExecuteNonQueryAsync(ct) > 0;
    }

    /// <summary>For the daily housekeeping: expired messages.</summary>
    public static NpgsqlBatchCommand PruneExpired() => new("DELETE FROM pppk.buffered_messages WHERE expires_at < now()");
}

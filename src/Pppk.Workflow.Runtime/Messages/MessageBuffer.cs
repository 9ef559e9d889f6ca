using System.Text.Json.Nodes;
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
}

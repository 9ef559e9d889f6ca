using System.Net.Http.Json;
using Npgsql;

namespace Pppk.Workflow.Host.Tests.Load;

/// <summary>Direct database reads for the load tests' progress and assertions.</summary>
public static class LoadDb
{
    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        try
        {
            return Convert.ToInt64(await cmd.ExecuteScalarAsync() ?? 0L);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0; // pppk.probe_effects is created by the first probe
        }
    }

    public static Task<long> CompletedAsync(string cs, string definitionKey) =>
        ScalarAsync(cs, $"SELECT count(*) FROM pppk.instances WHERE definition_key = '{definitionKey}' AND status = 'completed'");

    public static Task<long> ProbeRowsAsync(string cs) => ScalarAsync(cs, "SELECT count(*) FROM pppk.probe_effects");

    public static Task<long> ProbeInvocationsAsync(string cs) => ScalarAsync(cs, "SELECT coalesce(sum(invocations), 0) FROM pppk.probe_effects");

    /// <summary>Polls until <paramref name="condition"/> holds or the time is up; returns whether it held.</summary>
    public static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, TimeSpan? poll = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return true;
            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(500));
        }
        return await condition();
    }

    /// <summary>Starts <paramref name="count"/> instances through <c>POST /api/instances/batch</c>, businessKey bk-0000.. in the variables too.</summary>
    public static async Task<int> BatchStartAsync(HttpClient http, string definitionKey, int count, int chunk = 1000, TimeSpan? pause = null)
    {
        var started = 0;
        for (var offset = 0; offset < count; offset += chunk)
        {
            if (offset > 0 && pause is { } p) await Task.Delay(p);
            var items = Enumerable.Range(offset, Math.Min(chunk, count - offset))
                .Select(i => new { businessKey = Key(i), variables = new { businessKey = Key(i), n = i } }).ToList();
            var response = await http.PostAsJsonAsync("/api/instances/batch", new { definitionKey, instances = items });
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Batch start failed {(int)response.StatusCode}: {body}");
            started += System.Text.Json.Nodes.JsonNode.Parse(body)!["started"]!.GetValue<int>();
        }
        return started;
    }

    public static string Key(int i) => $"bk-{i:D5}";

    /// <summary>Publishes one message per business key with <paramref name="clients"/> concurrent callers.</summary>
    public static async Task PublishAllAsync(HttpClient http, string name, int count, int clients = 8, int ttlSeconds = 600)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var response = await http.PostAsJsonAsync("/api/messages", new { name, correlationKey = Key(i), timeToLiveSeconds = ttlSeconds });
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"Publish {Key(i)} failed {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }));
    }
}

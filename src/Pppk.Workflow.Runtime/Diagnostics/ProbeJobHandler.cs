using Npgsql;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Runtime.Diagnostics;

/// <summary>
/// An external job type for crash, scale-out and load tests of a deployed host (job type <c>diagnostics.probe</c>,
/// registered only with <c>Runtime:EnableProbeHandler</c>). Its "effect" is a row per job key; every invocation is
/// counted, so a test can tell exactly-once effects from at-least-once invocations.
/// </summary>
public sealed class ProbeJobHandler(NpgsqlDataSource db) : IDescribedJobHandler
{
    public const string JobType = "diagnostics.probe";

    public string Type => JobType;

    public bool Inline => false;

    public JobDescription Description { get; } = new("Probe diagnostik",
        "Untuk uji crash, scale-out dan beban: mencatat setiap pemanggilan (hanya ada bila Runtime:EnableProbeHandler aktif).")
    {
        Category = "diagnostik",
        Outputs = [new("probeInvocations", "Jumlah pemanggilan")],
        Headers = [new("delayMs", "Jeda (milidetik)") { Pattern = "^[0-9]+$", PatternMessage = "Bilangan bulat milidetik, mis. 500.", Default = "0" }],
    };

    // Databases whose effect table this process has made sure of.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Ensured = new();

    public async Task<JobResult> HandleAsync(JobContext context, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        await using var cmd = db.CreateCommand("""
            INSERT INTO pppk.probe_effects (job_key, instance_id, invocations) VALUES (@key, @inst, 1)
            ON CONFLICT (job_key) DO UPDATE SET invocations = pppk.probe_effects.invocations + 1
            RETURNING invocations
            """);
        cmd.Parameters.AddWithValue("key", context.JobKey);
        cmd.Parameters.AddWithValue("inst", context.InstanceId);
        var invocations = (int)(await cmd.ExecuteScalarAsync(ct))!;
        if (context.Headers.TryGetValue("delayMs", out var delay) && int.TryParse(delay, out var ms)) await Task.Delay(ms, ct);
        return new JobResult.Completed(new System.Text.Json.Nodes.JsonObject { ["probeInvocations"] = invocations });
    }

    /// <summary>
    /// Creates the effect table once. Concurrent <c>CREATE TABLE IF NOT EXISTS</c> (many probes of a batch, or several
    /// workers, at once) can fail with a unique violation on pg_type; the loser finds the table made by the winner.
    /// </summary>
    private async Task EnsureTableAsync(CancellationToken ct)
    {
        if (Ensured.ContainsKey(db.ConnectionString)) return;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var create = db.CreateCommand(
                    "CREATE TABLE IF NOT EXISTS pppk.probe_effects (job_key text PRIMARY KEY, instance_id uuid NOT NULL, first_at timestamptz NOT NULL DEFAULT now(), invocations int NOT NULL)");
                await create.ExecuteNonQueryAsync(ct);
                break;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable && attempt < 5)
            {
                await Task.Delay(20 * attempt, ct);
            }
        }
        Ensured[db.ConnectionString] = true;
    }
}


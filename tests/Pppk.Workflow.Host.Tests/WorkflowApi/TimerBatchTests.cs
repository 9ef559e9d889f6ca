using Npgsql;
using Pppk.Workflow.Host.Tests.Load;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

/// <summary>
/// Due timers fire in batches, each batch one transaction. One instance whose step cannot be written must not hold
/// back the others of its batch, nor make them fire twice when the batch is retried timer by timer.
/// </summary>
public sealed class TimerBatchTests(TestHost host) : IClassFixture<TestHost>
{
    private readonly WorkflowApiClient _api = new(host.Client());

    [Fact]
    public async Task A_failing_instance_in_a_timer_batch_is_postponed_and_the_others_fire_once()
    {
        await _api.DeployAsync(Chain("tm_batch", TimerCatch("tunggu", "PT10S")));
        // One batch start: six timers due within the same second, so one drain claims them in one batch.
        using var http = host.Client();
        Assert.Equal(6, await LoadDb.BatchStartAsync(http, "tm_batch", 6, chunk: 6));
        await using var db = NpgsqlDataSource.Create(host.ConnectionString);
        var ids = await IdsAsync(db);
        var bad = ids[2];

        // The bad instance's row refuses every write, so any transaction that steps it fails as a whole.
        await ExecuteAsync(db, $"""
            CREATE FUNCTION public.test_refuse_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$;
            CREATE TRIGGER test_refuse_one BEFORE UPDATE ON pppk.instances FOR EACH ROW WHEN (OLD.id = '{bad}') EXECUTE FUNCTION public.test_refuse_write();
            """);
        try
        {
            foreach (var id in ids.Where(id => id != bad))
                await _api.WaitForStatusAsync(id, "completed", TimeSpan.FromSeconds(120));

            Assert.Equal("active", (string?)(await _api.InstanceAsync(bad))["status"]);
            // Postponed by a minute, not lost.
            Assert.True(await LoadDb.WaitUntilAsync(async () => await ScalarAsync(db, $"SELECT count(*) FROM pppk.timers WHERE instance_id = '{bad}' AND due_at > now()") == 1,
                TimeSpan.FromSeconds(60)), "the failing instance's timer was not postponed");
            foreach (var id in ids.Where(id => id != bad))
            {
                var timer = (await _api.HistoryAsync(id)).Where(h => (string?)h!["elementId"] == "tunggu").ToList();
                Assert.Single(timer); // fired once, not again in the retry
                Assert.NotNull((string?)timer[0]!["endedAt"]);
            }
        }
        finally
        {
            await ExecuteAsync(db, "DROP TRIGGER test_refuse_one ON pppk.instances; DROP FUNCTION public.test_refuse_write()");
        }
    }

    private static async Task<List<string>> IdsAsync(NpgsqlDataSource db)
    {
        await using var cmd = db.CreateCommand("SELECT id FROM pppk.instances WHERE definition_key = 'tm_batch' ORDER BY id");
        await using var reader = await cmd.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0).ToString());
        return ids;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource db, string sql)
    {
        await using var cmd = db.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource db, string sql)
    {
        await using var cmd = db.CreateCommand(sql);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}

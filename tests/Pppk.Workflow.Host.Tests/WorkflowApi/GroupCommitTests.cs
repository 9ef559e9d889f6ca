using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.Steps;
using Pppk.Workflow.Runtime.UserTasks;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

/// <summary>Group commit: concurrent API steps share transactions, each keeps its own outcome.</summary>
public sealed class GroupCommitTests(TestHost host) : IClassFixture<TestHost>
{
    private readonly WorkflowApiClient _api = new(host.Client());
    private InstanceService Instances => host.Host.Services.GetRequiredService<InstanceService>();
    private TaskService Tasks => host.Host.Services.GetRequiredService<TaskService>();
    private NpgsqlDataSource Db => host.Host.Services.GetRequiredService<NpgsqlDataSource>();

    [Fact]
    public async Task Concurrent_starts_and_completions_share_transactions_and_each_task_records_its_own_user()
    {
        await _api.DeployAsync(Chain("gc_many", UserTask("t1")));
        var started = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Instances.StartAsync(new InstanceService.StartRequest("gc_many", BusinessKey: $"GC-{i}", Variables: new JsonObject { ["i"] = i }), "starter", default)));
        var ids = started.Select(s => s.Id).ToArray();
        Assert.Equal(40, ids.Distinct().Count());

        var tasks = await OpenTasksAsync(ids);
        // Each start answers with its own instance and the task its step opened, even when the step shared a transaction.
        Assert.All(started, s => Assert.Equal((int)s.State.Variables["i"]!, int.Parse(s.BusinessKey!["GC-".Length..])));
        Assert.Equal(tasks.OrderBy(t => t.InstanceId).Select(t => t.TaskId), started.OrderBy(s => s.Id).Select(s => Assert.Single(s.Tasks).Id));
        await Task.WhenAll(tasks.Select((t, i) => Tasks.CompleteAsync(t.TaskId, new Actor($"pegawai{i}", ["hr-admin"]), new JsonObject { ["by"] = i }, default)));

        await using var cmd = Db.CreateCommand("""
            SELECT t.completed_by, i.status, (i.state #>> '{elements,0,variables,by}')::int, i.xmin::text
            FROM pppk.user_tasks t JOIN pppk.instances i ON i.id = t.instance_id WHERE t.id = ANY(@ids)
            """);
        cmd.Parameters.AddWithValue("ids", tasks.Select(t => t.TaskId).ToArray());
        var rows = new List<(string By, string Status, int Variable, string Xmin)>();
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) rows.Add((r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetString(3)));
        Assert.Equal(40, rows.Count);
        Assert.All(rows, row => Assert.Equal("completed", row.Status));
        // Each task is recorded as completed by the caller whose variables reached its instance.
        Assert.All(rows, row => Assert.Equal($"pegawai{row.Variable}", row.By));
        // Rows written by one transaction share its xmin: fewer transactions than steps means steps were grouped.
        Assert.True(rows.Select(r => r.Xmin).Distinct().Count() < 40, "40 concurrent completions ran in 40 transactions");
    }

    [Fact]
    public async Task A_refused_call_in_a_group_fails_alone()
    {
        await _api.DeployAsync(Chain("gc_refuse", UserTask("t1", candidateGroups: "ppk")));
        var ids = (await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Instances.StartAsync(new InstanceService.StartRequest("gc_refuse"), null, default)))).Select(s => s.Id).ToArray();
        var tasks = await OpenTasksAsync(ids);

        var outcomes = await Task.WhenAll(tasks.Select(async (t, i) =>
        {
            var actor = i % 4 == 0 ? new Actor("verifikator", ["verifier"]) : new Actor("ppk1", ["ppk"]);
            try
            {
                await Tasks.CompleteAsync(t.TaskId, actor, null, default);
                return (t.InstanceId, Error: (int?)null);
            }
            catch (WorkflowException e)
            {
                return (t.InstanceId, Error: (int?)e.Status);
            }
        }));

        Assert.Equal(5, outcomes.Count(o => o.Error == 403));
        Assert.Equal(15, outcomes.Count(o => o.Error is null));
        foreach (var (instanceId, error) in outcomes)
            Assert.Equal(error is null ? "completed" : "active", (string?)(await _api.InstanceAsync(instanceId.ToString()))["status"]);
    }

    [Fact]
    public async Task A_call_that_breaks_the_shared_transaction_fails_alone_and_the_others_commit()
    {
        await _api.DeployAsync(Chain("gc_break", UserTask("t1")));
        var runner = host.Host.Services.GetRequiredService<StepRunner>();
        // Every lane is held by a call waiting on a gate, so the calls below queue up and run together once it opens.
        var gate = new TaskCompletionSource();
        var lanes = host.Host.Services.GetRequiredService<IOptions<RuntimeOptions>>().Value.GroupCommitLanes;
        var holding = new SemaphoreSlim(0);
        var holders = new List<Task<int>>();
        for (var i = 0; i < lanes; i++)
        {
            // One at a time, each seen inside its transaction, so each holds a lane of its own.
            holders.Add(runner.RunGroupedAsync(async _ => { holding.Release(); await gate.Task; return 0; }, default));
            Assert.True(await holding.WaitAsync(TimeSpan.FromSeconds(10)), "a lane holder did not start");
        }
        // The broken call's SQL error aborts the transaction it shares; the starts queued with it must still commit.
        var broken = runner.RunGroupedAsync(async tx =>
        {
            await using var cmd = tx.Command("SELECT 1 / 0");
            return await cmd.ExecuteScalarAsync();
        }, default);
        var starts = Enumerable.Range(0, 30).Select(i => Instances.StartAsync(new InstanceService.StartRequest("gc_break", BusinessKey: $"BRK-{i}"), null, default)).ToList();
        Assert.All(starts, s => Assert.False(s.IsCompleted));
        gate.SetResult();
        await Task.WhenAll(holders);

        var error = await Assert.ThrowsAsync<PostgresException>(() => broken);
        Assert.Equal(PostgresErrorCodes.DivisionByZero, error.SqlState);
        var ids = (await Task.WhenAll(starts)).Select(s => s.Id).ToArray();
        await using var cmd = Db.CreateCommand("SELECT count(*) FROM pppk.instances WHERE id = ANY(@ids) AND status = 'active'");
        cmd.Parameters.AddWithValue("ids", ids);
        Assert.Equal(30L, (long)(await cmd.ExecuteScalarAsync())!);
    }

    private async Task<List<(Guid TaskId, Guid InstanceId)>> OpenTasksAsync(Guid[] instanceIds)
    {
        await using var cmd = Db.CreateCommand("SELECT id, instance_id FROM pppk.user_tasks WHERE instance_id = ANY(@ids) AND state = 'open'");
        cmd.Parameters.AddWithValue("ids", instanceIds);
        var tasks = new List<(Guid, Guid)>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) tasks.Add((r.GetGuid(0), r.GetGuid(1)));
        Assert.Equal(instanceIds.Length, tasks.Count);
        return tasks;
    }
}

using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pppk.Workflow.Domain.Handlers.Renewal;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Benchmarks.Domain;

/// <summary>The workflow figures on the loaded Kukar data: every formation ranked, every renewal in the lead window started.</summary>
public static class KukarWorkflowSteps
{
    /// <summary>
    /// Marks every applicant MS (as if the administrative check were done), then starts <c>penetapan-kelulusan</c> for
    /// every formation in one batch: each start step ranks its formation inline (the announcement jobs stay queued,
    /// this host has no worker). Answers the number of applicants ranked.
    /// </summary>
    public static readonly KukarBenchmark.ScaleStep RankEveryFormation = new("rank every formation", async (services, dataset, ct) =>
    {
        var db = services.GetRequiredService<NpgsqlDataSource>();
        // The workflows folder, as a host deploys it at start-up (this service host does not).
        var workflows = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RuntimeOptions>>().Value.WorkflowsPath!;
        await Pppk.Workflow.Notifications.Extensions.StartNotificationsAsync(services, ct); // loads the templates the deployment checks
        await services.GetRequiredService<Pppk.Workflow.Runtime.Definitions.DeploymentService>().DeployDirectoryAsync(workflows, ct);
        await using (var ms = db.CreateCommand("UPDATE pppk.applicants SET admin_verdict = 'MS', status = 'ms'"))
            await ms.ExecuteNonQueryAsync(ct);
        var items = dataset.Formations.Select(f => new InstanceService.BatchItem(f.Code, new JsonObject { ["formationCode"] = f.Code })).ToList();
        var result = await services.GetRequiredService<InstanceService>().StartBatchAsync("penetapan-kelulusan", items, uniqueBusinessKey: true, "benchmark", ct);
        await using var ranked = db.CreateCommand("SELECT count(*) FROM pppk.ranking_results");
        var count = (long)(await ranked.ExecuteScalarAsync(ct))!;
        Console.WriteLine($"    {result.Started.Count} formations ranked, {count} applicants, {await ScalarAsync(db, "SELECT count(*) FROM pppk.ranking_results WHERE passed", ct)} passed");
        return (int)count;
    });

    /// <summary>The daily monitor's job (<c>pppk.start-renewals</c>): one <c>perpanjangan-kontrak</c> per contract ending within the lead time.</summary>
    public static readonly KukarBenchmark.ScaleStep StartRenewals = new("start renewals (6-month window)", async (services, _, ct) =>
    {
        var handler = services.GetServices<IJobHandler>().OfType<StartRenewalsHandler>().Single();
        var result = await handler.HandleAsync(new JobContext
        {
            InstanceId = Guid.Empty, ElementId = "mulai_perpanjangan", WaitId = 0, Type = handler.Type, Variables = [],
            Headers = new Dictionary<string, string>(), RetriesLeft = 3,
        }, ct);
        if (result is not JobResult.Completed { Variables: { } v }) throw new InvalidOperationException($"start-renewals failed: {result}");
        // The job queued a streamed start operation; this host has no worker, so its chunks run here.
        var id = Guid.Parse((string)v["renewalsOperationId"]!);
        var db = services.GetRequiredService<NpgsqlDataSource>();
        var jobs = services.GetRequiredService<Pppk.Workflow.Runtime.Operations.OperationJobs>();
        while (await Pppk.Workflow.Runtime.Operations.OperationTable.GetAsync(db, id, ct) is { State: "running" }) await jobs.Run(id, ct);
        return (await Pppk.Workflow.Runtime.Operations.OperationTable.GetAsync(db, id, ct))!.Done;
    });

    private static async Task<long> ScalarAsync(NpgsqlDataSource db, string sql, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(sql);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }
}

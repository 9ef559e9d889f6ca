using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

/// <summary>
/// An inline handler that writes a mark in its step and then never finishes: with <c>mode = "token"</c> it waits on its
/// cancellation token, with <c>mode = "thread"</c> it blocks its thread and ignores the token until <see cref="Release"/>.
/// </summary>
public sealed class StallingHandler : IJobHandler
{
    public static readonly ConcurrentDictionary<string, int> Calls = new();
    public static readonly ManualResetEventSlim Release = new(false);

    /// <summary>The session's idle-in-transaction and statement timeouts as the handler saw them, per case.</summary>
    public static readonly ConcurrentDictionary<string, string> Backstops = new();

    public string Type => "test.stall";
    public bool Inline => true;

    public async Task<JobResult> HandleAsync(JobContext context, CancellationToken ct)
    {
        var key = (string)context.Variables["case"]!;
        Calls.AddOrUpdate(key, 1, (_, n) => n + 1);
        await using (var mark = context.RequireStep().Command("""
            INSERT INTO public.stall_marks (case_name) VALUES (@c)
            RETURNING current_setting('idle_in_transaction_session_timeout') || ' ' || current_setting('statement_timeout')
            """))
        {
            mark.Parameters.AddWithValue("c", key);
            Backstops[key] = (string)(await mark.ExecuteScalarAsync(ct))!;
        }
        if ((string?)context.Variables["mode"] == "thread")
            Release.Wait(TimeSpan.FromMinutes(2));
        else
            await Task.Delay(Timeout.Infinite, ct);
        return new JobResult.Completed();
    }
}

/// <summary>The host with a step deadline of 2 s and the stalling handler; the handler's mark table exists.</summary>
public sealed class DeadlineTestHost : TestHost
{
    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Runtime:StepTimeout"] = "00:00:02";
        // The FEEL budget would stop a runaway expression long before the deadline; lifted here so the deadline is what ends it.
        settings["Runtime:Feel:MaxIterations"] = "1000000000000";
        settings["Runtime:Feel:MaxEvaluationTime"] = "01:00:00";
        return settings;
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IJobHandler, StallingHandler>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ScalarAsync("CREATE TABLE public.stall_marks (case_name text NOT NULL)");
    }

    public async Task<object?> ScalarAsync(string sql, params (string Name, object Value)[] args)
    {
        await using var db = NpgsqlDataSource.Create(ConnectionString);
        await using var cmd = db.CreateCommand(sql);
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value);
        return await cmd.ExecuteScalarAsync();
    }
}

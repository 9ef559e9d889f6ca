using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

/// <summary>An inline handler that doubles a number: computes only, so it runs inside the step.</summary>
public sealed class DoubleHandler : IJobHandler
{
    public string Type => "test.double";
    public bool Inline => true;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) =>
        Task.FromResult<JobResult>(new JobResult.Completed(new JsonObject { ["doubled"] = (int)context.Variables["n"]! * 2 }));
}

/// <summary>An external handler whose behaviour the test scripts per business key: fail N times, throw a BPMN error, or succeed.</summary>
public sealed class ScriptedHandler : IJobHandler
{
    public static readonly ConcurrentDictionary<string, int> Calls = new();

    public string Type => "test.scripted";
    public bool Inline => false;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct)
    {
        var key = (string)context.Variables["case"]!;
        var call = Calls.AddOrUpdate(key, 1, (_, n) => n + 1);
        var failTimes = (int?)context.Variables["failTimes"] ?? 0;
        JobResult result = (string?)context.Variables["mode"] switch
        {
            "error" => new JobResult.BpmnError("ANGGARAN_KURANG", "Anggaran unit tidak cukup"),
            _ when call <= failTimes => new JobResult.Failure($"attempt {call} failed", TimeSpan.FromMilliseconds(200)),
            _ => new JobResult.Completed(new JsonObject { ["calls"] = call }),
        };
        return Task.FromResult(result);
    }
}

/// <summary>
/// An inline handler that reads the database in its step and fails its first <c>failTimes</c> calls (per <c>case</c>) with a
/// message of its own and a short back-off; without the step's connection it fails saying so.
/// </summary>
public sealed class FlakyInlineHandler : IJobHandler
{
    public static readonly ConcurrentDictionary<string, int> Calls = new();

    public string Type => "test.flaky";
    public bool Inline => true;

    public async Task<JobResult> HandleAsync(JobContext context, CancellationToken ct)
    {
        var call = Calls.AddOrUpdate((string)context.Variables["case"]!, 1, (_, n) => n + 1);
        if (context.Step is not { } step) return new JobResult.Failure($"attempt {call} had no connection");
        await using var read = step.Command("SELECT count(*) FROM pppk.definitions");
        var definitions = (long)(await read.ExecuteScalarAsync(ct))!;
        return call <= ((int?)context.Variables["failTimes"] ?? 0)
            ? new JobResult.Failure($"attempt {call} failed: the stock of form K-17 is not entered yet", TimeSpan.FromMilliseconds(200))
            : new JobResult.Completed(new JsonObject { ["calls"] = call, ["definitionsSeen"] = definitions });
    }
}

/// <summary>
/// An inline handler that writes only with the step's flush (<see cref="StepUnitOfWork.Write"/>, no savepoint): a row of
/// <c>pppk.test_flush_writes</c> (the test creates it), then throws if the variable <c>fail</c> is true.
/// </summary>
public sealed class FlushWriteHandler : IJobHandler
{
    public string Type => "test.flush-write";
    public bool Inline => true;
    public bool WritesWithStep => true;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct)
    {
        var insert = new Npgsql.NpgsqlBatchCommand("INSERT INTO pppk.test_flush_writes (instance_id) VALUES (@id)");
        insert.Parameters.AddWithValue("id", context.InstanceId);
        context.Step!.Write(insert);
        if ((bool?)context.Variables["fail"] == true) throw new InvalidOperationException("the register is closed");
        return Task.FromResult<JobResult>(new JobResult.Completed());
    }
}

/// <summary>The host with the test handlers registered.</summary>
public sealed class HandlerTestHost : TestHost
{
    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IJobHandler, DoubleHandler>();
        services.AddSingleton<IJobHandler, ScriptedHandler>();
        services.AddSingleton<IJobHandler, FlakyInlineHandler>();
        services.AddSingleton<IJobHandler, AssigneeHandler>();
        services.AddSingleton<IJobHandler, FlushWriteHandler>();
    }
}

using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Execution;

namespace Pppk.Workflow.Engine.Jobs;

/// <summary>What a handler of a job type receives: the task's visible variables (after input mappings) and its static headers.</summary>
public sealed record JobRequest(long WaitId, string Type, string ElementId, JsonObject Variables, IReadOnlyDictionary<string, string> Headers, int RetriesLeft)
{
    public static JobRequest From(JobCreated job) => new(job.WaitId, job.Type, job.ElementId, job.Variables, job.Headers, job.Retries);
}

/// <summary>What a handler reports. The runtime turns it into the trigger for the instance with <see cref="ToTrigger"/>.</summary>
public abstract record JobResult
{
    /// <summary>Done; the variables are the task's output (propagated, or read by output mappings).</summary>
    public sealed record Completed(JsonObject? Variables = null) : JobResult;

    /// <summary>A business outcome modelled in BPMN: caught by a boundary error event with this code.</summary>
    public sealed record BpmnError(string Code, string? Message = null, JsonObject? Variables = null) : JobResult;

    /// <summary>A technical failure: retried after <paramref name="Backoff"/> while retries remain, then an incident.</summary>
    public sealed record Failure(string Message, TimeSpan Backoff = default) : JobResult;

    public Trigger ToTrigger(JobRequest request) => this switch
    {
        Completed c => new JobCompleted(request.WaitId, c.Variables),
        BpmnError e => new JobThrewError(request.WaitId, e.Code, e.Message, e.Variables),
        Failure f => new JobFailed(request.WaitId, f.Message, Math.Max(0, request.RetriesLeft - 1), f.Backoff),
        _ => throw new InvalidOperationException(GetType().Name),
    };
}

using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Execution;

namespace Pppk.Workflow.Engine.Jobs;

/// <summary>What a handler of a job type receives: the task's visible variables (after input mappings) and its static headers.</summary>
public sealed record JobRequest(long WaitId, string Type, string ElementId, JsonObject Variables, IReadOnlyDictionary<string, string> Headers, int RetriesLeft)
{
    public static JobRequest From(JobCreated job) => new(job.WaitId, job.Type, job.ElementId, job.Variables, job.Headers, job.Retries);
}

/// <summary>What a handler reports. The runtime turns it into the trigger for the instance with <see cref="ToTrigger(long, int)"/>.</summary>
public abstract record JobResult
{
    /// <summary>Done; the variables are the task's output (propagated, or read by output mappings).</summary>
    public sealed record Completed(JsonObject? Variables = null) : JobResult;

    /// <summary>A business outcome modelled in BPMN: caught by a boundary error event with this code.</summary>
    public sealed record BpmnError(string Code, string? Message = null, JsonObject? Variables = null) : JobResult;

    /// <summary>A technical failure: retried after <paramref name="Backoff"/> while retries remain, then an incident.</summary>
    public sealed record Failure(string Message, TimeSpan Backoff = default) : JobResult;

    public Trigger ToTrigger(JobRequest request) => ToTrigger(request.WaitId, request.RetriesLeft);

    /// <summary>
    /// The one mapping from a handler's result to the engine trigger of its wait point: a failure spends one retry and
    /// waits the back-off it names, else <see cref="JobRetryPolicy.Backoff"/>.
    /// </summary>
    public Trigger ToTrigger(long waitId, int retriesLeft) => this switch
    {
        Completed c => new JobCompleted(waitId, c.Variables),
        BpmnError e => new JobThrewError(waitId, e.Code, e.Message, e.Variables),
        Failure f => new JobFailed(waitId, f.Message, Math.Max(0, retriesLeft - 1), f.Backoff != TimeSpan.Zero ? f.Backoff : JobRetryPolicy.Backoff(retriesLeft)),
        _ => throw new InvalidOperationException(GetType().Name),
    };
}

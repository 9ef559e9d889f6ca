using Pppk.Workflow.Engine.Jobs;

namespace Pppk.Workflow.Runtime.Jobs;

/// <summary>
/// The code behind a <c>zeebe:taskDefinition type</c>, a singleton that gets its services by constructor. An inline
/// handler only computes and uses our own database: it runs inside the step's transaction and writes through
/// <see cref="JobContext.Step"/>. An external handler reaches outside (SMTP, HTTP): it runs after commit in a batched
/// Hangfire job and may be run again after a crash, so it must be idempotent by <see cref="JobContext.JobKey"/>.
/// Results are the engine's <see cref="JobResult"/> contract.
/// </summary>
public interface IJobHandler
{
    string Type { get; }

    bool Inline { get; }

    /// <summary>
    /// True for an inline handler that only reads through <see cref="JobContext.Step"/> and writes only with
    /// <see cref="StepUnitOfWork.Write"/>: a failure then leaves nothing to undo, so it runs without the savepoint (two
    /// round trips fewer per step, which counts in a burst of timers). A database error in such a handler fails the whole
    /// transaction, which is run again.
    /// </summary>
    bool WritesWithStep => false;

    /// <param name="ct">For an inline handler, cancelled at the step deadline (<c>Runtime:StepTimeout</c>): pass it on to every query.</param>
    Task<JobResult> HandleAsync(JobContext context, CancellationToken ct);
}

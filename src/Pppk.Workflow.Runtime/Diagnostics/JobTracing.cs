using System.Diagnostics;
using Hangfire;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.Server;

namespace Pppk.Workflow.Runtime.Diagnostics;

/// <summary>
/// Carries a trace across Hangfire: a job created inside a recorded span (a step's after-commit dispatch, a drain that
/// enqueues its next slice) keeps that span's W3C <c>traceparent</c> as a job parameter, and the job runs in a span
/// (<c>pppk.job</c>) that is its child. So one trace reads HTTP request → step transaction → after-commit job → the
/// steps that job runs. Without tracing nothing is recorded: no parameter is written, no span started.
/// </summary>
public sealed class JobTracing : JobFilterAttribute, IClientFilter, IServerFilter
{
    public const string Parameter = "traceparent";

    private const string SpanItem = "pppk.span";

    private static readonly Lock Gate = new();

    /// <summary>Adds the filter to Hangfire's global filters once per process (both client and server read them).</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (!GlobalJobFilters.Filters.Any(f => f.Instance is JobTracing)) GlobalJobFilters.Filters.Add(new JobTracing());
        }
    }

    public void OnCreating(CreatingContext context)
    {
        if (Activity.Current is { Recorded: true } current) context.SetJobParameter(Parameter, current.Id);
    }

    public void OnCreated(CreatedContext context)
    {
    }

    public void OnPerforming(PerformingContext context)
    {
        if (!RuntimeTracing.Source.HasListeners()) return;
        var parent = context.GetJobParameter<string>(Parameter, allowStale: true);
        ActivityContext.TryParse(parent, null, out var parentContext);
        var job = context.BackgroundJob.Job;
        var span = RuntimeTracing.Source.StartActivity("pppk.job", ActivityKind.Consumer, parentContext);
        if (span is null) return;
        span.DisplayName = $"job {job.Type.Name}.{job.Method.Name}";
        span.SetTag("hangfire.job_id", context.BackgroundJob.Id);
        span.SetTag("hangfire.job", $"{job.Type.Name}.{job.Method.Name}");
        context.Items[SpanItem] = span;
    }

    public void OnPerformed(PerformedContext context)
    {
        if (!context.Items.TryGetValue(SpanItem, out var item) || item is not Activity span) return;
        if (context.Exception is { } e) span.SetStatus(ActivityStatusCode.Error, e.Message);
        span.Dispose();
    }
}

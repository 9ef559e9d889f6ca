using System.Globalization;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Validation;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>Service, send, business rule and script tasks with a job type: hands a job to the host's handler and acts on its report.</summary>
internal sealed class JobTaskBehavior : IElementBehavior
{
    public static readonly JobTaskBehavior Instance = new();

    public void Activate(StepContext context, ElementInstance instance, FlowNode node)
    {
        if (!TryEvaluate(context, instance, node, node.TaskDefinition?.Type, node.TaskDefinition?.Retries, "job type", out var type, out var retries))
            return;
        var wait = context.WaitPoints.Add(new WaitPoint
        {
            Id = context.State.NewKey(), Kind = WaitKind.Job, ElementInstanceKey = instance.Key, ElementId = node.Id, JobType = type, Retries = retries,
        });
        context.Emit(new JobCreated(wait.Id, node.Id, type, retries, context.Variables.VisibleVariables(instance), node.Headers));
    }

    /// <summary>Completed: the element completes with the job's variables. Failed: retried while retries are left, else an incident. A BPMN error is thrown from the element.</summary>
    public string? OnTrigger(StepContext context, ElementInstance instance, FlowNode node, WaitPoint wait, Trigger trigger)
    {
        switch (trigger)
        {
            case JobCompleted done:
                return context.Completion.CompleteOnTrigger(instance, wait, done.Variables);
            case JobFailed failed:
                return Failed(context, instance, wait, failed, node.Headers);
            case JobThrewError error:
                context.WaitPoints.Consume(wait);
                context.Interruptions.ThrowError(instance, error.ErrorCode, error.Message, WorkflowEngine.Copy(error.Variables));
                return null;
            default:
                throw ElementBehaviors.Unexpected(node, wait, trigger);
        }
    }

    /// <summary>A job's type and retries (FEEL allowed), or false after an incident: the expression failed or the type is empty.</summary>
    internal static bool TryEvaluate(StepContext context, ElementInstance instance, FlowNode node, string? rawType, string? rawRetries, string site,
        out string type, out int retries)
    {
        string? evaluated = null;
        var count = JobRetryPolicy.DefaultRetries;
        var scope = context.Variables.Lookup(instance);
        var ok = context.Variables.Try(instance, ElementNames.Site(site), () =>
        {
            evaluated = context.Expressions.EvaluateString(rawType, scope);
            count = Retries(context.Expressions.EvaluateString(rawRetries, scope));
        });
        (type, retries) = (evaluated ?? "", count);
        if (!ok)
            return false;
        if (!string.IsNullOrWhiteSpace(type))
            return true;
        context.Incidents.Raise(instance, IncidentTexts.JobTypeEmpty.Format(node.Id));
        return false;
    }

    /// <summary>A failed job (a task's or a listener's): handed out again after the back-off while retries are left, else an incident.</summary>
    internal static string? Failed(StepContext context, ElementInstance instance, WaitPoint wait, JobFailed failed, IReadOnlyDictionary<string, string> headers)
    {
        wait.Retries = Math.Max(0, failed.RetriesLeft);
        if (failed.RetriesLeft > 0)
        {
            context.Emit(new JobCreated(wait.Id, wait.ElementId, wait.JobType!, failed.RetriesLeft, context.Variables.VisibleVariables(instance), headers,
                context.Now + failed.Backoff));
            return null;
        }
        if (context.State.Incidents.Exists(i => i.WaitId == wait.Id))
            return $"Job {wait.Id} already has an open incident.";
        context.Incidents.Raise(instance, IncidentTexts.JobRetriesSpent.Format(wait.JobType, instance.ElementId, failed.Reason ?? (object)failed.Message),
            kind: IncidentKind.Job, waitId: wait.Id);
        return null;
    }

    /// <summary>Retrying a job incident hands the same job out again with the element's full retries.</summary>
    public static void Retry(StepContext context, ElementInstance instance, FlowNode node, WaitPoint job)
    {
        job.Retries = Retries(node.TaskDefinition?.Retries);
        instance.Status = ElementInstanceStatus.Waiting;
        context.Emit(new JobCreated(job.Id, job.ElementId, job.JobType!, job.Retries.Value, context.Variables.VisibleVariables(instance), node.Headers));
    }

    public static int Retries(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : JobRetryPolicy.DefaultRetries;
}

using System.Globalization;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Validation;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>Service, send, business rule and script tasks with a job type: hands a job to the host's handler and waits for its report.</summary>
internal sealed class JobTaskBehavior : IElementBehavior
{
    public void Activate(StepContext context, ElementInstance instance, FlowNode node)
    {
        string? type = null;
        var retries = JobRetryPolicy.DefaultRetries;
        if (!context.Try(instance, ElementNames.Site("job type"), () =>
            {
                type = context.Expressions.EvaluateString(node.TaskDefinition?.Type, context.Lookup(instance));
                retries = Retries(context.Expressions.EvaluateString(node.TaskDefinition?.Retries, context.Lookup(instance)));
            }))
            return;
        if (string.IsNullOrWhiteSpace(type))
        {
            context.RaiseIncident(instance, IncidentTexts.JobTypeEmpty.Format(node.Id));
            return;
        }
        var wait = context.AddWait(new WaitPoint
        {
            Id = context.State.NewKey(), Kind = WaitKind.Job, ElementInstanceKey = instance.Key, ElementId = node.Id, JobType = type, Retries = retries,
        });
        context.Emit(new JobCreated(wait.Id, node.Id, type, retries, context.VisibleVariables(instance), node.Headers));
    }

    public static int Retries(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : JobRetryPolicy.DefaultRetries;
}

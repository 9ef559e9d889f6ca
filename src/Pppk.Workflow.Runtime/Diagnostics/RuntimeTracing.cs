using System.Diagnostics;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Runtime.Steps;

namespace Pppk.Workflow.Runtime.Diagnostics;

/// <summary>
/// The <c>Pppk.Workflow</c> activity source: a span per step transaction (<see cref="StepRunner"/>) and per Hangfire job
/// (<see cref="JobTracing"/>). With no listener (tracing not configured) <see cref="ActivitySource.StartActivity(string, ActivityKind)"/>
/// returns null and costs a check.
/// </summary>
public static class RuntimeTracing
{
    public static readonly ActivitySource Source = new(RuntimeMetrics.Name);

    internal const string StepSpan = "pppk.step";

    /// <summary>The span around one unit of work of the step runner: its transaction(s), commit and after-commit dispatch.</summary>
    internal static Activity? StartStep() => Source.StartActivity(StepSpan, ActivityKind.Internal);

    /// <summary>The current step span, if this code runs in one (a transaction begun outside the runner has none).</summary>
    internal static Activity? CurrentStep => Activity.Current is { OperationName: StepSpan } a && a.Source == Source ? a : null;

    /// <summary>Tags the span with the first step (instance, element, trigger) and counts the steps of the transaction.</summary>
    internal static void Tag(Activity span, LoadedInstance instance, Trigger trigger, int kind)
    {
        var steps = span.GetTagItem("pppk.steps") is int n ? n + 1 : 1;
        span.SetTag("pppk.steps", steps);
        if (steps > 1) return;
        span.SetTag("pppk.instance_id", instance.Id.ToString());
        span.SetTag("pppk.definition", instance.DefinitionKey);
        span.SetTag("pppk.trigger", RuntimeMetrics.TriggerLabel(kind));
        if (ElementOf(instance, trigger) is { } element) span.SetTag("pppk.element", element);
    }

    private static string? ElementOf(LoadedInstance instance, Trigger trigger)
    {
        long? wait = trigger switch
        {
            UserTaskCompleted t => t.WaitId,
            TaskAssigned t => t.WaitId,
            TimerFired t => t.WaitId,
            MessageCorrelated t => t.WaitId,
            SignalReceived t => t.WaitId,
            ConditionSatisfied t => t.WaitId,
            JobCompleted t => t.WaitId,
            JobFailed t => t.WaitId,
            JobThrewError t => t.WaitId,
            ChildCompleted t => t.WaitId,
            ChildFailed t => t.WaitId,
            _ => null,
        };
        if (trigger is StartTrigger start) return start.StartEventId;
        return wait is { } id ? instance.State.WaitPoints.Find(w => w.Id == id)?.ElementId : null;
    }
}

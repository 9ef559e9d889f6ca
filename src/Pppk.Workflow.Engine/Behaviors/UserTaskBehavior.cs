using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Validation;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>Creates a task for people (assignee, candidates, due and follow-up dates, form) and completes with the variables it is completed with.</summary>
internal sealed class UserTaskBehavior : IElementBehavior
{
    public static readonly UserTaskBehavior Instance = new();

    public void Activate(StepContext context, ElementInstance instance, FlowNode node)
    {
        if (!ListenerChain.Begin(context, instance, node, ListenerPhase.Creating))
            Create(context, instance, node);
    }

    /// <summary>Evaluates the task's settings and opens it, after its creating listeners.</summary>
    public static void Create(StepContext context, ElementInstance instance, FlowNode node)
    {
        var settings = node.UserTask ?? new UserTaskSettings(false, null, null, null, null, null, null, null);
        var scope = context.Variables.Lookup(instance);
        var e = context.Expressions;
        string? assignee = null, formId = null;
        List<string> groups = [], users = [];
        DateTimeOffset? due = null, followUp = null;
        var priority = TaskPriority.Default;
        if (!context.Variables.Try(instance, IncidentTexts.Assignment, () =>
            {
                assignee = e.EvaluateString(settings.Assignee, scope);
                groups = e.EvaluateList(settings.CandidateGroups, scope);
                users = e.EvaluateList(settings.CandidateUsers, scope);
                due = e.EvaluateDate(settings.DueDate, scope);
                followUp = e.EvaluateDate(settings.FollowUpDate, scope);
                formId = e.EvaluateString(settings.FormId, scope);
            }))
            return;
        if (!context.Variables.Try(instance, ElementNames.Site("priority"), () => priority = e.EvaluatePriority(settings.Priority, scope)))
            return;
        var wait = context.WaitPoints.Add(new WaitPoint { Id = context.State.NewKey(), Kind = WaitKind.UserTask, ElementInstanceKey = instance.Key, ElementId = node.Id });
        context.Emit(new UserTaskCreated(wait.Id, instance.Key, node.Id, node.Name, string.IsNullOrEmpty(assignee) ? null : assignee,
            groups, users, due, followUp, formId, settings.FormKey, settings.FormBinding, priority));
        // As Camunda 8.8: a task created with an assignee has been assigned, so its assigning listeners run now.
        if (!string.IsNullOrEmpty(assignee))
            ListenerChain.Begin(context, instance, node, ListenerPhase.Assigning, assignee);
    }

    /// <summary>
    /// Assigned: the task (already assigned by the runtime) runs its assigning listeners, withdrawing those of an earlier
    /// assignment still running. Completed by a person: the task closes, its completing listeners run, then the element
    /// completes with the task's variables.
    /// </summary>
    public string? OnTrigger(StepContext context, ElementInstance instance, FlowNode node, WaitPoint wait, Trigger trigger)
    {
        if (trigger is TaskAssigned assigned)
        {
            if (!ListenerChain.Has(node, ListenerPhase.Assigning))
                return $"Task {wait.Id} has no assigning listeners; nothing to run.";
            ListenerChain.Withdraw(context, instance, node, ListenerPhase.Assigning);
            ListenerChain.Begin(context, instance, node, ListenerPhase.Assigning, assigned.Assignee);
            return null;
        }
        if (trigger is not UserTaskCompleted done)
            throw ElementBehaviors.Unexpected(node, wait, trigger);
        ListenerChain.Withdraw(context, instance, node, ListenerPhase.Assigning);
        if (!ListenerChain.Has(node, ListenerPhase.Completing))
            return context.Completion.CompleteOnTrigger(instance, wait, done.Variables, done.CompletedBy);
        context.WaitPoints.Consume(wait);
        ListenerChain.Begin(context, instance, node, ListenerPhase.Completing, done.CompletedBy, done.Variables?.DeepClone().AsObject());
        return null;
    }
}

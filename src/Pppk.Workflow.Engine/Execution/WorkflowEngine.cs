using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Behaviors;
using Pppk.Workflow.Engine.Expressions;
using Pppk.Workflow.Engine.Feel;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.Modification;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Execution;

/// <summary>
/// The token interpreter. Pure and deterministic: given a model, a state, a trigger and the clock it returns the next
/// state and the effects, never touching the state passed in. Thread-safe; one instance can serve every step.
/// </summary>
public sealed class WorkflowEngine(TimeProvider clock, FeelEnvironment environment, TimeZoneInfo? zone = null)
{
    private readonly TimeZoneInfo _zone = zone ?? environment.TimeZone;

    /// <summary>Starts an instance at the none start event, or at <see cref="StartTrigger.StartEventId"/> (message/timer start).</summary>
    public StepResult Start(ProcessModel model, StartTrigger trigger, IDecisionResolver? decisions = null)
    {
        var state = new InstanceState { ProcessId = model.Id, ParentWaitId = trigger.ParentWaitId };
        var context = NewContext(model, state, decisions);
        var start = trigger.StartEventId is { } id
            ? model.Process.StartEvents.FirstOrDefault(s => s.Id == id) ?? throw new ArgumentException($"Process '{model.Id}' has no start event '{id}'.", nameof(trigger))
            : model.NoneStartEvent ?? throw new ArgumentException($"Process '{model.Id}' has no none start event; start it by message or timer with StartEventId.", nameof(trigger));
        var root = new ElementInstance
        {
            Key = state.NewKey(), ElementId = model.Id, Kind = ElementInstanceKind.Process,
            Variables = trigger.Variables?.DeepClone().AsObject() ?? [],
        };
        state.Elements.Add(root);
        context.Emit(new ElementStarted(root.Key, model.Id, StepTransitions.ProcessType, model.Process.Name, context.Now));
        if (!ListenerChain.BeginProcess(context, root, start)) // the process's start listeners run first, as Camunda 8.6+
        {
            EventSubProcesses.Open(context, root, model.Process); // a failure is an incident on the process; its retry opens them again
            context.Transitions.EnqueueActivate(start, root.Key);
        }
        context.Transitions.Run();
        ConditionalEvents.Evaluate(context);
        UpdateCase(context);
        return new StepResult(state, context.Effects);
    }

    /// <summary>Applies a trigger to a copy of <paramref name="state"/>. A trigger for a wait point that no longer exists changes nothing and says so in <see cref="StepResult.Ignored"/>.</summary>
    public StepResult Handle(ProcessModel model, InstanceState state, Trigger trigger, IDecisionResolver? decisions = null)
    {
        if (trigger is StartTrigger start)
            return Start(model, start, decisions);
        if (state.ProcessId != model.Id)
            throw new ArgumentException($"The state belongs to process '{state.ProcessId}', not to '{model.Id}'; load the model of the instance's own version.", nameof(model));
        if (state.Status != InstanceStatus.Active)
            return new StepResult(state, [], $"The instance is {state.Status.ToString().ToLowerInvariant()}; nothing to do.");
        var next = state.Clone();
        var context = NewContext(model, next, decisions);
        var ignored = trigger switch
        {
            CancelInstance c => Cancel(context, c),
            SetVariables s => SetVariables(context, s),
            RetryIncident r => Retry(context, r),
            ModifyInstance m => InstanceModification.Apply(context, m) is [var first, ..] ? first.Message.ToString() : null,
            _ => WaitPointDispatch.Handle(context, trigger),
        };
        if (ignored is not null)
            return new StepResult(state, [], ignored);
        context.Transitions.Run();
        ConditionalEvents.Evaluate(context);
        UpdateCase(context);
        return new StepResult(next, context.Effects);
    }

    /// <summary>
    /// Every reason <paramref name="modification"/> would be refused on <paramref name="state"/>, none when it can run. It runs the
    /// modification on a copy (so a scope's input mapping that fails is found too) and changes nothing.
    /// </summary>
    public IReadOnlyList<ModificationProblem> CheckModification(ProcessModel model, InstanceState state, ModifyInstance modification)
    {
        if (state.Status != InstanceStatus.Active)
            return [ModificationProblem.Of(ModificationTexts.InstanceNotActive.Format(state.Status.ToString().ToLowerInvariant()))];
        return InstanceModification.Apply(NewContext(model, state.Clone()), modification);
    }

    /// <summary>
    /// Moves <paramref name="state"/> from <paramref name="source"/> to <paramref name="target"/>, another version of its
    /// process, by <paramref name="mappings"/> (same ids map implicitly). The plan must pass <see cref="Migration.MigrationPlanner.Check"/>:
    /// a plan with problems throws, so check it first and refuse it with every problem.
    /// </summary>
    public StepResult Migrate(ProcessModel source, ProcessModel target, InstanceState state, IReadOnlyList<Migration.ElementMapping> mappings)
    {
        if (state.Status != InstanceStatus.Active)
            throw new InvalidOperationException($"The instance is {state.Status.ToString().ToLowerInvariant()}; only an active one migrates.");
        var plan = Migration.MigrationPlanner.Check(source, target, state, mappings);
        if (!plan.IsValid)
            throw new InvalidOperationException("The migration plan has problems: " + string.Join(" ", plan.Problems.Select(p => p.Message)));
        var next = state.Clone();
        var context = NewContext(target, next);
        Migration.MigrationStep.Apply(context, new Migration.MigrationMap(source, target, mappings), plan);
        UpdateCase(context);
        return new StepResult(next, context.Effects);
    }

    /// <summary>
    /// Evaluates the process's case rule over the instance variables as the step left them: a text (or number) of at
    /// most <see cref="CaseValueMaxLength"/> characters is the value, null or anything else is none. An expression that
    /// fails keeps the value it had, so a variable gone wrong doesn't move a case out of its unit. Once the process scope
    /// is gone (the instance ended) the last values stay.
    /// </summary>
    private static void UpdateCase(StepContext context)
    {
        var rule = context.Model.Process.Case;
        var state = context.State;
        if (rule.IsEmpty || state.Root is not { } root) return;
        state.CaseUnit = CaseValue(context, rule.Unit, root, state.CaseUnit);
        state.CaseSubject = CaseValue(context, rule.Subject, root, state.CaseSubject);
        if (rule.Title is not null && Evaluated(context, rule.Title, root, out var title))
            state.CaseTitle = Text(title, CaseTitleMaxLength);
        if (rule.Search is not null && Evaluated(context, rule.Search, root, out var search))
            state.CaseSearch = SearchKeys(search);
    }

    /// <summary>The longest case title kept; a longer one is cut (with "…"), as a title is for reading.</summary>
    public const int CaseTitleMaxLength = 200;

    /// <summary>At most this many search keys are kept (each a text or number of at most <see cref="CaseValueMaxLength"/> characters).</summary>
    public const int CaseSearchMaxKeys = 10;

    private static bool Evaluated(StepContext context, string raw, ElementInstance root, out JsonNode? value)
    {
        try
        {
            value = context.Expressions.Evaluate(raw, context.Variables.Lookup(root));
            return true;
        }
        catch (ExpressionException)
        {
            value = null; // keeps what it had, as a case's unit does
            return false;
        }
    }

    private static string? Text(JsonNode? value, int max)
    {
        var text = value switch
        {
            JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => v.GetValue<string>().Trim(),
            JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number => v.ToJsonString(),
            _ => null,
        };
        if (string.IsNullOrEmpty(text)) return null;
        return text.Length > max ? text[..(max - 1)] + "…" : text;
    }

    // A list of texts or numbers (or one); nulls, empties and over-long keys are left out.
    private static List<string>? SearchKeys(JsonNode? value)
    {
        var items = value is JsonArray array ? array.AsEnumerable() : [value];
        var keys = items.Select(i => Text(i, int.MaxValue)).Where(k => k is not null && k.Length <= CaseValueMaxLength)
            .Select(k => k!).Distinct().Take(CaseSearchMaxKeys).ToList();
        return keys.Count == 0 ? null : keys;
    }

    /// <summary>The longest unit code or subject kept; longer values are no value.</summary>
    public const int CaseValueMaxLength = 64;

    private static string? CaseValue(StepContext context, string? raw, ElementInstance root, string? previous)
    {
        if (raw is null) return null;
        if (!Evaluated(context, raw, root, out var value)) return previous;
        var text = Text(value, int.MaxValue);
        return text is null || text.Length > CaseValueMaxLength ? null : text;
    }

    private StepContext NewContext(ProcessModel model, InstanceState state, IDecisionResolver? decisions = null) =>
        new(model, state, clock.GetUtcNow(), new ExpressionEvaluator(model.Expressions, environment), _zone) { Feel = environment, Decisions = decisions };

    private static string? Cancel(StepContext context, CancelInstance cancel)
    {
        var root = context.State.Root!;
        context.Interruptions.TerminateChildren(root.Key);
        context.WaitPoints.CloseAll(root.Key);
        context.State.Status = InstanceStatus.Cancelled;
        context.Completion.Remove(root, terminated: true);
        context.Emit(new InstanceCancelled(cancel.Reason));
        return null;
    }

    private static string? SetVariables(StepContext context, SetVariables set)
    {
        var scope = set.ScopeKey is { } key ? context.State.Find(key) : context.State.Root;
        if (scope is null)
            return $"Element instance {set.ScopeKey} is not active; variables not set.";
        foreach (var (name, value) in set.Variables)
            context.Variables.SetLocal(scope, name, value?.DeepClone());
        context.Emit(new VariablesChanged(scope.Key, set.Variables.DeepClone().AsObject()));
        return null;
    }

    private static string? Retry(StepContext context, RetryIncident retry)
    {
        var state = context.State;
        var incident = state.Incidents.Find(i => i.Id == retry.IncidentId);
        if (incident is null)
            return $"Incident {retry.IncidentId} is not open.";
        state.Incidents.Remove(incident);
        context.Emit(new IncidentResolved(incident.Id));
        if (state.Find(incident.ElementInstanceKey) is not { } instance)
            return null;
        instance.Status = ElementInstanceStatus.Active;
        var node = context.Model.NodeOf(instance);
        if (incident.Kind == IncidentKind.Job && state.WaitPoints.Find(w => w.Id == incident.WaitId) is { Listener: not null } listenerJob)
            ListenerChain.Retry(context, instance, node, listenerJob);
        else if (incident.Kind == IncidentKind.Job && state.WaitPoints.Find(w => w.Id == incident.WaitId) is { } job)
            JobTaskBehavior.Retry(context, instance, node, job);
        else if (incident.OnCompletion)
            context.Completion.FinishCompletion(instance);
        else
        {
            context.WaitPoints.CloseAll(instance.Key);
            if (instance.Kind == ElementInstanceKind.Process)
            {
                if (EventSubProcesses.Open(context, instance, context.Model.Process))
                    context.Completion.CheckScopeCompletion(instance.Key);
                return null;
            }
            context.Transitions.RunActivation(instance);
        }
        return null;
    }

    internal static JsonObject? Copy(JsonObject? variables) => variables?.DeepClone().AsObject();
}

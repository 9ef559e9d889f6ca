using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Timers;

namespace Pppk.Workflow.Engine.Execution;

/// <summary>Opening, consuming and closing the points where an instance waits: tasks, jobs, timers, subscriptions, called instances.</summary>
internal sealed class StepWaitPoints(StepContext step)
{
    private InstanceState State => step.State;

    public WaitPoint Add(WaitPoint wait)
    {
        State.WaitPoints.Add(wait);
        if (State.Find(wait.ElementInstanceKey) is { } owner && wait.EventId is null)
            owner.Status = ElementInstanceStatus.Waiting;
        return wait;
    }

    /// <summary>Closes every wait point owned by an element instance (withdrawn, not triggered), or those of them <paramref name="which"/> picks.</summary>
    public void CloseAll(long elementInstanceKey, Func<WaitPoint, bool>? which = null)
    {
        for (var i = 0; i < State.WaitPoints.Count; i++)
        {
            var wait = State.WaitPoints[i];
            if (wait.ElementInstanceKey != elementInstanceKey || which?.Invoke(wait) == false)
                continue;
            State.WaitPoints.RemoveAt(i--);
            step.Emit(new WaitPointClosed(wait.Id, wait.Kind, wait.ElementId, Triggered: false));
        }
    }

    /// <summary>Removes a wait point whose event happened.</summary>
    public void Consume(WaitPoint wait)
    {
        State.WaitPoints.Remove(wait);
        step.Emit(new WaitPointClosed(wait.Id, wait.Kind, wait.ElementId, Triggered: true));
    }

    /// <summary>Opens the timer and message boundary events of an activity. False when one could not be opened (an incident was raised).</summary>
    public bool OpenBoundaries(ElementInstance host, FlowNode node)
    {
        foreach (var boundary in node.Boundaries)
        {
            if (!OpenCatch(host, boundary))
                return false;
        }
        return true;
    }

    /// <summary>
    /// Opens the wait of a catch event that <paramref name="owner"/> holds (a boundary event or an event subprocess
    /// start): its timer, message or signal subscription, or condition. Error, escalation and compensation catch what
    /// is thrown: nothing to open. False when it failed (an incident was raised).
    /// </summary>
    public bool OpenCatch(ElementInstance owner, FlowNode catchEvent) => catchEvent.Event?.Kind switch
    {
        EventKind.Timer => OpenTimer(owner, catchEvent, eventId: catchEvent.Id),
        EventKind.Message => OpenSubscription(owner, catchEvent, eventId: catchEvent.Id),
        EventKind.Signal => OpenSignal(owner, catchEvent, eventId: catchEvent.Id),
        EventKind.Conditional => OpenCondition(owner, catchEvent, eventId: catchEvent.Id),
        _ => true,
    };

    /// <summary>Schedules the timer of <paramref name="timerEvent"/> for <paramref name="owner"/>.</summary>
    public bool OpenTimer(ElementInstance owner, FlowNode timerEvent, string? eventId)
    {
        var definition = timerEvent.Event!;
        string text = "";
        if (!step.Variables.Try(owner, IncidentTexts.TimerOf(timerEvent.Id),
                () => text = step.Expressions.EvaluateTimerText(definition.TimerExpression ?? "", step.Variables.Lookup(owner))))
            return false;
        var schedule = TimerSchedule.Read(definition.TimerKind ?? TimerKind.Duration, text, step.Zone, out var error);
        var due = schedule?.First(step.Now);
        if (schedule is null || due is null)
        {
            step.Incidents.Raise(owner, IncidentTexts.TimerNotSchedulable.Format(timerEvent.Id, error ?? IncidentTexts.TimerNeverFires.Format(text)));
            return false;
        }
        var wait = Add(new WaitPoint
        {
            Id = State.NewKey(),
            Kind = WaitKind.Timer,
            ElementInstanceKey = owner.Key,
            ElementId = timerEvent.Id,
            EventId = eventId,
            DueAt = due,
            TimerText = $"{definition.TimerKind}:{text}",
        });
        step.Emit(new TimerScheduled(wait.Id, timerEvent.Id, due.Value));
        return true;
    }

    /// <summary>The next occurrence of a cycle timer after it fired; null when the cycle is spent.</summary>
    public DateTimeOffset? NextOccurrence(WaitPoint wait)
    {
        if (wait.TimerText is null || wait.DueAt is null)
            return null;
        var colon = wait.TimerText.IndexOf(':');
        var kind = Enum.Parse<TimerKind>(wait.TimerText[..colon]);
        var schedule = TimerSchedule.Parse(kind, wait.TimerText[(colon + 1)..], step.Zone, out _);
        return schedule?.Next(wait.DueAt.Value, wait.Fired);
    }

    /// <summary>Opens a message subscription: name and correlation key evaluated now, in the owner's scope.</summary>
    public bool OpenSubscription(ElementInstance owner, FlowNode catchEvent, string? eventId)
    {
        var message = step.Model.MessageOf(catchEvent);
        string? name = null, key = null;
        if (!step.Variables.Try(owner, IncidentTexts.MessageOf(catchEvent.Id), () =>
            {
                name = step.Expressions.EvaluateString(message?.Name, step.Variables.Lookup(owner));
                key = step.Expressions.EvaluateString(message?.CorrelationKey, step.Variables.Lookup(owner));
            }))
            return false;
        if (string.IsNullOrEmpty(name))
        {
            step.Incidents.Raise(owner, IncidentTexts.MessageNameEmpty.Format(catchEvent.Id));
            return false;
        }
        var wait = Add(new WaitPoint
        {
            Id = State.NewKey(),
            Kind = WaitKind.Message,
            ElementInstanceKey = owner.Key,
            ElementId = catchEvent.Id,
            EventId = eventId,
            MessageName = name,
            CorrelationKey = key,
        });
        step.Emit(new MessageSubscriptionOpened(wait.Id, catchEvent.Id, name, key));
        return true;
    }

    /// <summary>Opens a signal subscription: the signal's name (literal or FEEL) evaluated now, in the owner's scope.</summary>
    public bool OpenSignal(ElementInstance owner, FlowNode catchEvent, string? eventId)
    {
        if (SignalName(owner, catchEvent) is not { } name)
            return false;
        var wait = Add(new WaitPoint
        {
            Id = State.NewKey(),
            Kind = WaitKind.Signal,
            ElementInstanceKey = owner.Key,
            ElementId = catchEvent.Id,
            EventId = eventId,
            SignalName = name,
        });
        step.Emit(new SignalSubscriptionOpened(wait.Id, catchEvent.Id, name));
        return true;
    }

    /// <summary>Opens the wait of a conditional event; its condition is evaluated at the end of the step (<see cref="ConditionalEvents"/>).</summary>
    public bool OpenCondition(ElementInstance owner, FlowNode conditionalEvent, string? eventId)
    {
        Add(new WaitPoint { Id = State.NewKey(), Kind = WaitKind.Condition, ElementInstanceKey = owner.Key, ElementId = conditionalEvent.Id, EventId = eventId });
        return true;
    }

    /// <summary>The name of the signal an event catches or throws, evaluated in <paramref name="owner"/>'s scope; null after raising an incident.</summary>
    public string? SignalName(ElementInstance owner, FlowNode signalEvent)
    {
        string? name = null;
        if (!step.Variables.Try(owner, IncidentTexts.SignalOf(signalEvent.Id),
                () => name = step.Expressions.EvaluateString(signalEvent.Event?.Signal?.Name, step.Variables.Lookup(owner))))
            return null;
        if (string.IsNullOrEmpty(name))
        {
            step.Incidents.Raise(owner, IncidentTexts.SignalNameEmpty.Format(signalEvent.Id));
            return null;
        }
        return name;
    }

    /// <summary>The variables an event brings with it (a message's or a signal's); null for timers.</summary>
    public static System.Text.Json.Nodes.JsonObject? EventVariables(Trigger trigger) => WorkflowEngine.Copy(trigger switch
    {
        MessageCorrelated m => m.Variables,
        SignalReceived s => s.Variables,
        _ => null,
    });
}

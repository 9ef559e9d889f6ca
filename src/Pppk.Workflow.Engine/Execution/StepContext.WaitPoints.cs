using Pppk.Workflow.Engine.Expressions;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Timers;

namespace Pppk.Workflow.Engine.Execution;

// Opening and closing the points where an instance waits: tasks, jobs, timers, subscriptions, called instances.
internal sealed partial class StepContext
{
    public WaitPoint AddWait(WaitPoint wait)
    {
        State.WaitPoints.Add(wait);
        if (State.Find(wait.ElementInstanceKey) is { } owner && wait.EventId is null)
            owner.Status = ElementInstanceStatus.Waiting;
        return wait;
    }

    /// <summary>Closes every wait point owned by an element instance (withdrawn, not triggered).</summary>
    public void CloseWaitPoints(long elementInstanceKey, long? except = null)
    {
        for (var i = 0; i < State.WaitPoints.Count; i++)
        {
            var wait = State.WaitPoints[i];
            if (wait.ElementInstanceKey != elementInstanceKey || wait.Id == except)
                continue;
            State.WaitPoints.RemoveAt(i--);
            Emit(new WaitPointClosed(wait.Id, wait.Kind, wait.ElementId, Triggered: false));
        }
    }

    /// <summary>Removes a wait point whose event happened.</summary>
    public void ConsumeWait(WaitPoint wait)
    {
        State.WaitPoints.Remove(wait);
        Emit(new WaitPointClosed(wait.Id, wait.Kind, wait.ElementId, Triggered: true));
    }

    /// <summary>Opens the timer and message boundary events of an activity. False when one could not be opened (an incident was raised).</summary>
    private bool OpenBoundaries(ElementInstance host, FlowNode node)
    {
        foreach (var boundary in node.Boundaries)
        {
            var ok = boundary.Event?.Kind switch
            {
                EventKind.Timer => OpenTimer(host, boundary, eventId: boundary.Id),
                EventKind.Message => OpenSubscription(host, boundary, eventId: boundary.Id),
                _ => true, // error boundaries wait for a throw, nothing to open
            };
            if (!ok)
                return false;
        }
        return true;
    }

    /// <summary>Schedules the timer of <paramref name="timerEvent"/> for <paramref name="owner"/>.</summary>
    public bool OpenTimer(ElementInstance owner, FlowNode timerEvent, string? eventId)
    {
        var definition = timerEvent.Event!;
        string text = "";
        if (!Try(owner, IncidentTexts.TimerOf(timerEvent.Id), () => text = Expressions.EvaluateTimerText(definition.TimerExpression ?? "", Lookup(owner))))
            return false;
        var schedule = TimerSchedule.Read(definition.TimerKind ?? TimerKind.Duration, text, Zone, out var error);
        var due = schedule?.First(Now);
        if (schedule is null || due is null)
        {
            RaiseIncident(owner, IncidentTexts.TimerNotSchedulable.Format(timerEvent.Id, error ?? IncidentTexts.TimerNeverFires.Format(text)));
            return false;
        }
        var wait = AddWait(new WaitPoint
        {
            Id = State.NewKey(),
            Kind = WaitKind.Timer,
            ElementInstanceKey = owner.Key,
            ElementId = timerEvent.Id,
            EventId = eventId,
            DueAt = due,
            TimerText = $"{definition.TimerKind}:{text}",
        });
        Emit(new TimerScheduled(wait.Id, timerEvent.Id, due.Value));
        return true;
    }

    /// <summary>The next occurrence of a cycle timer after it fired; null when the cycle is spent.</summary>
    public DateTimeOffset? NextOccurrence(WaitPoint wait)
    {
        if (wait.TimerText is null || wait.DueAt is null)
            return null;
        var colon = wait.TimerText.IndexOf(':');
        var kind = Enum.Parse<TimerKind>(wait.TimerText[..colon]);
        var schedule = TimerSchedule.Parse(kind, wait.TimerText[(colon + 1)..], Zone, out _);
        return schedule?.Next(wait.DueAt.Value, wait.Fired);
    }

    /// <summary>Opens a message subscription: name and correlation key evaluated now, in the owner's scope.</summary>
    public bool OpenSubscription(ElementInstance owner, FlowNode catchEvent, string? eventId)
    {
        var message = Model.MessageOf(catchEvent);
        string? name = null, key = null;
        if (!Try(owner, IncidentTexts.MessageOf(catchEvent.Id), () =>
            {
                name = Expressions.EvaluateString(message?.Name, Lookup(owner));
                key = Expressions.EvaluateString(message?.CorrelationKey, Lookup(owner));
            }))
            return false;
        if (string.IsNullOrEmpty(name))
        {
            RaiseIncident(owner, IncidentTexts.MessageNameEmpty.Format(catchEvent.Id));
            return false;
        }
        var wait = AddWait(new WaitPoint
        {
            Id = State.NewKey(),
            Kind = WaitKind.Message,
            ElementInstanceKey = owner.Key,
            ElementId = catchEvent.Id,
            EventId = eventId,
            MessageName = name,
            CorrelationKey = key,
        });
        Emit(new MessageSubscriptionOpened(wait.Id, catchEvent.Id, name, key));
        return true;
    }

    // ---- incidents ----

    /// <summary>Fails the element with an incident; the state keeps the English message, the effect carries both languages and the code.</summary>
    public void RaiseIncident(ElementInstance instance, LocalizedText message, bool onCompletion = false, IncidentKind kind = IncidentKind.Element, long? waitId = null)
    {
        instance.Status = ElementInstanceStatus.Failed;
        var incident = new Incident
        {
            Id = State.NewKey(),
            ElementInstanceKey = instance.Key,
            ElementId = instance.ElementId,
            Message = message.ToString(),
            Kind = kind,
            WaitId = waitId,
            OnCompletion = onCompletion,
        };
        State.Incidents.Add(incident);
        Emit(new IncidentRaised(incident.Id, instance.Key, instance.ElementId, message));
    }

    /// <summary>Resolves the incidents of an element instance that is going away.</summary>
    private void ResolveIncidents(long elementInstanceKey)
    {
        for (var i = 0; i < State.Incidents.Count; i++)
        {
            if (State.Incidents[i].ElementInstanceKey != elementInstanceKey)
                continue;
            Emit(new IncidentResolved(State.Incidents[i].Id));
            State.Incidents.RemoveAt(i--);
        }
    }
}

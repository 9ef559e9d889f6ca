using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Execution;

/// <summary>Raising and resolving incidents: an element that cannot go on waits, failed, until someone fixes and retries it.</summary>
internal sealed class StepIncidents(StepContext step)
{
    /// <summary>Fails the element with an incident; the state keeps the English message, the effect carries both languages and the code.</summary>
    public void Raise(ElementInstance instance, LocalizedText message, bool onCompletion = false, IncidentKind kind = IncidentKind.Element, long? waitId = null)
    {
        instance.Status = ElementInstanceStatus.Failed;
        var incident = new Incident
        {
            Id = step.State.NewKey(),
            ElementInstanceKey = instance.Key,
            ElementId = instance.ElementId,
            Message = message.ToString(),
            Kind = kind,
            WaitId = waitId,
            OnCompletion = onCompletion,
        };
        step.State.Incidents.Add(incident);
        step.Emit(new IncidentRaised(incident.Id, instance.Key, instance.ElementId, message));
    }

    /// <summary>Resolves the incidents of an element instance that is going away or was completed after all (a late job report).</summary>
    public void ResolveAll(long elementInstanceKey)
    {
        var incidents = step.State.Incidents;
        for (var i = 0; i < incidents.Count; i++)
        {
            if (incidents[i].ElementInstanceKey != elementInstanceKey)
                continue;
            step.Emit(new IncidentResolved(incidents[i].Id));
            incidents.RemoveAt(i--);
        }
    }
}

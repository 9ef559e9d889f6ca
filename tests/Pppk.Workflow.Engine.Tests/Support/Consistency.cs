using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Tests.Support;

/// <summary>Invariants every state must satisfy after every step: no dangling tokens, wait points or join tokens.</summary>
public static class Consistency
{
    public static void Check(InstanceState state)
    {
        var problems = Problems(state).ToList();
        if (problems.Count > 0)
            throw new Xunit.Sdk.XunitException("Inconsistent state: " + string.Join("; ", problems) + "\n" + state.ToJson());
    }

    public static IEnumerable<string> Problems(InstanceState state)
    {
        var keys = new HashSet<long>();
        foreach (var e in state.Elements)
        {
            if (!keys.Add(e.Key)) yield return $"duplicate element key {e.Key}";
            if (e.Key >= state.NextKey) yield return $"key {e.Key} not below NextKey";
        }
        if (state.Root is null) yield return "no process root";
        foreach (var e in state.Elements.Where(e => e.ScopeKey is not null))
            if (!keys.Contains(e.ScopeKey!.Value)) yield return $"{e.ElementId}/{e.Key} has dead scope {e.ScopeKey}";
        var waitIds = new HashSet<long>();
        foreach (var w in state.WaitPoints)
        {
            if (!waitIds.Add(w.Id)) yield return $"duplicate wait id {w.Id}";
            if (!keys.Contains(w.ElementInstanceKey)) yield return $"wait {w.Id} at {w.ElementId} belongs to no live element";
        }
        foreach (var j in state.Joins)
            if (!keys.Contains(j.ScopeKey)) yield return $"join token at {j.GatewayId} in dead scope";
        foreach (var i in state.Incidents)
            if (!keys.Contains(i.ElementInstanceKey)) yield return $"incident {i.Id} on dead element";
        if (state.Status != InstanceStatus.Active)
        {
            if (state.WaitPoints.Count > 0) yield return $"{state.Status} instance has wait points";
            if (state.Elements.Count > 1) yield return $"{state.Status} instance has live elements {string.Join(",", state.Elements.Skip(1).Select(e => e.ElementId))}";
            if (state.Joins.Count > 0) yield return $"{state.Status} instance has join tokens";
        }
        else
        {
            // an active instance has something to wait for: a live element below the root, or it has an incident
            // (or the process's own start or end listeners are running)
            var processListening = state.WaitPoints.Exists(w => w.Listener is not null && w.ElementInstanceKey == state.Root?.Key);
            if (state.Elements.Count <= 1 && state.Joins.Count == 0 && !processListening) yield return "active instance without live elements";
            foreach (var e in state.Elements.Where(e => e.ScopeKey is not null && e.Kind == ElementInstanceKind.Element && e.Status == ElementInstanceStatus.Active))
            {
                // an active leaf element must be waiting on something, or be a scope with children
                var isScope = state.Elements.Exists(c => c.ScopeKey == e.Key) || state.Joins.Exists(j => j.ScopeKey == e.Key);
                var waits = state.WaitPoints.Exists(w => w.ElementInstanceKey == e.Key);
                if (!isScope && !waits) yield return $"{e.ElementId}/{e.Key} is active but waits for nothing";
            }
        }
    }
}

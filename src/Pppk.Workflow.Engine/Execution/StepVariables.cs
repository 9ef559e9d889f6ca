using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Expressions;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Validation;

namespace Pppk.Workflow.Engine.Execution;

/// <summary>
/// Variable scopes as Camunda 8 has them: inputs are locals of the element, outputs and completion variables
/// propagate to the nearest enclosing scope that already has the name, else to the process instance.
/// </summary>
internal sealed class StepVariables(StepContext step)
{
    private InstanceState State => step.State;

    public IVariableLookup Lookup(ElementInstance instance) => new ScopeLookup(State, instance);

    public JsonObject SetLocal(ElementInstance instance, string name, JsonNode? value)
    {
        instance.Variables ??= [];
        instance.Variables[name] = value;
        return instance.Variables;
    }

    /// <summary>Sets each variable in the nearest scope (starting at <paramref name="scopeKey"/>) that has it, else in the process scope. Dotted names update a nested context.</summary>
    public void Propagate(long scopeKey, JsonObject variables)
    {
        foreach (var (name, value) in variables)
            SetPath(scopeKey, name, value?.DeepClone());
    }

    private void SetPath(long scopeKey, string path, JsonNode? value)
    {
        var dot = path.IndexOf('.');
        var name = dot < 0 ? path : path[..dot];
        var target = FindOwner(scopeKey, name) ?? State.Root!;
        target.Variables ??= [];
        if (dot < 0)
        {
            target.Variables[name] = value;
            return;
        }
        var context = target.Variables[name] as JsonObject;
        if (context is null)
        {
            context = [];
            target.Variables[name] = context;
        }
        SetNested(context, path[(dot + 1)..].Split('.'), value);
    }

    private ElementInstance? FindOwner(long scopeKey, string name)
    {
        for (var scope = State.Find(scopeKey); scope is not null; scope = scope.ScopeKey is { } k ? State.Find(k) : null)
            if (scope.Variables?.ContainsKey(name) == true)
                return scope;
        return null;
    }

    /// <summary>Every variable visible from an element instance, inner scopes shadowing outer ones (what a job or a called process receives).</summary>
    public JsonObject VisibleVariables(ElementInstance instance)
    {
        var chain = new List<ElementInstance>();
        for (var scope = instance; scope is not null; scope = scope.ScopeKey is { } k ? State.Find(k) : null)
            chain.Add(scope);
        var result = new JsonObject();
        for (var i = chain.Count - 1; i >= 0; i--)
            foreach (var (name, value) in chain[i].Variables ?? [])
                result[name] = value?.DeepClone();
        return result;
    }

    public bool ApplyInputs(ElementInstance instance, FlowNode node)
    {
        foreach (var mapping in node.Inputs)
        {
            if (!TryEvaluate(instance, mapping.Source, ElementNames.Site($"input mapping '{mapping.Target}'"), out var value))
                return false;
            SetNested(instance.Variables ??= [], mapping.Target.Split('.'), value);
        }
        return true;
    }

    public bool ApplyOutputs(ElementInstance instance, FlowNode node)
    {
        var results = new List<(string Target, JsonNode? Value)>();
        foreach (var mapping in node.Outputs)
        {
            if (!TryEvaluate(instance, mapping.Source, ElementNames.Site($"output mapping '{mapping.Target}'"), out var value, onCompletion: true))
                return false;
            results.Add((mapping.Target, value));
        }
        foreach (var (target, value) in results)
            SetPath(instance.ScopeKey!.Value, target, value);
        return true;
    }

    private static void SetNested(JsonObject context, string[] segments, JsonNode? value)
    {
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (context[segments[i]] is not JsonObject next)
                context[segments[i]] = next = [];
            context = next;
        }
        context[segments[^1]] = value;
    }

    /// <summary>Evaluates an expression for an element; on failure raises an incident naming what was evaluated and returns false.</summary>
    public bool TryEvaluate(ElementInstance instance, string raw, Term what, out JsonNode? value, bool onCompletion = false)
    {
        try
        {
            value = step.Expressions.Evaluate(raw, Lookup(instance));
            return true;
        }
        catch (ExpressionException e)
        {
            value = null;
            step.Incidents.Raise(instance, IncidentTexts.ExpressionFailed.Format(what, instance.ElementId, e.Text), onCompletion);
            return false;
        }
    }

    /// <summary>Runs a conversion that may fail with an expression problem; raises the incident and returns false.</summary>
    public bool Try(ElementInstance instance, Term what, Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (ExpressionException e)
        {
            step.Incidents.Raise(instance, IncidentTexts.ExpressionFailed.Format(what, instance.ElementId, e.Text));
            return false;
        }
    }

    private sealed class ScopeLookup(InstanceState state, ElementInstance start) : IVariableLookup
    {
        public bool TryGet(string name, out JsonNode? value)
        {
            for (var scope = start; scope is not null; scope = scope.ScopeKey is { } k ? state.Find(k) : null)
                if (scope.Variables is { } vars && vars.TryGetPropertyValue(name, out value))
                    return true;
            value = null;
            return false;
        }
    }
}

using Pppk.Workflow.Engine.Expressions;
using Pppk.Workflow.Engine.Feel;

namespace Pppk.Workflow.Engine.Model;

/// <summary>One executable process ready to run: element lookup and the FEEL expressions of the definition, parsed once and cached. Share it between instances and threads.</summary>
public sealed class ProcessModel
{
    public BpmnDefinitions Definitions { get; }
    public BpmnProcess Process { get; }
    public string Id => Process.Id;

    internal ExpressionCache Expressions { get; }

    /// <summary>Message start events and the message name each waits for (the runtime subscribes them per deployed version).</summary>
    public IReadOnlyList<(FlowNode StartEvent, string MessageName)> MessageStarts { get; }

    /// <summary>Signal start events and the signal name each waits for: a broadcast of that name starts an instance of the latest version.</summary>
    public IReadOnlyList<(FlowNode StartEvent, string SignalName)> SignalStarts { get; }

    /// <summary>Timer start events with their timer expression (the runtime schedules them as recurring jobs).</summary>
    public IReadOnlyList<(FlowNode StartEvent, TimerKind Kind, string Expression)> TimerStarts { get; }

    private ProcessModel(BpmnDefinitions definitions, BpmnProcess process, FeelLimits? limits)
    {
        Expressions = new ExpressionCache(limits);
        Definitions = definitions;
        Process = process;
        MessageStarts = process.StartEvents.Where(s => s.Event?.Kind == EventKind.Message && s.Event.Message?.Name is not null)
            .Select(s => (s, s.Event!.Message!.Name!)).ToList();
        SignalStarts = process.StartEvents.Where(s => s.Event?.Kind == EventKind.Signal && s.Event.Signal?.Name is { Length: > 0 })
            .Select(s => (s, s.Event!.Signal!.Name!)).ToList();
        TimerStarts = process.StartEvents.Where(s => s.Event is { Kind: EventKind.Timer, TimerKind: not null, TimerExpression: not null })
            .Select(s => (s, s.Event!.TimerKind!.Value, s.Event.TimerExpression!)).ToList();
        Precompile();
    }

    /// <summary>Parses every FEEL expression of the process once, so steps only evaluate. Syntax errors are left to validation (and to an incident if an invalid model is run anyway).</summary>
    private void Precompile()
    {
        foreach (var node in Process.AllNodes.Values.Append(Process.ListenerNode))
            foreach (var (_, raw) in ExpressionSites.Of(node, Definitions))
                if (raw is not null)
                    Expressions.TryCompile(raw);
        foreach (var flow in Process.AllFlows.Values)
            if (flow.Condition is { } condition)
                Expressions.TryCompile(condition);
        foreach (var rule in new[] { Process.Case.Unit, Process.Case.Subject, Process.Case.Title, Process.Case.Search })
            if (rule is not null)
                Expressions.TryCompile(rule);
    }

    /// <summary>The model of one process; its expressions are parsed within <paramref name="limits"/> (default <see cref="FeelLimits.Default"/>).</summary>
    public static ProcessModel Create(BpmnDefinitions definitions, string processId, FeelLimits? limits = null) =>
        new(definitions, definitions.FindProcess(processId) ?? throw new ArgumentException($"The file has no process with id '{processId}'.", nameof(processId)), limits);

    /// <summary>Models for every executable process of a file.</summary>
    public static IReadOnlyList<ProcessModel> CreateAll(BpmnDefinitions definitions, FeelLimits? limits = null) =>
        definitions.ExecutableProcesses.Select(p => new ProcessModel(definitions, p, limits)).ToList();

    public FlowNode Node(string id) =>
        Process.AllNodes.TryGetValue(id, out var node) ? node : throw new KeyNotFoundException($"Process '{Id}' has no element '{id}'.");

    /// <summary>The node an element instance belongs to; the process instance's is the process itself (its listeners).</summary>
    internal FlowNode NodeOf(State.ElementInstance instance) =>
        instance.Kind == State.ElementInstanceKind.Process ? Process.ListenerNode : Node(instance.ElementId);

    public FlowNode? NoneStartEvent =>
        Process.StartEvents.FirstOrDefault(s => s.Event is null) ?? (Process.StartEvents.Count() == 1 ? Process.StartEvents.First() : null);

    /// <summary>The message name of a catching element: the messageRef of a receive task or of the event definition.</summary>
    public BpmnMessage? MessageOf(FlowNode node) =>
        node.Event?.Message ?? (node.MessageRef is { } id ? Definitions.Messages.GetValueOrDefault(id) : null);
}

using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Feel;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Support;

/// <summary>Drives one instance through the pure engine, keeping every effect and checking consistency after each step.</summary>
public sealed class Harness
{
    public FakeTimeProvider Clock { get; } = new();
    public WorkflowEngine Engine { get; }
    public ProcessModel Model { get; }
    public InstanceState State { get; private set; } = null!;
    public List<Effect> Effects { get; } = [];
    public StepResult Last { get; private set; } = null!;

    public Harness(ProcessModel model)
    {
        Model = model;
        Engine = new WorkflowEngine(Clock, Environment(Clock));
    }

    private Harness(ProcessModel model, FakeTimeProvider clock)
    {
        Clock = clock;
        Model = model;
        Engine = new WorkflowEngine(Clock, Environment(Clock));
    }

    /// <summary>Migrates the instance to <paramref name="target"/>; the answer drives it on there, with the same clock and the effects so far.</summary>
    public Harness MigrateTo(ProcessModel target, params Pppk.Workflow.Engine.Migration.ElementMapping[] mappings)
    {
        var next = new Harness(target, Clock);
        next.Effects.AddRange(Effects);
        next.Apply(Engine.Migrate(Model, target, State, mappings));
        return next;
    }

    public static FeelEnvironment Environment(TimeProvider clock) => FeelSetup.Environment(clock);

    public static Harness For(string elements, string flows, string root = "") => new(Bpmn.Model(elements, flows, root));

    public Harness Start(object? variables = null, string? startEventId = null)
    {
        Apply(Engine.Start(Model, new StartTrigger(Vars(variables), startEventId)));
        return this;
    }

    public StepResult Handle(Trigger trigger)
    {
        var result = Engine.Handle(Model, State, trigger);
        Apply(result);
        return result;
    }

    private void Apply(StepResult result)
    {
        Last = result;
        State = result.State;
        Effects.AddRange(result.Effects);
        Consistency.Check(State);
        // the stable JSON form must round-trip
        Assert.Equal(State.ToJson(), InstanceState.FromJson(State.ToJson()).ToJson());
    }

    public static JsonObject? Vars(object? variables) => variables switch
    {
        null => null,
        JsonObject o => o,
        string json => JsonNode.Parse(json)!.AsObject(),
        _ => System.Text.Json.JsonSerializer.SerializeToNode(variables)!.AsObject(),
    };

    public WaitPoint Wait(string elementId) =>
        State.WaitPoints.SingleOrDefault(w => w.ElementId == elementId) ?? throw new Xunit.Sdk.XunitException(
            $"No single wait point at '{elementId}'. Open: {string.Join(", ", State.WaitPoints.Select(w => $"{w.ElementId}:{w.Kind}"))}; active: {string.Join(", ", State.ActiveElementIds)}; incidents: {string.Join(" | ", State.Incidents.Select(i => i.Message))}");

    public IEnumerable<WaitPoint> Waits(string elementId) => State.WaitPoints.Where(w => w.ElementId == elementId);

    public Harness CompleteJob(string elementId, object? variables = null) { Handle(new JobCompleted(Wait(elementId).Id, Vars(variables))); return this; }
    public Harness CompleteTask(string elementId, object? variables = null, string? by = "demo") { Handle(new UserTaskCompleted(Wait(elementId).Id, by, Vars(variables))); return this; }
    public Harness Correlate(string elementId, object? variables = null) { Handle(new MessageCorrelated(Wait(elementId).Id, Vars(variables))); return this; }
    public Harness FireTimer(string elementId) { Handle(new TimerFired(Wait(elementId).Id)); return this; }
    public Harness ThrowError(string elementId, string code) { Handle(new JobThrewError(Wait(elementId).Id, code, "failed")); return this; }

    /// <summary>Moves the clock and fires every timer due by then, earliest first.</summary>
    public Harness Advance(TimeSpan by)
    {
        var until = Clock.Now + by;
        while (State.Status == InstanceStatus.Active && State.WaitPoints.Where(w => w.Kind == WaitKind.Timer && w.DueAt <= until).MinBy(w => w.DueAt) is { } next)
        {
            Clock.Set(next.DueAt!.Value > Clock.Now ? next.DueAt.Value : Clock.Now);
            Handle(new TimerFired(next.Id));
        }
        Clock.Set(until);
        return this;
    }

    public JsonNode? Var(string name) => State.Variables[name];

    public string VarJson(string name) => State.Variables[name]?.ToJsonString() ?? "null";

    public IReadOnlyList<string> Active => State.ActiveElementIds.OrderBy(x => x).ToList();

    public IEnumerable<T> Of<T>() where T : Effect => Effects.OfType<T>();

    public IReadOnlyList<string> Ended => Of<ElementEnded>().Where(e => !e.Terminated).Select(e => e.ElementId).ToList();

    public IReadOnlyList<string> Terminated => Of<ElementEnded>().Where(e => e.Terminated).Select(e => e.ElementId).ToList();

    public void AssertCompleted()
    {
        Assert.True(State.Status == InstanceStatus.Completed, $"Expected completed, was {State.Status}; active {string.Join(",", State.ActiveElementIds)}; incidents {string.Join(" | ", State.Incidents.Select(i => i.Message))}");
    }
}

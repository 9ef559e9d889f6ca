using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Tests.Support;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;
using static Pppk.Workflow.Engine.Tests.Support.EventBpmn;

namespace Pppk.Workflow.Engine.Tests.Events;

/// <summary>Signal catch, boundary, event subprocess start, throw and end events, and signal starts, in the engine.</summary>
public class SignalTests
{
    private static readonly string Postponed = Signal("postponed", "announcement-postponed");

    private static Harness Receive(Harness h, string elementId, object? variables = null)
    {
        h.Handle(new SignalReceived(h.Wait(elementId).Id, Harness.Vars(variables)));
        return h;
    }

    [Fact]
    public void A_catch_event_subscribes_and_completes_with_the_signal_variables()
    {
        var h = Harness.For(Start() + SignalCatch("wait", "postponed") + End(), "start -> wait -> end", Postponed).Start();
        var opened = Assert.Single(h.Of<SignalSubscriptionOpened>());
        Assert.Equal(("wait", "announcement-postponed"), (opened.ElementId, opened.SignalName));
        Receive(h, "wait", new { newDate = "2026-04-01" }).AssertCompleted();
        Assert.Equal("\"2026-04-01\"", h.VarJson("newDate"));
        Assert.Contains(h.Of<WaitPointClosed>(), w => w.Kind == WaitKind.Signal && w.Triggered);
    }

    [Fact]
    public void A_signal_name_may_be_an_expression()
    {
        var h = Harness.For(Start() + SignalCatch("wait", "dyn") + End(), "start -> wait -> end", Signal("dyn", "=\"round-\" + round")).Start(new { round = "7" });
        Assert.Equal("round-7", h.Wait("wait").SignalName);
    }

    [Fact]
    public void An_interrupting_boundary_ends_the_task()
    {
        var h = Harness.For(Start() + User("review") + BoundarySignal("stop", "review", "postponed") + End("stopped") + End(),
            "start -> review -> end; stop -> stopped", Postponed).Start();
        Receive(h, "stop").AssertCompleted();
        Assert.Contains("review", h.Terminated);
        Assert.Contains("stopped", h.Ended);
    }

    [Fact]
    public void A_non_interrupting_boundary_stays_open_and_catches_every_signal()
    {
        var h = Harness.For(Start() + User("review") + BoundarySignal("note", "review", "postponed", interrupting: false) + Task("log") + End("le") + End(),
            "start -> review -> end; note -> log -> le", Postponed).Start();
        Receive(h, "note");
        Receive(h, "note");
        Assert.Equal(2, h.Ended.Count(e => e == "log"));
        Assert.Equal(["review"], h.Active);
        h.CompleteTask("review").AssertCompleted();
        Assert.Empty(h.State.WaitPoints);
    }

    [Fact]
    public void A_throw_event_broadcasts_its_input_mappings_and_goes_on()
    {
        var h = Harness.For(Start() + SignalThrow("announce", "postponed", Io(("input", "=round", "round"))) + SignalEnd("done", "postponed"),
            "start -> announce -> done", Postponed).Start(new { round = 7 });
        h.AssertCompleted();
        var thrown = h.Of<SignalThrown>().ToList();
        Assert.Equal(2, thrown.Count);
        Assert.Equal(("announce", "announcement-postponed", "{\"round\":7}"), (thrown[0].ElementId, thrown[0].SignalName, thrown[0].Variables.ToJsonString()));
        Assert.Equal("done", thrown[1].ElementId);
    }

    [Fact]
    public void A_signal_event_subprocess_starts_when_the_signal_arrives()
    {
        var h = Harness.For(Start() + User("review") + End() + Esp("esp", SignalStart("ss", "postponed", interrupting: false), Task("log") + End("ee")),
            "start -> review -> end; ss -> log -> ee", Postponed).Start();
        Assert.Equal(h.State.Root!.Key, h.Wait("ss").ElementInstanceKey);
        Receive(h, "ss");
        Receive(h, "ss");
        Assert.Equal(2, h.Ended.Count(e => e == "log"));
        h.CompleteTask("review").AssertCompleted();
    }

    [Fact]
    public void A_signal_start_event_is_listed_for_the_runtime_and_starts_an_instance()
    {
        var model = Bpmn.Model(SignalStart("begin", "postponed") + User("review") + End(), "begin -> review -> end", Postponed);
        var start = Assert.Single(model.SignalStarts);
        Assert.Equal(("begin", "announcement-postponed"), (start.StartEvent.Id, start.SignalName));
        var h = new Harness(model).Start(new { x = 1 }, startEventId: "begin");
        Assert.Equal(["review"], h.Active);
        Assert.Equal(InstanceStatus.Active, h.State.Status);
    }
}

public class SignalAfterEventGatewayTests
{
    [Fact]
    public void A_signal_catch_after_an_event_based_gateway_races_the_others()
    {
        var h = Harness.For(Start() + EventGateway("eg") + SignalCatch("postponed", "sig") + CatchTimer("late", "P1D") + End("e1") + End("e2"),
            "start -> eg; eg -> postponed -> e1; eg -> late -> e2", Signal("sig", "announcement-postponed")).Start();
        Assert.Single(h.Of<SignalSubscriptionOpened>());
        h.Handle(new SignalReceived(h.Wait("postponed").Id, Harness.Vars(new { why = "rain" })));
        h.AssertCompleted();
        Assert.Contains("e1", h.Ended);
        Assert.Equal("\"rain\"", h.VarJson("why"));
        Assert.Contains(h.Of<WaitPointClosed>(), w => w.ElementId == "late" && !w.Triggered);
    }
}

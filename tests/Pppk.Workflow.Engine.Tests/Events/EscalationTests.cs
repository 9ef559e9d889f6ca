using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Tests.Support;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;
using static Pppk.Workflow.Engine.Tests.Support.EventBpmn;

namespace Pppk.Workflow.Engine.Tests.Events;

/// <summary>Escalation throw and end events, caught by boundary events and event subprocesses, or not at all.</summary>
public class EscalationTests
{
    private static readonly string Bkpsdm = Escalation("toBkpsdm", "BKPSDM");

    [Fact]
    public void A_non_interrupting_boundary_catches_an_intermediate_throw_and_both_paths_go_on()
    {
        var inner = Start("s1") + EscalationThrow("raise", "toBkpsdm") + User("answer") + End("e1");
        var h = Harness.For(Start() + Sub("sub", inner) + BoundaryEscalation("caught", "sub", "toBkpsdm", interrupting: false) + User("bkpsdm") + End() + End("ce"),
            "start -> sub -> end; caught -> bkpsdm -> ce; s1 -> raise -> answer -> e1", Bkpsdm).Start();
        Assert.Equal(["answer", "bkpsdm", "sub"], h.Active);
        Assert.Contains("raise", h.Ended);
        h.CompleteTask("answer").CompleteTask("bkpsdm").AssertCompleted();
    }

    [Fact]
    public void An_interrupting_boundary_catches_an_escalation_end_and_ends_the_subprocess()
    {
        var inner = Start("s1") + And("split") + User("other") + EscalationEnd("raise", "toBkpsdm") + End("e1");
        var h = Harness.For(Start() + Sub("sub", inner) + BoundaryEscalation("caught", "sub", "toBkpsdm") + User("bkpsdm") + End() + End("ce"),
            "start -> sub -> end; caught -> bkpsdm -> ce; s1 -> split -> other -> e1; split -> raise", Bkpsdm).Start();
        Assert.Equal(["bkpsdm"], h.Active);
        Assert.Contains("sub", h.Terminated);
        Assert.Contains("other", h.Terminated);
    }

    [Fact]
    public void A_catch_all_boundary_catches_any_code()
    {
        var inner = Start("s1") + EscalationEnd("raise", "toBkpsdm");
        var h = Harness.For(Start() + Sub("sub", inner) + BoundaryEscalation("caught", "sub") + Task("log") + End() + End("ce"),
            "start -> sub -> end; caught -> log -> ce; s1 -> raise", Bkpsdm).Start();
        h.AssertCompleted();
        Assert.Contains("log", h.Ended);
        Assert.DoesNotContain("end", h.Ended);
    }

    [Fact]
    public void An_escalation_event_subprocess_catches_it_inside_the_scope()
    {
        var h = Harness.For(Start() + EscalationThrow("raise", "toBkpsdm") + User("answer") + End()
            + Esp("esp", EscalationStart("es", "toBkpsdm", interrupting: false), User("bkpsdm") + End("ee")),
            "start -> raise -> answer -> end; es -> bkpsdm -> ee", Bkpsdm).Start();
        Assert.Equal(["answer", "bkpsdm", "esp"], h.Active);
        h.CompleteTask("answer");
        Assert.Equal(InstanceStatus.Active, h.State.Status);
        h.CompleteTask("bkpsdm").AssertCompleted();
    }

    [Fact]
    public void An_interrupting_escalation_event_subprocess_ends_the_rest_of_the_scope()
    {
        var h = Harness.For(Start() + EscalationThrow("raise", "toBkpsdm") + User("answer") + End()
            + Esp("esp", EscalationStart("es", "toBkpsdm"), User("bkpsdm") + End("ee")),
            "start -> raise -> answer -> end; es -> bkpsdm -> ee", Bkpsdm).Start();
        Assert.Equal(["bkpsdm", "esp"], h.Active);
        Assert.Contains("raise", h.Terminated);
    }

    [Fact]
    public void An_uncaught_escalation_lets_the_instance_go_on_and_is_recorded()
    {
        var h = Harness.For(Start() + EscalationThrow("raise", "toBkpsdm") + User("answer") + End(), "start -> raise -> answer -> end", Bkpsdm).Start();
        Assert.Equal(["answer"], h.Active);
        var uncaught = Assert.Single(h.Of<EscalationNotCaught>());
        Assert.Equal(("raise", "BKPSDM"), (uncaught.ElementId, uncaught.EscalationCode));
        Assert.Empty(h.State.Incidents);
        h.CompleteTask("answer").AssertCompleted();
    }

    [Fact]
    public void A_boundary_on_a_multi_instance_subprocess_catches_from_each_inner_instance()
    {
        var inner = Start("s1") + EscalationThrow("raise", "toBkpsdm") + End("e1");
        var h = Harness.For(Start() + $"""<subProcess id="sub">{Loop("=[1,2,3]")}{inner}</subProcess>"""
            + BoundaryEscalation("caught", "sub", "toBkpsdm", interrupting: false) + Task("log") + End() + End("ce"),
            "start -> sub -> end; caught -> log -> ce; s1 -> raise -> e1", Bkpsdm).Start();
        h.AssertCompleted();
        Assert.Equal(3, h.Ended.Count(e => e == "log"));
    }
}

public class EscalationFromCalledInstanceTests
{
    private static readonly string Bkpsdm = EventBpmn.Escalation("toBkpsdm", "BKPSDM");

    private static string Child() => Xml(Start("cs") + EventBpmn.EscalationThrow("raise", "toBkpsdm") + User("answer") + End("ce"),
        "cs -> raise -> answer -> ce", Bkpsdm, processId: "child");

    [Fact]
    public void A_non_interrupting_boundary_on_the_call_activity_catches_it_and_the_child_goes_on()
    {
        var parent = Xml(Start() + Call("call", "child") + EventBpmn.BoundaryEscalation("caught", "call", "toBkpsdm", interrupting: false) + User("bkpsdm") + End() + End("be"),
            "start -> call -> end; caught -> bkpsdm -> be", Bkpsdm);
        var rt = new MiniRuntime(parent, Child());
        var p = rt.Start("p");
        Assert.Equal(["bkpsdm", "call"], rt.Instances[p].ActiveElementIds.Order());
        Assert.Equal(["answer"], rt.Instances[2].ActiveElementIds);
        Assert.DoesNotContain(rt.Effects, e => e.Effect is EscalationNotCaught);
    }

    [Fact]
    public void An_interrupting_boundary_on_the_call_activity_cancels_the_child()
    {
        var parent = Xml(Start() + Call("call", "child") + EventBpmn.BoundaryEscalation("caught", "call", "toBkpsdm") + User("bkpsdm") + End() + End("be"),
            "start -> call -> end; caught -> bkpsdm -> be", Bkpsdm);
        var child = Xml(Start("cs") + User("first") + EventBpmn.EscalationThrow("raise", "toBkpsdm") + User("answer") + End("ce"),
            "cs -> first -> raise -> answer -> ce", Bkpsdm, processId: "child");
        var rt = new MiniRuntime(parent, child);
        var p = rt.Start("p");
        rt.Handle(2, new UserTaskCompleted(rt.Wait(2, "first").Id, "demo"));
        Assert.Equal(["bkpsdm"], rt.Instances[p].ActiveElementIds);
        Assert.Equal(InstanceStatus.Cancelled, rt.Instances[2].Status);
    }

    [Fact]
    public void Uncaught_in_both_it_is_recorded_at_the_top_and_both_go_on()
    {
        var parent = Xml(Start() + Call("call", "child") + End(), "start -> call -> end");
        var rt = new MiniRuntime(parent, Child());
        var p = rt.Start("p");
        var uncaught = Assert.Single(rt.Effects, e => e.Effect is EscalationNotCaught);
        Assert.Equal(p, uncaught.Instance);
        Assert.Equal(["answer"], rt.Instances[2].ActiveElementIds);
        Assert.Equal(["call"], rt.Instances[p].ActiveElementIds);
    }
}

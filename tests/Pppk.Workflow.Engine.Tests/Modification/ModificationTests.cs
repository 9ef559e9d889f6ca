using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Tests.Support;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;
using static Pppk.Workflow.Engine.Tests.Support.EventBpmn;

namespace Pppk.Workflow.Engine.Tests.Modification;

public class ModificationTests
{
    private static ModifyInstance Modify(string[]? activate = null, string[]? terminate = null) =>
        new((activate ?? []).Select(id => new ElementActivation(id)).ToList(), terminate ?? []);

    [Fact]
    public void Moving_a_token_withdraws_the_task_and_offers_the_next_one()
    {
        var h = Harness.For(Start() + User("A") + User("B") + End(), "start -> A -> B -> end").Start();
        var taskA = h.Wait("A").Id;
        h.Handle(Modify(["B"], ["A"]));
        Assert.Equal(["B"], h.Active);
        Assert.Contains(h.Of<WaitPointClosed>(), w => w.WaitId == taskA && !w.Triggered);
        Assert.Equal(["A"], h.Terminated);
        Assert.Single(h.Of<UserTaskCreated>(), t => t.ElementId == "B");
        var modified = h.Of<InstanceModified>().Single();
        Assert.Equal(("B", h.State.Elements.Single(e => e.ElementId == "B").Key), (modified.Activated[0].ElementId, modified.Activated[0].ElementInstanceKey));
        Assert.Equal(["A"], modified.TerminatedElementIds);
        Assert.Equal(1, modified.Terminated);
        h.CompleteTask("B").AssertCompleted();
    }

    [Fact]
    public void Terminating_an_element_runs_no_end_listener_and_withdraws_its_boundary_timer()
    {
        var listener = """<zeebe:executionListeners><zeebe:executionListener eventType="end" type="audit"/></zeebe:executionListeners>""";
        var h = Harness.For(Start() + User("A", extra: listener) + BoundaryTimer("late", "A", "P3D") + User("B") + End() + End("lateEnd"),
            "start -> A -> B -> end; late -> lateEnd").Start();
        var timer = h.Wait("late").Id;
        h.Handle(Modify(["B"], ["A"]));
        Assert.Contains(h.Of<WaitPointClosed>(), w => w.WaitId == timer && !w.Triggered);
        Assert.DoesNotContain(h.State.WaitPoints, w => w.Kind == WaitKind.Timer);
        Assert.DoesNotContain(h.Of<JobCreated>(), j => j.Type == "audit");
    }

    [Fact]
    public void Activating_inside_an_inactive_subprocess_creates_its_scope_without_its_start_event()
    {
        var h = Harness.For(Start() + User("A") + Sub("sub", Start("s1") + User("first") + User("second") + End("e1"), Io(("input", "=\"in sub\"", "where"))) + End(),
            "start -> A -> sub -> end; s1 -> first -> second -> e1").Start();
        h.Handle(Modify(["second"], ["A"]));
        Assert.Equal(["second", "sub"], h.Active);
        Assert.DoesNotContain(h.Of<ElementStarted>(), s => s.ElementId is "s1" or "first");
        var sub = h.State.Elements.Single(e => e.ElementId == "sub");
        Assert.Equal("\"in sub\"", sub.Variables!["where"]!.ToJsonString());
        h.CompleteTask("second").AssertCompleted();
        Assert.Contains("sub", h.Ended);
    }

    [Fact]
    public void Activation_variables_are_local_to_the_scope_the_element_is_activated_in()
    {
        var h = Harness.For(Start() + User("A") + Sub("sub", Start("s1") + User("inner") + End("e1")) + User("B") + End(),
            "start -> A -> sub -> B -> end; s1 -> inner -> e1").Start(new { n = 1 });
        h.Handle(new ModifyInstance([new ElementActivation("inner", Harness.Vars(new { note = "moved" })), new ElementActivation("B", Harness.Vars(new { n = 2 }))], ["A"]));
        Assert.Equal("\"moved\"", h.State.Elements.Single(e => e.ElementId == "sub").Variables!["note"]!.ToJsonString());
        Assert.Null(h.Var("note"));
        Assert.Equal("2", h.VarJson("n"));
    }

    [Fact]
    public void Terminating_the_last_element_of_a_subprocess_terminates_the_subprocess_and_continues_nothing()
    {
        var h = Harness.For(Start() + And("fork") + Sub("sub", Start("s1") + User("inner") + End("e1")) + User("other") + User("after") + End() + End("e2"),
            "start -> fork -> sub -> after -> end; fork -> other -> e2; s1 -> inner -> e1").Start();
        h.Handle(Modify(terminate: ["inner"]));
        Assert.Equal(["other"], h.Active);
        Assert.Contains("sub", h.Terminated);
        Assert.DoesNotContain(h.Of<ElementStarted>(), s => s.ElementId == "after");
    }

    [Fact]
    public void Moving_a_token_inside_a_subprocess_keeps_the_subprocess_instance()
    {
        var h = Harness.For(Start() + Sub("sub", Start("s1") + User("x") + User("y") + End("e1")) + End(),
            "start -> sub -> end; s1 -> x -> y -> e1").Start();
        var sub = h.State.Elements.Single(e => e.ElementId == "sub").Key;
        h.Handle(Modify(["y"], ["x"]));
        Assert.Equal(sub, h.State.Elements.Single(e => e.ElementId == "y").ScopeKey);
        Assert.DoesNotContain("sub", h.Terminated);
    }

    [Fact]
    public void A_terminated_parallel_branch_leaves_the_join_waiting_until_the_join_is_terminated_too()
    {
        var h = Harness.For(Start() + And("fork") + User("A") + User("B") + And("join") + User("C") + End(),
            "start -> fork -> A -> join -> C -> end; fork -> B -> join").Start();
        h.Handle(Modify(terminate: ["B"]));
        h.CompleteTask("A");
        Assert.Equal(InstanceStatus.Active, h.State.Status);
        Assert.Empty(h.Active);
        Assert.Single(h.State.Joins);
        h.Handle(Modify(["C"], ["join"]));
        Assert.Empty(h.State.Joins);
        Assert.Equal(1, h.Of<InstanceModified>().Last().Terminated);
        h.CompleteTask("C").AssertCompleted();
    }

    [Fact]
    public void Terminating_and_activating_the_same_element_restarts_it()
    {
        var h = Harness.For(Start() + User("A") + End(), "start -> A -> end").Start();
        var first = h.Wait("A").Id;
        h.Handle(Modify(["A"], ["A"]));
        Assert.NotEqual(first, h.Wait("A").Id);
        Assert.Equal(2, h.Of<UserTaskCreated>().Count());
    }

    [Fact]
    public void Activating_a_multi_instance_element_starts_its_body()
    {
        var h = Harness.For(Start() + User("A") + User("each", inner: Loop("=items")) + End(), "start -> A -> each -> end").Start(new { items = new[] { 1, 2 } });
        h.Handle(Modify(["each"], ["A"]));
        Assert.Equal(2, h.Waits("each").Count());
    }

    [Fact]
    public void Activating_an_element_inside_an_event_subprocess_creates_the_event_subprocess()
    {
        var h = Harness.For(Start() + User("review") + End() + Esp("esp", MessageStart("es", "m"), User("note") + End("ee")),
            "start -> review -> end; es -> note -> ee", Message("m", "ping", "=key")).Start(new { key = "k" });
        h.Handle(Modify(["note"]));
        Assert.Equal(["esp", "note", "review"], h.Active);
        h.CompleteTask("note");
        Assert.Equal(["review"], h.Active);
    }

    [Fact]
    public void Activated_elements_run_their_start_listeners_and_input_mappings()
    {
        var listener = """<zeebe:executionListeners><zeebe:executionListener eventType="start" type="prepare"/></zeebe:executionListeners>""";
        var h = Harness.For(Start() + User("A") + User("B", extra: listener + Io(("input", "=1 + 1", "two"))) + End(), "start -> A -> B -> end").Start();
        h.Handle(Modify(["B"], ["A"]));
        Assert.Single(h.Of<JobCreated>(), j => j.Type == "prepare");
        h.CompleteJob("B");
        Assert.Equal("2", h.State.Elements.Single(e => e.ElementId == "B").Variables!["two"]!.ToJsonString());
    }

    [Fact]
    public void Terminating_a_call_activity_cancels_the_called_instance()
    {
        var parent = Xml(Start() + Call("call", "child") + User("after") + End(), "start -> call -> after -> end");
        var child = Xml(Start() + User("inChild") + End(), "start -> inChild -> end", processId: "child");
        var rt = new MiniRuntime(parent, child);
        var p = rt.Start("p");
        Assert.Equal(InstanceStatus.Active, rt.Instances[2].Status);
        rt.Handle(p, Modify(["after"], ["call"]));
        Assert.Equal(["after"], rt.Instances[p].ActiveElementIds);
        Assert.Equal(InstanceStatus.Cancelled, rt.Instances[2].Status);
    }
}

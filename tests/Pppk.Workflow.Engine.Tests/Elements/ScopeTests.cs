using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Tests.Support;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Elements;

public class ScopeTests
{
    [Fact]
    public void Embedded_subprocess_runs_its_inner_flow_then_continues()
    {
        var h = Harness.For(Start() + Sub("sub", Start("s1") + User("inner") + End("e1")) + User("after"),
            "start -> sub -> after; s1 -> inner -> e1").Start();
        Assert.Equal(["inner", "sub"], h.Active);
        h.CompleteTask("inner");
        Assert.Equal(["after"], h.Active);
    }

    [Fact]
    public void Subprocess_input_mappings_are_locals_of_the_subprocess_scope()
    {
        var h = Harness.For(Start() + Sub("sub", Start("s1") + Service("inner") + End("e1"), Io(("input", "=\"x\"", "mode"))) + User("after"),
            "start -> sub -> after; s1 -> inner -> e1").Start();
        Assert.Equal("\"x\"", h.Of<JobCreated>().Single().Variables["mode"]!.ToJsonString());
        h.CompleteJob("inner", new { mode = "y" });
        Assert.Null(h.Var("mode"));
    }

    [Fact]
    public void Terminate_inside_a_subprocess_ends_only_that_scope()
    {
        var h = Harness.For(Start() + And("fork") + User("outside") +
            Sub("sub", Start("s1") + And("f2") + User("inner") + Task("quick") + Terminate("kill")) + User("after"),
            "start -> fork; fork -> outside; fork -> sub -> after; s1 -> f2; f2 -> inner; f2 -> quick -> kill").Start();
        Assert.Equal(["after", "outside"], h.Active);
        Assert.Contains("inner", h.Terminated);
        Assert.Equal(InstanceStatus.Active, h.State.Status);
        Assert.Contains(h.Of<ElementEnded>(), e => e.ElementId == "sub" && !e.Terminated);
    }

    [Fact]
    public void Error_thrown_in_a_subprocess_is_caught_by_the_boundary_of_the_subprocess()
    {
        var h = Harness.For(Start() + Sub("sub", Start("s1") + ErrorEnd("fail", "err") + """<task id="never"/>""") + BoundaryError("caught", "sub", "err") + User("handle") + User("after"),
            "start -> sub -> after; s1 -> fail; caught -> handle", Error("err", "REJECTED")).Start();
        Assert.Equal(["handle"], h.Active);
    }

    [Fact]
    public void Error_thrown_deep_inside_nested_subprocesses_reaches_the_outer_boundary()
    {
        var h = Harness.For(Start() + Sub("outer", Start("s1") + Sub("middle", Start("s2") + Service("deep") + End("e2")) + End("e1")) +
            BoundaryError("caught", "outer", "err") + User("handle") + End(),
            "start -> outer -> end; s1 -> middle -> e1; s2 -> deep -> e2; caught -> handle", Error("err", "E")).Start();
        h.ThrowError("deep", "E");
        Assert.Equal(["handle"], h.Active);
        Assert.Contains("middle", h.Terminated);
        Assert.Contains("outer", h.Terminated);
    }

    [Fact]
    public void Call_activity_requests_a_child_instance_and_waits()
    {
        var h = Harness.For(Start() + Call("call", "child-process") + User("after"), "start -> call -> after").Start(new { nik = "123" });
        var child = h.Of<ChildInstanceRequested>().Single();
        Assert.Equal(("child-process", "\"123\""), (child.ProcessId, child.Variables["nik"]!.ToJsonString()));
        h.Handle(new ChildCompleted(child.WaitId, Harness.Vars(new { result = "ok" })));
        Assert.Equal(["after"], h.Active);
        Assert.Equal("\"ok\"", h.VarJson("result"));
    }

    [Fact]
    public void Call_activity_without_child_propagation_keeps_only_output_mappings()
    {
        var h = Harness.For(Start() + Call("call", "c", Io(("output", "=score", "childScore")), propagateChild: false) + User("after"), "start -> call -> after").Start();
        h.Handle(new ChildCompleted(h.Wait("call").Id, Harness.Vars(new { score = 5, other = 1 })));
        Assert.Equal("5", h.VarJson("childScore"));
        Assert.Null(h.Var("other"));
    }

    [Fact]
    public void Call_activity_with_propagation_off_and_no_outputs_takes_no_child_variables()
    {
        var h = Harness.For(Start() + Call("call", "c", propagateChild: false) + User("after"), "start -> call -> after").Start();
        h.Handle(new ChildCompleted(h.Wait("call").Id, Harness.Vars(new { other = 1 })));
        Assert.Null(h.Var("other"));
    }

    [Fact]
    public void Child_error_is_caught_by_the_boundary_of_the_call_activity()
    {
        var h = Harness.For(Start() + Call("call", "c") + BoundaryError("err", "call") + User("handle") + User("after"), "start -> call -> after; err -> handle").Start();
        h.Handle(new ChildFailed(h.Wait("call").Id, "ANY"));
        Assert.Equal(["handle"], h.Active);
    }

    [Fact]
    public void Child_that_cannot_be_started_is_an_incident_and_retry_requests_it_again()
    {
        var h = Harness.For(Start() + Call("call", "missing") + User("after"), "start -> call -> after").Start();
        h.Handle(new ChildStartFailed(h.Wait("call").Id, IncidentTexts.ProcessNotDeployed.Format("missing")));
        var incident = Assert.Single(h.State.Incidents);
        Assert.Equal("The process called by 'call' could not be started: no process with key 'missing' is deployed. Deploy it (or fix the processId) and retry.", incident.Message);
        h.Handle(new RetryIncident(incident.Id));
        Assert.Equal(2, h.Of<ChildInstanceRequested>().Count());
    }

    [Fact]
    public void Interrupting_a_call_activity_closes_its_child_wait_so_the_runtime_cancels_the_child()
    {
        var h = Harness.For(Start() + Call("call", "c") + BoundaryTimer("late", "call", "P1D") + User("after"), "start -> call; late -> after").Start();
        h.Advance(TimeSpan.FromDays(1));
        Assert.Contains(h.Of<WaitPointClosed>(), w => w.Kind == WaitKind.ChildInstance && !w.Triggered);
    }

    [Fact]
    public void A_called_instance_reports_completion_to_its_parent()
    {
        var model = Bpmn.Model(Start() + Service("t") + End(), "start -> t -> end");
        var h = new Harness(model);
        var r = h.Engine.Start(model, new StartTrigger(Harness.Vars(new { a = 1 }), ParentWaitId: 77));
        var job = r.Effects.OfType<JobCreated>().Single();
        r = h.Engine.Handle(model, r.State, new JobCompleted(job.WaitId, Harness.Vars(new { b = 2 })));
        var done = r.Effects.OfType<CompletedToParent>().Single();
        Assert.Equal(77, done.ParentWaitId);
        Assert.Equal("2", done.Variables["b"]!.ToJsonString());
    }

    [Fact]
    public void A_called_instance_passes_an_uncaught_error_to_its_parent()
    {
        var model = Bpmn.Model(Start() + ErrorEnd("fail", "e"), "start -> fail", Error("e", "DENIED"));
        var h = new Harness(model);
        var r = h.Engine.Start(model, new StartTrigger(ParentWaitId: 5));
        Assert.Equal(InstanceStatus.Terminated, r.State.Status);
        Assert.Equal(("DENIED", 5L), r.Effects.OfType<ErrorToParent>().Select(e => (e.ErrorCode, e.ParentWaitId)).Single());
    }
}

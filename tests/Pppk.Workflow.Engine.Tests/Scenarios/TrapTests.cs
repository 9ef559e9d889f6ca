using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Tests.Support;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Scenarios;

/// <summary>The combinations that break naive engines.</summary>
public class TrapTests
{
    [Fact]
    public void Error_thrown_three_levels_down_reaches_the_boundary_on_the_call_activity()
    {
        var parent = Xml(Start() + Call("call", "child") + BoundaryError("caught", "call", "err") + User("handle") + End(),
            "start -> call -> end; caught -> handle", Error("err", "NO_BUDGET"));
        var child = Xml(Start("cs") + Sub("outer", Start("s1") + Sub("inner", Start("s2") + Service("check") + End("e2")) + End("e1")) + End("ce"),
            "cs -> outer -> ce; s1 -> inner -> e1; s2 -> check -> e2", processId: "child");
        var rt = new MiniRuntime(parent, child);
        var p = rt.Start("p");
        var c = rt.Instances.Keys.Single(k => k != p);
        rt.Handle(c, new JobThrewError(rt.Wait(c, "check").Id, "NO_BUDGET", "budget exhausted"));
        Assert.Equal(InstanceStatus.Terminated, rt.Instances[c].Status);
        Assert.Equal(["handle"], rt.Instances[p].ActiveElementIds);
    }

    [Fact]
    public void Error_uncaught_in_both_child_and_parent_is_an_incident_on_the_call_activity()
    {
        var parent = Xml(Start() + Call("call", "child") + End(), "start -> call -> end");
        var child = Xml(Start("cs") + Service("check") + End("ce"), "cs -> check -> ce", processId: "child");
        var rt = new MiniRuntime(parent, child);
        var p = rt.Start("p");
        rt.Handle(2, new JobThrewError(rt.Wait(2, "check").Id, "X"));
        Assert.Equal("call", Assert.Single(rt.Instances[p].Incidents).ElementId);
    }

    [Fact]
    public void Child_completion_flows_back_into_the_parent()
    {
        var parent = Xml(Start() + Call("call", "child") + User("after"), "start -> call -> after");
        var child = Xml(Start("cs") + Script("calc", "=x * 2", "y") + End("ce"), "cs -> calc -> ce", processId: "child");
        var rt = new MiniRuntime(parent, child);
        var p = rt.Start("p", new { x = 21 });
        Assert.Equal(InstanceStatus.Completed, rt.Instances[2].Status);
        Assert.Equal("42", rt.Instances[p].Variables["y"]!.ToJsonString());
        Assert.Equal(["after"], rt.Instances[p].ActiveElementIds);
    }

    [Fact]
    public void Timer_on_call_activity_cancels_the_running_child()
    {
        var parent = Xml(Start() + Call("call", "child") + BoundaryTimer("late", "call", "PT1H") + User("after"), "start -> call; late -> after");
        var child = Xml(Start("cs") + User("work") + End("ce"), "cs -> work -> ce", processId: "child");
        var rt = new MiniRuntime(parent, child);
        var p = rt.Start("p");
        rt.Clock.Advance(TimeSpan.FromHours(1));
        rt.Handle(p, new TimerFired(rt.Wait(p, "late").Id));
        Assert.Equal(InstanceStatus.Cancelled, rt.Instances[2].Status);
    }

    [Fact]
    public void A_message_for_a_task_that_was_just_cancelled_is_a_no_op()
    {
        var h = Harness.For(Start() + Receive("waitReply", "m") + BoundaryTimer("late", "waitReply", "P3D") + User("chase"),
            "start -> waitReply; late -> chase", Message("m", "reply", "k")).Start();
        var subscription = h.Wait("waitReply").Id;
        h.Advance(TimeSpan.FromDays(3));
        var before = h.State.ToJson();
        var late = h.Handle(new MessageCorrelated(subscription, Harness.Vars(new { answer = 1 })));
        Assert.True(late.WasIgnored);
        Assert.Contains("no longer exists", late.Ignored);
        Assert.Equal(before, h.State.ToJson());
        Assert.Equal(["chase"], h.Active);
    }

    [Fact]
    public void Boundary_timer_and_task_completion_in_the_same_instant_only_one_wins()
    {
        var h = Harness.For(Start() + User("t") + BoundaryTimer("late", "t", "PT1M") + User("esc") + End(), "start -> t -> end; late -> esc").Start();
        var timer = h.Wait("late").Id;
        h.CompleteTask("t");
        Assert.True(h.Handle(new TimerFired(timer)).WasIgnored);
        h.AssertCompleted();
    }

    [Fact]
    public void Parallel_branches_with_subprocesses_and_timers_join_correctly()
    {
        var h = Harness.For(Start() + And("fork") + Sub("a", Start("as") + CatchTimer("wait", "PT5M") + End("ae")) + Sub("b", Start("bs") + User("work") + End("be")) + And("join") + End(),
            "start -> fork; fork -> a -> join; fork -> b -> join; join -> end; as -> wait -> ae; bs -> work -> be").Start();
        h.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(["b", "work"], h.Active);
        h.CompleteTask("work").AssertCompleted();
    }

    [Fact]
    public void Loop_with_a_timer_inside_does_not_accumulate_wait_points()
    {
        var h = Harness.For(Start() + Xor("merge") + CatchTimer("tick", "PT1H") + Script("count", "=n + 1", "n") + Xor("check") + End(),
            "start -> merge -> tick -> count -> check; check -> merge [=n < 5]; check -> end [default]").Start(new { n = 0 });
        h.Advance(TimeSpan.FromHours(10));
        h.AssertCompleted();
        Assert.Equal("5", h.VarJson("n"));
        Assert.Equal(5, h.Of<TimerScheduled>().Count());
    }

    [Fact]
    public void Terminate_in_a_multi_instance_subprocess_ends_only_that_inner_instance()
    {
        var sub = Sub("each", Start("s1") + And("f") + User("slow") + Task("fast") + Terminate("kill")).Replace("</subProcess>", Loop("=[1,2]", "i") + "</subProcess>");
        var h = Harness.For(Start() + sub + User("after"), "start -> each -> after; s1 -> f; f -> slow; f -> fast -> kill").Start();
        Assert.Equal(["after"], h.Active);
        Assert.Equal(2, h.Of<ElementEnded>().Count(e => e.ElementId == "slow" && e.Terminated));
    }
}

using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Tests.Support;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Elements;

public class BoundaryTests
{
    [Fact]
    public void Interrupting_boundary_timer_cancels_the_task_and_takes_its_flow()
    {
        var h = Harness.For(Start() + User("review") + BoundaryTimer("late", "review", "P2D") + User("escalate") + End(),
            "start -> review -> end; late -> escalate").Start();
        Assert.Single(h.Of<TimerScheduled>());
        h.Advance(TimeSpan.FromDays(2));
        Assert.Equal(["escalate"], h.Active);
        Assert.Contains(h.Of<WaitPointClosed>(), w => w.ElementId == "review" && w.Kind == WaitKind.UserTask && !w.Triggered);
        Assert.Contains("review", h.Terminated);
    }

    [Fact]
    public void Completing_the_task_cancels_its_boundary_timer()
    {
        var h = Harness.For(Start() + User("review") + BoundaryTimer("late", "review", "P2D") + User("escalate") + End(),
            "start -> review -> end; late -> escalate").Start();
        var timer = h.Wait("late").Id;
        h.CompleteTask("review").AssertCompleted();
        Assert.Contains(h.Of<WaitPointClosed>(), w => w.WaitId == timer && !w.Triggered);
        Assert.True(h.Handle(new TimerFired(timer)).WasIgnored);
    }

    [Fact]
    public void Non_interrupting_boundary_timer_keeps_the_task_and_starts_a_parallel_path()
    {
        var h = Harness.For(Start() + User("review") + BoundaryTimer("remind", "review", "P1D", interrupting: false) + Service("email") + End(),
            "start -> review -> end; remind -> email").Start();
        h.Advance(TimeSpan.FromDays(1));
        Assert.Equal(["email", "review"], h.Active);
        Assert.Empty(h.Waits("remind")); // a duration fires once
    }

    [Fact]
    public void Non_interrupting_cycle_keeps_firing_while_the_task_is_open()
    {
        var h = Harness.For(Start() + User("review") + BoundaryTimer("remind", "review", "R/P1D", interrupting: false, kind: "timeCycle") + Service("email") + End("e2") + End(),
            "start -> review -> end; remind -> email -> e2").Start();
        var wait = h.Wait("remind").Id;
        h.Advance(TimeSpan.FromDays(1));
        h.Advance(TimeSpan.FromDays(1));
        h.Advance(TimeSpan.FromDays(1));
        Assert.Equal(3, h.Of<JobCreated>().Count());
        Assert.Equal(4, h.Of<TimerScheduled>().Count(t => t.WaitId == wait));
        h.CompleteTask("review");
        Assert.Empty(h.Waits("remind"));
    }

    [Fact]
    public void Repetition_count_limits_a_cycle()
    {
        var h = Harness.For(Start() + User("review") + BoundaryTimer("remind", "review", "R2/PT1H", interrupting: false, kind: "timeCycle") + Task("note") + End("e2") + End(),
            "start -> review -> end; remind -> note -> e2").Start();
        h.Advance(TimeSpan.FromHours(10));
        Assert.Equal(2, h.Of<ElementEnded>().Count(e => e.ElementId == "note"));
        Assert.Empty(h.Waits("remind"));
    }

    [Fact]
    public void Cron_cycle_on_a_boundary_fires_on_the_schedule()
    {
        var h = Harness.For(Start() + User("review") + BoundaryTimer("remind", "review", "0 0 9 * * *", interrupting: false, kind: "timeCycle") + Task("note") + End("e2") + End(),
            "start -> review -> end; remind -> note -> e2").Start();
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), h.Of<TimerScheduled>().Single().DueAt);
    }

    [Fact]
    public void Interrupting_boundary_message_cancels_the_task()
    {
        var h = Harness.For(Start() + User("review") + BoundaryMessage("withdrawn", "review", "m") + End("stopped") + End(),
            "start -> review -> end; withdrawn -> stopped", Message("m", "withdraw", "=id")).Start(new { id = "A1" });
        h.Correlate("withdrawn", new { reason = "moved" });
        h.AssertCompleted();
        Assert.Equal("\"moved\"", h.VarJson("reason"));
        Assert.Contains("review", h.Terminated);
    }

    [Fact]
    public void Non_interrupting_boundary_message_catches_every_message_while_the_task_lives()
    {
        var h = Harness.For(Start() + User("review") + BoundaryMessage("note", "review", "m", interrupting: false) + Task("log") + End("e2") + End(),
            "start -> review -> end; note -> log -> e2", Message("m", "note", "k")).Start();
        var sub = h.Wait("note").Id;
        h.Handle(new MessageCorrelated(sub));
        h.Handle(new MessageCorrelated(sub));
        Assert.Equal(2, h.Of<ElementEnded>().Count(e => e.ElementId == "log"));
        Assert.Equal(["review"], h.Active);
    }

    [Fact]
    public void Boundary_error_catches_a_job_error_with_the_matching_code()
    {
        var h = Harness.For(Start() + Service("check") + BoundaryError("noBudget", "check", "e1") + BoundaryError("other", "check") + User("fix") + User("generic") + End(),
            "start -> check -> end; noBudget -> fix; other -> generic", Error("e1", "NO_BUDGET")).Start();
        h.ThrowError("check", "NO_BUDGET");
        Assert.Equal(["fix"], h.Active);
    }

    [Fact]
    public void Catch_all_boundary_error_catches_any_code()
    {
        var h = Harness.For(Start() + Service("check") + BoundaryError("noBudget", "check", "e1") + BoundaryError("other", "check") + User("fix") + User("generic") + End(),
            "start -> check -> end; noBudget -> fix; other -> generic", Error("e1", "NO_BUDGET")).Start();
        h.ThrowError("check", "SOMETHING_ELSE");
        Assert.Equal(["generic"], h.Active);
    }

    [Fact]
    public void Uncaught_job_error_is_an_incident_on_the_task()
    {
        var h = Harness.For(Start() + Service("check") + End(), "start -> check -> end").Start();
        h.ThrowError("check", "NOPE");
        var incident = Assert.Single(h.State.Incidents);
        Assert.Equal("check", incident.ElementId);
        Assert.Contains("NOPE", incident.Message);
    }

    [Fact]
    public void Boundary_timer_on_a_multi_instance_body_interrupts_every_inner_instance()
    {
        var h = Harness.For(Start() + User("review", inner: Loop("=reviewers", "reviewer")) + BoundaryTimer("late", "review", "P5D") + User("escalate") + End(),
            "start -> review -> end; late -> escalate").Start(new { reviewers = new[] { "a", "b", "c" } });
        Assert.Equal(3, h.Of<UserTaskCreated>().Count());
        Assert.Single(h.Of<TimerScheduled>());
        h.Handle(new UserTaskCompleted(h.Waits("review").First().Id, "a"));
        Assert.Equal(2, h.Waits("review").Count());
        h.Advance(TimeSpan.FromDays(5));
        Assert.Equal(["escalate"], h.Active);
        Assert.Equal(2, h.Of<WaitPointClosed>().Count(w => w.ElementId == "review" && !w.Triggered));
        Assert.Contains(h.Of<ElementEnded>(), e => e.ElementType == "multiInstanceBody" && e.Terminated);
    }
}

public class BoundaryErrorVariableTests
{
    [Fact]
    public void Variables_thrown_with_a_job_error_reach_the_catching_boundary_path()
    {
        var h = Harness.For(Start() + Service("check") + BoundaryError("caught", "check") + User("fix") + End(), "start -> check -> end; caught -> fix").Start();
        h.Handle(new JobThrewError(h.Wait("check").Id, "NO_BUDGET", "short by 10", Harness.Vars(new { shortfall = 10 })));
        Assert.Equal(["fix"], h.Active);
        Assert.Equal("10", h.VarJson("shortfall"));
    }
}

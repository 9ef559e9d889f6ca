using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Parsing;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Tests.Support;
using Pppk.Workflow.Engine.Validation;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;
using static Pppk.Workflow.Engine.Tests.Support.EventBpmn;

namespace Pppk.Workflow.Engine.Tests.Events;

/// <summary>Event subprocesses in a process and in an embedded subprocess, as Camunda 8 runs them.</summary>
public class EventSubProcessTests
{
    private const string Withdraw = """<message id="m" name="withdraw"><extensionElements><zeebe:subscription correlationKey="=nik"/></extensionElements></message>""";

    private static Harness Withdrawal(bool interrupting) => Harness.For(
        Start() + User("review") + End() + Esp("esp", MessageStart("es", "m", interrupting), User("note") + End("ee")),
        "start -> review -> end; es -> note -> ee", Withdraw).Start(new { nik = "N1" });

    [Fact]
    public void The_start_subscription_opens_with_the_process_and_belongs_to_it()
    {
        var h = Withdrawal(interrupting: true);
        var wait = h.Wait("es");
        Assert.Equal(h.State.Root!.Key, wait.ElementInstanceKey);
        Assert.Contains(h.Of<MessageSubscriptionOpened>(), m => m.ElementId == "es" && m.MessageName == "withdraw" && m.CorrelationKey == "N1");
        Assert.Equal(["review"], h.Active);
    }

    [Fact]
    public void An_interrupting_event_subprocess_ends_the_rest_of_its_scope()
    {
        var h = Withdrawal(interrupting: true);
        h.Correlate("es", new { reason = "resigned" });
        Assert.Contains("review", h.Terminated);
        Assert.Equal(["esp", "note"], h.Active);
        Assert.Equal("\"resigned\"", h.VarJson("reason"));
        Assert.Empty(h.Waits("es")); // triggered once only
        h.CompleteTask("note").AssertCompleted();
        Assert.DoesNotContain("end", h.Ended);
    }

    [Fact]
    public void A_non_interrupting_event_subprocess_runs_beside_the_flow_as_often_as_its_event_happens()
    {
        var h = Withdrawal(interrupting: false);
        h.Correlate("es").Correlate("es");
        Assert.Equal(["esp", "esp", "note", "note", "review"], h.Active);
        h.CompleteTask("review");
        Assert.Equal(InstanceStatus.Active, h.State.Status); // the scope waits for its event subprocesses
        Assert.Single(h.Waits("es")); // the scope is still active, so its subscription too
        foreach (var wait in h.Waits("note").ToList())
            h.Handle(new UserTaskCompleted(wait.Id, "demo"));
        h.AssertCompleted();
    }

    [Fact]
    public void Completing_the_process_withdraws_the_start_subscription()
    {
        var h = Withdrawal(interrupting: false);
        var wait = h.Wait("es").Id;
        h.CompleteTask("review").AssertCompleted();
        Assert.Contains(h.Of<WaitPointClosed>(), w => w.WaitId == wait && !w.Triggered);
        Assert.Empty(h.State.WaitPoints);
    }

    [Fact]
    public void Cancelling_the_instance_withdraws_the_start_subscription()
    {
        var h = Withdrawal(interrupting: true);
        h.Handle(new CancelInstance("test"));
        Assert.Equal(InstanceStatus.Cancelled, h.State.Status);
        Assert.Contains(h.Of<WaitPointClosed>(), w => w.ElementId == "es" && !w.Triggered);
    }

    [Fact]
    public void An_interrupting_one_also_ends_running_non_interrupting_ones()
    {
        var h = Harness.For(
            Start() + User("review") + End()
            + Esp("remind", TimerStart("rs", "R/P1D", interrupting: false, kind: "timeCycle"), User("nudge") + End("re"))
            + Esp("stop", MessageStart("ss", "m"), Task("log") + End("se")),
            "start -> review -> end; rs -> nudge -> re; ss -> log -> se", Withdraw).Start(new { nik = "N1" });
        h.Advance(TimeSpan.FromDays(2));
        Assert.Equal(2, h.Active.Count(a => a == "nudge"));
        Assert.Single(h.Waits("rs")); // a cycle keeps its timer
        h.Correlate("ss");
        h.AssertCompleted();
        Assert.Equal(2, h.Terminated.Count(t => t == "nudge"));
        Assert.Empty(h.State.WaitPoints);
    }

    [Fact]
    public void An_interrupting_timer_event_subprocess_fires_after_its_duration()
    {
        var h = Harness.For(Start() + User("review") + End() + Esp("late", TimerStart("ts", "P3D"), Service("escalate") + End("le")),
            "start -> review -> end; ts -> escalate -> le").Start();
        h.Advance(TimeSpan.FromDays(3));
        Assert.Equal(["escalate", "late"], h.Active);
        h.CompleteJob("escalate").AssertCompleted();
    }

    [Fact]
    public void An_error_event_subprocess_catches_an_error_thrown_in_its_scope()
    {
        var h = Harness.For(Start() + Service("check") + End() + Esp("onError", ErrorStart("es", "E"), Task("log") + End("ee")),
            "start -> check -> end; es -> log -> ee", Error("E", "REJECTED")).Start();
        h.Handle(new JobThrewError(h.Wait("check").Id, "REJECTED", "no", Harness.Vars(new { why = "budget" })));
        h.AssertCompleted();
        Assert.Contains("check", h.Terminated);
        Assert.Contains("log", h.Ended);
        Assert.Equal("\"budget\"", h.VarJson("why"));
    }

    [Fact]
    public void A_catch_all_error_start_catches_any_code_and_a_named_one_wins_over_it()
    {
        var h = Harness.For(Start() + Service("check") + End()
            + Esp("any", ErrorStart("anyStart"), Task("anyLog") + End("ae"))
            + Esp("named", ErrorStart("namedStart", "E"), Task("namedLog") + End("ne")),
            "start -> check -> end; anyStart -> anyLog -> ae; namedStart -> namedLog -> ne", Error("E", "REJECTED")).Start();
        h.ThrowError("check", "REJECTED").AssertCompleted();
        Assert.Contains("namedLog", h.Ended);
        Assert.DoesNotContain("anyLog", h.Ended);

        var other = Harness.For(Start() + Service("check") + End() + Esp("any", ErrorStart("anyStart"), Task("anyLog") + End("ae")),
            "start -> check -> end; anyStart -> anyLog -> ae").Start();
        other.ThrowError("check", "WHATEVER").AssertCompleted();
        Assert.Contains("anyLog", other.Ended);
    }

    [Fact]
    public void The_innermost_handler_wins_the_subprocess_event_subprocess_before_its_boundary_and_the_process()
    {
        var inner = Start("s1") + Service("check") + End("e1") + Esp("innerEsp", ErrorStart("ies", "E"), Task("innerLog") + End("ie"));
        var h = Harness.For(Start() + Sub("sub", inner) + BoundaryError("be", "sub", "E") + Task("boundaryLog") + Task("after") + End() + End("be_end")
            + Esp("outerEsp", ErrorStart("oes", "E"), Task("outerLog") + End("oe")),
            "start -> sub -> after -> end; be -> boundaryLog -> be_end; s1 -> check -> e1; ies -> innerLog -> ie; oes -> outerLog -> oe",
            Error("E", "REJECTED")).Start();
        h.ThrowError("check", "REJECTED").AssertCompleted();
        Assert.Contains("innerLog", h.Ended);
        Assert.Contains("after", h.Ended); // the subprocess completed normally after its event subprocess
        Assert.DoesNotContain("boundaryLog", h.Ended);
        Assert.DoesNotContain("outerLog", h.Ended);
    }

    [Fact]
    public void An_error_thrown_inside_an_event_subprocess_goes_past_its_own_scope()
    {
        var inner = Start("s1") + Service("check") + End("e1") + Esp("innerEsp", ErrorStart("ies"), ErrorEnd("rethrow", "E2"));
        var h = Harness.For(Start() + Sub("sub", inner) + BoundaryError("be", "sub", "E2") + Task("boundaryLog") + End() + End("be_end"),
            "start -> sub -> end; be -> boundaryLog -> be_end; s1 -> check -> e1; ies -> rethrow",
            Error("E", "REJECTED") + Error("E2", "FAILED")).Start();
        h.ThrowError("check", "REJECTED").AssertCompleted();
        Assert.Contains("boundaryLog", h.Ended);
    }

    [Fact]
    public void In_an_embedded_subprocess_the_subscription_lives_as_long_as_the_subprocess()
    {
        var inner = Start("s1") + User("review") + End("e1") + Esp("esp", MessageStart("es", "m", interrupting: false), Task("note") + End("ee"));
        var h = Harness.For(Start() + Sub("sub", inner) + User("later") + End(), "start -> sub -> later -> end; s1 -> review -> e1; es -> note -> ee", Withdraw)
            .Start(new { nik = "N1" });
        var sub = h.State.Elements.Single(e => e.ElementId == "sub");
        Assert.Equal(sub.Key, h.Wait("es").ElementInstanceKey);
        h.Correlate("es");
        Assert.Contains("note", h.Ended);
        h.CompleteTask("review");
        Assert.Equal(["later"], h.Active);
        Assert.Empty(h.Waits("es"));
    }

    [Fact]
    public void Variables_of_the_scope_are_visible_and_writable_inside_the_event_subprocess()
    {
        var h = Harness.For(Start() + Sub("sub", Start("s1") + User("review") + End("e1")
                + Esp("esp", MessageStart("es", "m"), Script("calc", "=local + 1", "local") + End("ee")),
                Io(("input", "=1", "local"), ("output", "=local", "result"))) + End(),
            "start -> sub -> end; s1 -> review -> e1; es -> calc -> ee", Withdraw).Start(new { nik = "N1" });
        h.Correlate("es").AssertCompleted();
        Assert.Equal("2", h.VarJson("result"));
    }

    [Fact]
    public void Event_subprocesses_in_every_inner_instance_of_a_multi_instance_subprocess()
    {
        var inner = Start("s1") + Service("check") + End("e1") + Esp("esp", ErrorStart("es"), Task("log") + End("ee"));
        var h = Harness.For(Start() + $"""<subProcess id="sub">{Loop("=[1,2]")}{inner}</subProcess>""" + End(),
            "start -> sub -> end; s1 -> check -> e1; es -> log -> ee").Start();
        var checks = h.Waits("check").ToList();
        Assert.Equal(2, checks.Count);
        h.Handle(new JobThrewError(checks[0].Id, "ANY"));
        Assert.Single(h.Ended, e => e == "log");
        Assert.Equal(InstanceStatus.Active, h.State.Status);
        h.Handle(new JobCompleted(checks[1].Id));
        h.AssertCompleted();
    }
}

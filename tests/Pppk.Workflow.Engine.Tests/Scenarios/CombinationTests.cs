using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Tests.Support;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Scenarios;

public class CombinationTests
{
    [Fact]
    public void Message_boundary_on_a_subprocess_withdraws_everything_inside()
    {
        var h = Harness.For(Start() + Sub("sub", Start("s1") + And("f") + User("a") + Service("b") + CatchTimer("t", "P1D")) + BoundaryMessage("stop", "sub", "m") + End("stopped") + End(),
            "start -> sub -> end; s1 -> f; f -> a; f -> b; f -> t; stop -> stopped", Message("m", "stop", "k")).Start();
        h.Correlate("stop");
        h.AssertCompleted();
        Assert.Equal(3, h.Of<WaitPointClosed>().Count(w => !w.Triggered));
        Assert.Contains("sub", h.Terminated);
    }

    [Fact]
    public void Non_interrupting_timer_on_a_subprocess_runs_alongside_it()
    {
        var h = Harness.For(Start() + Sub("sub", Start("s1") + User("a") + End("e1")) + BoundaryTimer("note", "sub", "PT1H", interrupting: false) + Service("mail") + End("e2") + End(),
            "start -> sub -> end; s1 -> a -> e1; note -> mail -> e2").Start();
        h.Advance(TimeSpan.FromHours(1));
        Assert.Equal(["a", "mail", "sub"], h.Active);
        h.CompleteTask("a");
        Assert.Equal(["mail"], h.Active);
        h.CompleteJob("mail").AssertCompleted();
    }

    [Fact]
    public void Sequential_multi_instance_with_a_boundary_timer_stops_the_sequence()
    {
        var h = Harness.For(Start() + User("sign", inner: Loop("=[1,2,3]", "i", sequential: true)) + BoundaryTimer("late", "sign", "P1D") + End("timedOut") + End(),
            "start -> sign -> end; late -> timedOut").Start();
        h.CompleteTask("sign");
        h.Advance(TimeSpan.FromDays(1));
        h.AssertCompleted();
        Assert.Equal(2, h.Of<UserTaskCreated>().Count());
        Assert.Contains("timedOut", h.Ended);
    }

    [Fact]
    public void Call_activity_inside_a_subprocess_error_caught_at_the_subprocess()
    {
        var parent = Xml(Start() + Sub("sub", Start("s1") + Call("call", "child") + End("e1")) + BoundaryError("caught", "sub") + User("handle") + End(),
            "start -> sub -> end; s1 -> call -> e1; caught -> handle");
        var child = Xml(Start("cs") + ErrorEnd("boom", "err"), "cs -> boom", Error("err", "BOOM"), processId: "child");
        var rt = new MiniRuntime(parent, child);
        var p = rt.Start("p");
        Assert.Equal(["handle"], rt.Instances[p].ActiveElementIds);
        Assert.Equal(InstanceStatus.Terminated, rt.Instances[2].Status);
    }

    [Fact]
    public void A_timer_whose_expression_result_is_not_a_duration_is_an_incident_and_retry_after_fixing_works()
    {
        var h = Harness.For(Start() + CatchTimer("wait", "=delay") + End(), "start -> wait -> end").Start(new { delay = "soon" });
        var incident = Assert.Single(h.State.Incidents);
        Assert.Contains("cannot be scheduled", incident.Message);
        h.Handle(new SetVariables(Harness.Vars(new { delay = "PT5M" })!));
        h.Handle(new RetryIncident(incident.Id));
        Assert.Single(h.Of<TimerScheduled>());
    }

    [Fact]
    public void A_due_date_that_is_not_a_date_is_an_incident()
    {
        var h = Harness.For(Start() + User("t", extra: "<zeebe:taskSchedule dueDate=\"=deadline\"/>") + End(), "start -> t -> end").Start(new { deadline = "next week" });
        Assert.Contains("not a date", Assert.Single(h.State.Incidents).Message);
        Assert.Empty(h.Of<UserTaskCreated>());
    }

    [Fact]
    public void A_late_job_completion_resolves_its_incident()
    {
        var h = Harness.For(Start() + Service("t") + End(), "start -> t -> end").Start();
        var wait = h.Wait("t").Id;
        h.Handle(new JobFailed(wait, "down", 0));
        Assert.Single(h.State.Incidents);
        h.Handle(new JobCompleted(wait));
        h.AssertCompleted();
        Assert.Single(h.Of<IncidentResolved>());
    }

    [Fact]
    public void Retrying_an_unknown_incident_is_ignored()
    {
        var h = Harness.For(Start() + User("t"), "start -> t").Start();
        Assert.True(h.Handle(new RetryIncident(999)).WasIgnored);
    }

    [Fact]
    public void Set_variables_on_a_subprocess_scope_changes_only_that_scope()
    {
        var h = Harness.For(Start() + Sub("sub", Start("s1") + User("a") + End("e1")) + End(), "start -> sub -> end; s1 -> a -> e1").Start();
        var sub = h.State.Elements.Single(e => e.ElementId == "sub");
        h.Handle(new SetVariables(Harness.Vars(new { local = 1 })!, sub.Key));
        Assert.Null(h.Var("local"));
        Assert.Equal("1", h.State.Find(sub.Key)!.Variables!["local"]!.ToJsonString());
    }

    [Fact]
    public void Message_name_may_be_an_expression()
    {
        var h = Harness.For(Start() + Receive("r", "m") + End(), "start -> r -> end", Message("m", "=\"paid-\" + kind", "=id")).Start(new { kind = "sk", id = "9" });
        Assert.Equal("paid-sk", h.Of<MessageSubscriptionOpened>().Single().MessageName);
    }

    [Fact]
    public void Cancelling_an_instance_with_an_incident_resolves_it()
    {
        var h = Harness.For(Start() + Xor("gw") + End("a"), "start -> gw; gw -> a [=false]").Start();
        Assert.Single(h.State.Incidents);
        h.Handle(new CancelInstance());
        Assert.Empty(h.State.Incidents);
        Assert.Single(h.Of<IncidentResolved>());
    }

    [Fact]
    public void A_state_of_another_process_is_refused()
    {
        var a = Harness.For(Start() + User("t"), "start -> t").Start();
        var other = ProcessModelFor("other");
        Assert.Throws<ArgumentException>(() => a.Engine.Handle(other, a.State, new CancelInstance()));
    }

    private static Engine.Model.ProcessModel ProcessModelFor(string id) =>
        Engine.Model.ProcessModel.Create(Engine.Parsing.BpmnParser.Parse(Xml(Start() + End(), "start -> end", processId: id)), id);

    [Fact]
    public void Multi_instance_over_a_subprocess_with_a_parallel_join_inside()
    {
        var sub = Sub("each", Start("s1") + And("f") + Service("x") + Service("y") + And("j") + End("e1")).Replace("</subProcess>", Loop("=[1,2]", "i") + "</subProcess>");
        var h = Harness.For(Start() + sub + End(), "start -> each -> end; s1 -> f; f -> x -> j; f -> y -> j; j -> e1").Start();
        Assert.Equal(4, h.Of<JobCreated>().Count());
        foreach (var job in h.Of<JobCreated>().ToList())
            h.Handle(new JobCompleted(job.WaitId));
        h.AssertCompleted();
    }

    [Fact]
    public void Boundary_event_output_mappings_see_the_message_variables()
    {
        var boundary = BoundaryMessage("msg", "t", "m").Replace("</boundaryEvent>", "<extensionElements>" + Io(("output", "=payload.reason", "reason")) + "</extensionElements></boundaryEvent>");
        var h = Harness.For(Start() + User("t") + boundary + End("e2") + End(), "start -> t -> end; msg -> e2", Message("m", "withdraw", "k")).Start();
        h.Correlate("msg", new { payload = new { reason = "moved" } });
        Assert.Equal("\"moved\"", h.VarJson("reason"));
        Assert.Null(h.Var("payload"));
    }

    [Fact]
    public void Two_tokens_arriving_at_a_three_way_join_wait_for_the_third()
    {
        var h = Harness.For(Start() + And("f") + Task("a") + Task("b") + User("c") + And("j") + End(),
            "start -> f; f -> a -> j; f -> b -> j; f -> c -> j; j -> end").Start();
        Assert.Equal(2, h.State.Joins.Count);
        h.CompleteTask("c").AssertCompleted();
    }
}

public class RunawayLoopTests
{
    [Fact]
    public void A_loop_without_a_wait_state_is_stopped_with_a_clear_error()
    {
        var model = Bpmn.Model(Start() + Xor("merge") + Script("inc", "=n + 1", "n") + Xor("check") + End(), "start -> merge -> inc -> check; check -> merge [=n > 0]; check -> end [default]");
        var h = new Harness(model);
        var e = Assert.Throws<Pppk.Workflow.Engine.Execution.StepLimitExceededException>(() => h.Start(new { n = 1 }));
        Assert.Contains("no wait state", e.Message);
    }
}

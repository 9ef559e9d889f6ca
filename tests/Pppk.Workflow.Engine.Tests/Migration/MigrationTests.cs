using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Migration;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Tests.Support;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;
using static Pppk.Workflow.Engine.Tests.Support.EventBpmn;

namespace Pppk.Workflow.Engine.Tests.Migration;

/// <summary>What a migration carries over, element kind by element kind, and how the instance goes on in the target.</summary>
public class MigrationTests
{
    private static ElementMapping Map(string from, string to) => new(from, to);

    [Fact]
    public void A_user_task_keeps_its_wait_and_gets_the_target_name_form_and_priority()
    {
        var h = Harness.For(Start() + User("review", "rina", """<zeebe:formDefinition formId="form-a"/>""") + End(), "start -> review -> end").Start();
        var wait = h.Wait("review").Id;
        var target = Bpmn.Model(Start() + """<userTask id="review" name="Review v2"><extensionElements><zeebe:userTask/><zeebe:assignmentDefinition assignee="other"/><zeebe:formDefinition formId="form-b"/><zeebe:priorityDefinition priority="80"/></extensionElements></userTask>"""
            + User("sign") + End(), "start -> review -> sign -> end");
        var m = h.MigrateTo(target);
        var moved = m.Last.Effects.OfType<UserTaskMigrated>().Single();
        Assert.Equal((wait, "review", "Review v2", "form-b", 80), (moved.WaitId, moved.ElementId, moved.Name, moved.FormId, moved.Priority));
        Assert.DoesNotContain(m.Last.Effects, e => e is UserTaskCreated or WaitPointClosed); // the task stays: same id, same assignee
        Assert.Equal(wait, m.Wait("review").Id);
        m.CompleteTask("review");
        Assert.Equal(["sign"], m.Active); // the target's flow
    }

    [Fact]
    public void An_explicit_mapping_moves_the_element_and_its_history_row()
    {
        var h = Harness.For(Start() + User("review") + End(), "start -> review -> end").Start();
        var m = h.MigrateTo(Bpmn.Model(Start() + User("check") + End(), "start -> check -> end"), Map("review", "check"));
        Assert.Equal(["check"], m.Active);
        Assert.Contains(m.Last.Effects.OfType<ElementMigrated>(), e => e.ElementId == "check" && e.Name == "check name");
        var migrated = m.Last.Effects.OfType<InstanceMigrated>().Single();
        Assert.Equal([Map("review", "check")], migrated.Mappings);
        m.CompleteTask("check").AssertCompleted();
    }

    [Fact]
    public void A_timer_is_re_armed_as_the_target_defines_it()
    {
        var h = Harness.For(Start() + CatchTimer("wait", "P1D") + User("after") + End(), "start -> wait -> after -> end").Start();
        var old = h.Wait("wait").Id;
        h.Clock.Advance(TimeSpan.FromHours(12));
        var m = h.MigrateTo(Bpmn.Model(Start() + CatchTimer("wait", "P3D") + User("after") + End(), "start -> wait -> after -> end"));
        Assert.Contains(m.Last.Effects.OfType<WaitPointClosed>(), w => w.WaitId == old && !w.Triggered);
        var armed = m.Last.Effects.OfType<TimerScheduled>().Single();
        Assert.Equal(m.Clock.Now + TimeSpan.FromDays(3), armed.DueAt);
        m.Advance(TimeSpan.FromDays(2));
        Assert.Equal(["wait"], m.Active); // the source's day passed; the target's three days have not
        m.Advance(TimeSpan.FromDays(1));
        Assert.Equal(["after"], m.Active);
    }

    [Fact]
    public void A_message_subscription_is_kept_when_name_and_key_stay_and_reopened_when_they_change()
    {
        const string elements = """<intermediateCatchEvent id="catch"><messageEventDefinition messageRef="m"/></intermediateCatchEvent>""";
        var h = Harness.For(Start() + elements + End(), "start -> catch -> end", Message("m", "bkn-reply", "=nip")).Start(new { nip = "42", nik = "7" });
        var wait = h.Wait("catch").Id;
        var same = h.MigrateTo(Bpmn.Model(Start() + elements + User("after") + End(), "start -> catch -> after -> end", Message("m", "bkn-reply", "=nip")));
        Assert.Contains(same.Last.Effects.OfType<WaitPointMigrated>(), w => w.WaitId == wait && w.Kind == WaitKind.Message);
        Assert.DoesNotContain(same.Last.Effects, e => e is MessageSubscriptionOpened);
        same.Correlate("catch");
        Assert.Equal(["after"], same.Active);

        var changed = h.MigrateTo(Bpmn.Model(Start() + elements + End(), "start -> catch -> end", Message("m", "bkn-reply-2", "=nik")));
        Assert.Contains(changed.Last.Effects.OfType<WaitPointClosed>(), w => w.WaitId == wait);
        var opened = changed.Last.Effects.OfType<MessageSubscriptionOpened>().Single();
        Assert.Equal(("bkn-reply-2", "7"), (opened.MessageName, opened.CorrelationKey));
    }

    [Fact]
    public void Boundary_events_only_in_the_source_close_and_new_ones_in_the_target_open()
    {
        var h = Harness.For(Start() + User("review") + BoundaryTimer("late", "review", "P2D") + End() + End("e2"), "start -> review -> end; late -> e2").Start();
        var late = h.Wait("late").Id;
        var target = Bpmn.Model(Start() + User("review") + BoundaryMessage("withdrawn", "review", "m") + End() + End("e2"), "start -> review -> end; withdrawn -> e2",
            Message("m", "withdraw", "=\"k\""));
        var m = h.MigrateTo(target);
        Assert.Contains(m.Last.Effects.OfType<WaitPointClosed>(), w => w.WaitId == late);
        Assert.Equal("withdraw", m.Last.Effects.OfType<MessageSubscriptionOpened>().Single().MessageName);
        m.Correlate("withdrawn").AssertCompleted();
    }

    [Fact]
    public void A_boundary_timer_both_versions_have_is_re_armed_for_the_target()
    {
        var h = Harness.For(Start() + User("review") + BoundaryTimer("late", "review", "P2D") + End() + End("e2"), "start -> review -> end; late -> e2").Start();
        var m = h.MigrateTo(Bpmn.Model(Start() + User("review") + BoundaryTimer("late", "review", "P5D") + End() + End("e2"), "start -> review -> end; late -> e2"));
        Assert.Equal(h.Clock.Now + TimeSpan.FromDays(5), m.Wait("late").DueAt);
    }

    [Fact]
    public void Event_subprocess_starts_follow_the_target_and_a_running_event_subprocess_is_kept()
    {
        var source = Start() + User("work") + End() + Esp("esp", MessageStart("msgStart", "m", interrupting: false), User("handle") + End("espEnd"));
        var h = Harness.For(source, "start -> work -> end; msgStart -> handle -> espEnd", Message("m", "note", "=\"k\"")).Start();
        h.Correlate("msgStart");
        Assert.Equal(["esp", "handle", "work"], h.Active);
        var target = Start() + User("work") + End() + Esp("esp", MessageStart("msgStart", "m", interrupting: false), User("handle") + End("espEnd"))
            + Esp("timeout", TimerStart("timerStart", "P10D"), End("timeoutEnd"));
        var m = h.MigrateTo(Bpmn.Model(target, "start -> work -> end; msgStart -> handle -> espEnd; timerStart -> timeoutEnd", Message("m", "note", "=\"k\"")));
        Assert.Equal(["esp", "handle", "work"], m.Active);
        Assert.Equal(m.Clock.Now + TimeSpan.FromDays(10), m.Wait("timerStart").DueAt); // the new event subprocess waits
        Assert.Single(m.Waits("msgStart")); // the kept one still waits, once
        m.CompleteTask("handle");
        m.CompleteTask("work").AssertCompleted();
    }

    [Fact]
    public void A_multi_instance_body_and_its_inner_instances_move_together()
    {
        var h = Harness.For(Start() + User("approve", inner: Loop("=approvers", "approver")) + End(), "start -> approve -> end").Start(new { approvers = new[] { "a", "b" } });
        var m = h.MigrateTo(Bpmn.Model(Start() + User("sign", inner: Loop("=approvers", "approver")) + User("after") + End(), "start -> sign -> after -> end"), Map("approve", "sign"));
        Assert.Equal(2, m.Waits("sign").Count());
        foreach (var wait in m.Waits("sign").ToList())
            m.Handle(new UserTaskCompleted(wait.Id, "demo"));
        Assert.Equal(["after"], m.Active);
    }

    [Fact]
    public void A_call_activity_keeps_its_child_and_a_child_keeps_its_parent_wait()
    {
        var h = Harness.For(Start() + Call("call", "child") + End(), "start -> call -> end").Start();
        var wait = h.Wait("call").Id;
        var m = h.MigrateTo(Bpmn.Model(Start() + Call("call", "child") + User("after") + End(), "start -> call -> after -> end"));
        Assert.Contains(m.Last.Effects.OfType<WaitPointMigrated>(), w => w.WaitId == wait && w.Kind == WaitKind.ChildInstance);
        Assert.DoesNotContain(m.Last.Effects, e => e is ChildInstanceRequested or WaitPointClosed);
        m.Handle(new ChildCompleted(wait));
        Assert.Equal(["after"], m.Active);

        var clock = new FakeTimeProvider();
        var engine = new WorkflowEngine(clock, Harness.Environment(clock));
        var childModel = Bpmn.Model(Start() + User("task") + End(), "start -> task -> end");
        var started = engine.Start(childModel, new StartTrigger(ParentWaitId: 99));
        var migrated = engine.Migrate(childModel, Bpmn.Model(Start() + User("task") + User("more") + End(), "start -> task -> more -> end"), started.State, []);
        Assert.Equal(99, migrated.State.ParentWaitId);
    }

    [Fact]
    public void A_job_keeps_its_wait_with_the_target_type_and_headers()
    {
        var h = Harness.For(Start() + Service("check", "fiscal-v1") + End(), "start -> check -> end").Start();
        var wait = h.Wait("check").Id;
        var m = h.MigrateTo(Bpmn.Model(Start() + Service("check", "fiscal-v2", """<zeebe:taskHeaders><zeebe:header key="rule" value="2026"/></zeebe:taskHeaders>""") + End(), "start -> check -> end"));
        var job = m.Last.Effects.OfType<JobMigrated>().Single();
        Assert.Equal((wait, "fiscal-v2", "2026"), (job.WaitId, job.Type, job.Headers["rule"]));
        Assert.Equal("fiscal-v2", m.Wait("check").JobType);
    }

    [Fact]
    public void An_incident_is_carried_to_the_mapped_element_and_its_retry_runs_there()
    {
        var h = Harness.For(Start() + Service("check", "fiscal-v1") + End(), "start -> check -> end").Start();
        h.Handle(new JobFailed(h.Wait("check").Id, "down", 0));
        var incident = Assert.Single(h.State.Incidents);
        var m = h.MigrateTo(Bpmn.Model(Start() + Service("verify", "fiscal-v2") + User("after") + End(), "start -> verify -> after -> end"), Map("check", "verify"));
        Assert.Equal("verify", Assert.Single(m.State.Incidents).ElementId);
        Assert.Contains(m.Last.Effects.OfType<IncidentMigrated>(), i => i.IncidentId == incident.Id && i.ElementId == "verify");
        m.Handle(new RetryIncident(incident.Id));
        Assert.Equal("fiscal-v2", m.Last.Effects.OfType<JobCreated>().Single().Type);
        m.CompleteJob("verify");
        Assert.Equal(["after"], m.Active);
    }

    [Fact]
    public void Tokens_waiting_at_a_join_stay_when_the_target_has_the_join()
    {
        const string flows = "start -> fork; fork -> a; fork -> b; a -> join; b -> join; join -> end";
        var h = Harness.For(Start() + And("fork") + User("a") + User("b") + And("join") + End(), flows).Start();
        h.CompleteTask("a");
        Assert.Single(h.State.Joins);
        var m = h.MigrateTo(Bpmn.Model(Start() + And("fork") + User("a") + User("b") + And("join") + End(), flows));
        m.CompleteTask("b").AssertCompleted();
    }

    [Fact]
    public void The_plan_lists_the_effective_mapping_of_each_active_element()
    {
        var h = Harness.For(Start() + And("fork") + User("a") + User("b"), "start -> fork; fork -> a; fork -> b").Start();
        var plan = MigrationPlanner.Check(h.Model, Bpmn.Model(Start() + And("fork") + User("a") + User("c"), "start -> fork; fork -> a; fork -> c"), h.State, [Map("b", "c")]);
        Assert.True(plan.IsValid);
        Assert.Equal([Map("a", "a"), Map("b", "c")], plan.Mappings.OrderBy(x => x.SourceElementId));
    }

    [Fact]
    public void An_event_based_gateway_keeps_its_subscriptions_and_re_arms_its_timer()
    {
        const string flows = "start -> gw; gw -> late -> end; gw -> reply -> after -> e2";
        var h = Harness.For(Start() + EventGateway("gw") + CatchTimer("late", "P1D") + CatchMessage("reply", "m") + End() + User("after") + End("e2"), flows,
            Message("m", "reply", "=\"k\"")).Start();
        var reply = h.Wait("reply").Id;
        var m = h.MigrateTo(Bpmn.Model(Start() + EventGateway("gw") + CatchTimer("late", "P7D") + CatchMessage("reply", "m") + End() + User("after") + End("e2"), flows,
            Message("m", "reply", "=\"k\"")));
        Assert.Equal(m.Clock.Now + TimeSpan.FromDays(7), m.Wait("late").DueAt);
        Assert.Equal(reply, m.Wait("reply").Id);
        m.Correlate("reply");
        Assert.Equal(["after"], m.Active);
        Assert.Empty(m.Waits("late")); // the gateway's other event was withdrawn, as before migration
    }

    [Fact]
    public void A_non_interrupting_boundary_timer_that_already_fired_does_not_fire_again()
    {
        const string flows = "start -> review -> end; remind -> email -> e2";
        var h = Harness.For(Start() + User("review") + BoundaryTimer("remind", "review", "P1D", interrupting: false) + Service("email") + End() + End("e2"), flows).Start();
        h.Advance(TimeSpan.FromDays(1));
        Assert.Empty(h.Waits("remind"));
        var m = h.MigrateTo(Bpmn.Model(Start() + User("review") + BoundaryTimer("remind", "review", "P2D", interrupting: false) + Service("email") + End() + End("e2"), flows));
        Assert.Empty(m.Waits("remind")); // spent in the source, not armed again
        Assert.DoesNotContain(m.Last.Effects, e => e is TimerScheduled);
    }

    [Fact]
    public void A_boundary_event_that_keeps_its_id_but_changes_kind_is_closed_and_opened_as_the_target_defines_it()
    {
        var h = Harness.For(Start() + User("review") + BoundaryTimer("stop", "review", "P2D") + End() + End("e2"), "start -> review -> end; stop -> e2").Start();
        var timer = h.Wait("stop").Id;
        var m = h.MigrateTo(Bpmn.Model(Start() + User("review") + BoundaryMessage("stop", "review", "m") + End() + End("e2"), "start -> review -> end; stop -> e2",
            Message("m", "stop", "=\"k\"")));
        Assert.Contains(m.Last.Effects.OfType<WaitPointClosed>(), w => w.WaitId == timer);
        Assert.Equal(WaitKind.Message, m.Wait("stop").Kind);
    }
}

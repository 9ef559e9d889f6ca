using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Engine.Migration;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.Tests.Support;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;
using static Pppk.Workflow.Engine.Tests.Support.EventBpmn;

namespace Pppk.Workflow.Engine.Tests.Migration;

/// <summary>Each plan the check refuses, with its code and the element it names; several problems are all listed.</summary>
public class MigrationRefusalTests
{
    private static ElementMapping Map(string from, string to) => new(from, to);

    private static MigrationPlan Check(Harness h, ProcessModel target, params ElementMapping[] mappings)
    {
        var plan = MigrationPlanner.Check(h.Model, target, h.State, mappings);
        Assert.Throws<InvalidOperationException>(() => h.Engine.Migrate(h.Model, target, h.State, mappings));
        return plan;
    }

    private static void Refused(MigrationPlan plan, string code, string elementId)
    {
        Assert.Contains(plan.Problems, p => p.Code == code && p.ElementId == elementId);
        var problem = plan.Problems.First(p => p.Code == code);
        Assert.Contains(elementId, problem.Message.In(Language.English));
        Assert.NotEqual(problem.Message.In(Language.English), problem.Message.In(Language.Indonesian));
    }

    [Fact]
    public void An_active_element_the_target_lacks_and_the_plan_does_not_map()
    {
        var h = Harness.For(Start() + User("review") + End(), "start -> review -> end").Start();
        Refused(Check(h, Bpmn.Model(Start() + User("check") + End(), "start -> check -> end")), "migration-unmapped", "review");
    }

    [Fact]
    public void A_mapping_to_an_element_the_target_lacks_and_one_from_an_element_the_source_lacks()
    {
        var h = Harness.For(Start() + User("review") + End(), "start -> review -> end").Start();
        var plan = Check(h, Bpmn.Model(Start() + User("check") + End(), "start -> check -> end"), Map("review", "nowhere"), Map("ghost", "check"));
        Refused(plan, "migration-target-missing", "review");
        Refused(plan, "migration-source-unknown", "ghost");
    }

    [Fact]
    public void A_user_task_that_would_become_a_service_task()
    {
        var h = Harness.For(Start() + User("review") + End(), "start -> review -> end").Start();
        Refused(Check(h, Bpmn.Model(Start() + Service("review") + End(), "start -> review -> end")), "migration-type-differs", "review");
    }

    [Fact]
    public void A_catch_event_that_would_wait_for_another_kind_of_event()
    {
        var h = Harness.For(Start() + CatchTimer("wait", "P1D") + End(), "start -> wait -> end").Start();
        var target = Bpmn.Model(Start() + CatchMessage("wait", "m") + End(), "start -> wait -> end", Message("m", "x", "=\"k\""));
        Refused(Check(h, target), "migration-event-differs", "wait");
    }

    [Fact]
    public void A_multi_instance_body_mapped_to_a_plain_activity()
    {
        var h = Harness.For(Start() + User("approve", inner: Loop("=[1,2]")) + End(), "start -> approve -> end").Start();
        Refused(Check(h, Bpmn.Model(Start() + User("approve") + End(), "start -> approve -> end")), "migration-multi-instance", "approve");
    }

    [Fact]
    public void An_element_that_would_land_in_a_scope_that_does_not_exist()
    {
        var h = Harness.For(Start() + Sub("sub", Start("s1") + User("inner") + End("e1")) + End(), "start -> sub -> end; s1 -> inner -> e1").Start();
        var target = Bpmn.Model(Start() + Sub("sub", Start("s1") + User("other") + End("e1")) + User("inner") + End(), "start -> sub -> inner -> end; s1 -> other -> e1");
        Refused(Check(h, target), "migration-scope-differs", "inner");
    }

    [Fact]
    public void An_inner_instance_mapped_elsewhere_than_its_multi_instance_body()
    {
        var h = Harness.For(Start() + User("approve", inner: Loop("=[1,2]")) + End(), "start -> approve -> end").Start();
        var target = Bpmn.Model(Start() + User("approve", inner: Loop("=[1,2]")) + User("other", inner: Loop("=[1,2]")) + End(), "start -> approve -> other -> end");
        // the body goes to 'other' but the inner instances (same element id) go with it: refusing a split is the scope rule
        var plan = MigrationPlanner.Check(h.Model, target, h.State, [Map("approve", "other")]);
        Assert.True(plan.IsValid);
        Assert.Equal([Map("approve", "other")], plan.Mappings);
    }

    [Fact]
    public void A_running_event_subprocess_mapped_to_something_else()
    {
        var source = Start() + User("work") + End() + Esp("esp", MessageStart("msgStart", "m", interrupting: false), User("handle") + End("espEnd"));
        var h = Harness.For(source, "start -> work -> end; msgStart -> handle -> espEnd", Message("m", "note", "=\"k\"")).Start();
        h.Correlate("msgStart");
        var target = Bpmn.Model(Start() + User("work") + End() + Esp("esp", TimerStart("msgStart", "P1D", interrupting: false), User("handle") + End("espEnd")),
            "start -> work -> end; msgStart -> handle -> espEnd");
        Refused(Check(h, target), "migration-event-subprocess", "esp");
    }

    [Fact]
    public void A_boundary_event_mapped_to_another_kind_of_catch_event()
    {
        var h = Harness.For(Start() + User("review") + BoundaryTimer("late", "review", "P2D") + End() + End("e2"), "start -> review -> end; late -> e2").Start();
        var target = Bpmn.Model(Start() + User("review") + BoundaryMessage("withdrawn", "review", "m") + End() + End("e2"), "start -> review -> end; withdrawn -> e2",
            Message("m", "withdraw", "=\"k\""));
        Refused(Check(h, target, Map("late", "withdrawn")), "migration-catch-event-differs", "late");
    }

    [Fact]
    public void Tokens_at_a_join_the_target_no_longer_has()
    {
        var h = Harness.For(Start() + And("fork") + User("a") + User("b") + And("join") + End(), "start -> fork; fork -> a; fork -> b; a -> join; b -> join; join -> end").Start();
        h.CompleteTask("a");
        var target = Bpmn.Model(Start() + And("fork") + User("a") + User("b") + End() + End("e2"), "start -> fork; fork -> a; fork -> b; a -> end; b -> e2");
        Refused(Check(h, target), "migration-join-lost", "join");
    }

    [Fact]
    public void Every_problem_is_listed_not_only_the_first()
    {
        var h = Harness.For(Start() + And("fork") + User("a") + User("b") + User("c"), "start -> fork; fork -> a; fork -> b; fork -> c").Start();
        var target = Bpmn.Model(Start() + And("fork") + Service("a") + User("x"), "start -> fork; fork -> a; fork -> x");
        var plan = Check(h, target, Map("c", "missing"));
        Assert.Equal(["a:migration-type-differs", "b:migration-unmapped", "c:migration-target-missing"],
            plan.Problems.Select(p => $"{p.ElementId}:{p.Code}").Order());
    }

    [Fact]
    public void A_source_element_mapped_twice()
    {
        var h = Harness.For(Start() + User("review") + End(), "start -> review -> end").Start();
        var target = Bpmn.Model(Start() + User("a") + User("b") + End(), "start -> a -> b -> end");
        Refused(Check(h, target, Map("review", "a"), Map("review", "b")), "migration-duplicate-mapping", "review");
    }

    [Fact]
    public void An_active_subprocess_mapped_elsewhere_than_its_children()
    {
        const string flows = "start -> sub -> other -> end; s1 -> inner -> e1; s2 -> inner2 -> e2";
        var h = Harness.For(Start() + Sub("sub", Start("s1") + User("inner") + End("e1")) + Sub("other", Start("s2") + User("inner2") + End("e2")) + End(), flows).Start();
        var target = Bpmn.Model(Start() + Sub("sub", Start("s1") + User("inner") + End("e1")) + Sub("other", Start("s2") + User("inner2") + End("e2")) + End(), flows);
        Refused(Check(h, target, Map("sub", "other")), "migration-scope-differs", "inner");
    }

    [Fact]
    public void An_event_based_gateway_whose_event_the_target_no_longer_has_after_it()
    {
        var h = Harness.For(Start() + EventGateway("gw") + CatchTimer("late", "P1D") + CatchMessage("reply", "m") + End() + End("e2"),
            "start -> gw; gw -> late -> end; gw -> reply -> e2", Message("m", "reply", "=\"k\"")).Start();
        var target = Bpmn.Model(Start() + EventGateway("gw") + CatchTimer("late", "P1D") + CatchTimer("reply", "P2D") + End() + End("e2"),
            "start -> gw; gw -> late -> end; gw -> reply -> e2");
        Refused(Check(h, target), "migration-gateway-event-missing", "gw");
    }

    [Fact]
    public void A_running_listener_the_target_element_does_not_have()
    {
        const string listener = """<zeebe:executionListeners><zeebe:executionListener eventType="start" type="audit" retries="1"/></zeebe:executionListeners>""";
        var h = Harness.For(Start() + User("review", extra: listener) + End(), "start -> review -> end").Start();
        Assert.Contains(h.State.WaitPoints, w => w.Listener is not null);
        Refused(Check(h, Bpmn.Model(Start() + User("review") + End(), "start -> review -> end")), "migration-listener-not-kept", "review");
    }

    [Fact]
    public void A_job_the_target_element_has_no_type_for()
    {
        var h = Harness.For(Start() + Service("send") + End(), "start -> send -> end").Start();
        var target = Bpmn.Model(Start() + """<serviceTask id="send"/>""" + End(), "start -> send -> end");
        Refused(Check(h, target), "migration-wait-not-kept", "send");
    }

    [Fact]
    public void A_compensable_activity_the_target_lacks()
    {
        const string compensable = """<boundaryEvent id="cA" attachedToRef="A"><compensateEventDefinition/></boundaryEvent><serviceTask id="undoA" isForCompensation="true"><extensionElements><zeebe:taskDefinition type="undo"/></extensionElements></serviceTask><association id="asA" associationDirection="One" sourceRef="cA" targetRef="undoA"/>""";
        var h = Harness.For(Start() + Service("A") + compensable + User("after") + End(), "start -> A -> after -> end").Start();
        h.CompleteJob("A");
        Refused(Check(h, Bpmn.Model(Start() + User("after") + End(), "start -> after -> end")), "migration-compensation-lost", "A");
    }

    [Fact]
    public void A_target_of_another_process()
    {
        var h = Harness.For(Start() + User("review") + End(), "start -> review -> end").Start();
        var other = ProcessModel.Create(Pppk.Workflow.Engine.Parsing.BpmnParser.Parse(Xml(Start() + User("review") + End(), "start -> review -> end", processId: "q")), "q");
        Refused(Check(h, other), "migration-other-process", "p");
    }
}

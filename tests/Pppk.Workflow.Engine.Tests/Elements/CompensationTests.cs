using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Tests.Support;
using Pppk.Workflow.Engine.Validation;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;
using static Pppk.Workflow.Engine.Tests.Support.EventBpmn;

namespace Pppk.Workflow.Engine.Tests.Elements;

public class CompensationTests
{
    /// <summary>A compensation boundary on <paramref name="activity"/>, associated with a service task handler "undo{activity}".</summary>
    private static string Compensable(string activity, string handlerKind = "job") =>
        $"""<boundaryEvent id="c{activity}" attachedToRef="{activity}"><compensateEventDefinition/></boundaryEvent>"""
        + (handlerKind == "job"
            ? Service($"undo{activity}", "undo").Replace($"<serviceTask id=\"undo{activity}\"", $"<serviceTask id=\"undo{activity}\" isForCompensation=\"true\"")
            : User($"undo{activity}").Replace($"<userTask id=\"undo{activity}\"", $"<userTask id=\"undo{activity}\" isForCompensation=\"true\""))
        + $"""<association id="as{activity}" associationDirection="One" sourceRef="c{activity}" targetRef="undo{activity}"/>""";

    private static string ThrowCompensation(string id, string? activityRef = null) =>
        $"""<intermediateThrowEvent id="{id}"><compensateEventDefinition{(activityRef is null ? "" : $" activityRef=\"{activityRef}\"")}/></intermediateThrowEvent>""";

    private static string EndCompensation(string id) => $"""<endEvent id="{id}"><compensateEventDefinition/></endEvent>""";

    private static Harness Booking() => Harness.For(
        Start() + Service("A") + Compensable("A") + Service("B") + Compensable("B") + ThrowCompensation("undo") + User("after") + End(),
        "start -> A -> B -> undo -> after -> end");

    [Fact]
    public void A_throw_event_runs_the_handlers_of_every_completed_activity_latest_first_and_waits_for_them()
    {
        var h = Booking().Start();
        h.CompleteJob("A").CompleteJob("B");
        Assert.Equal(["undo", "undoA", "undoB"], h.Active);
        Assert.Equal(["undoB", "undoA"], h.Of<JobCreated>().Where(j => j.Type == "undo").Select(j => j.ElementId));
        h.CompleteJob("undoB");
        Assert.Equal(["undo", "undoA"], h.Active);
        h.CompleteJob("undoA");
        Assert.Equal(["after"], h.Active);
        Assert.Null(h.State.Compensable);
    }

    [Fact]
    public void Only_activities_that_completed_are_compensated()
    {
        var h = Harness.For(Start() + Service("A") + Compensable("A") + Xor("gw") + Service("B") + Compensable("B") + Xor("merge") + ThrowCompensation("undo") + End(),
            "start -> A -> gw; gw -> B [=takeB] -> merge; gw -> merge [default]; merge -> undo -> end").Start(new { takeB = false });
        h.CompleteJob("A");
        Assert.Equal(["undo", "undoA"], h.Active);
        h.CompleteJob("undoA");
        h.AssertCompleted();
    }

    [Fact]
    public void An_activity_ended_by_an_interrupting_boundary_event_is_not_compensated()
    {
        var h = Harness.For(Start() + Service("A") + Compensable("A") + BoundaryTimer("late", "A", "PT1H") + ThrowCompensation("undo") + End() + Xor("merge"),
            "start -> A -> merge; late -> merge; merge -> undo -> end").Start();
        h.Advance(TimeSpan.FromHours(2));
        h.AssertCompleted();
        Assert.DoesNotContain("undoA", h.Ended);
    }

    [Fact]
    public void Activity_ref_compensates_that_activity_only()
    {
        var h = Harness.For(Start() + Service("A") + Compensable("A") + Service("B") + Compensable("B") + ThrowCompensation("undo", activityRef: "A") + User("after") + End(),
            "start -> A -> B -> undo -> after -> end").Start();
        h.CompleteJob("A").CompleteJob("B");
        Assert.Equal(["undo", "undoA"], h.Active);
        h.CompleteJob("undoA");
        Assert.Equal(["after"], h.Active);
        Assert.Single(h.State.Compensable!, r => r.ElementId == "B");
    }

    [Fact]
    public void An_activity_completed_twice_is_compensated_twice_and_a_second_throw_finds_nothing_left()
    {
        var h = Harness.For(Start() + Service("A") + Compensable("A") + Xor("again") + ThrowCompensation("undo") + ThrowCompensation("undo2") + End(),
            "start -> A -> again; again -> A [=more]; again -> undo [default]; undo -> undo2 -> end").Start(new { more = true });
        h.CompleteJob("A").CompleteJob("A", new { more = false });
        Assert.Equal(2, h.Waits("undoA").Count());
        foreach (var wait in h.Waits("undoA").ToList())
            h.Handle(new JobCompleted(wait.Id));
        h.AssertCompleted();
        Assert.Single(h.Ended, e => e == "undo2");
    }

    [Fact]
    public void A_compensation_end_event_in_a_subprocess_compensates_only_inside_it()
    {
        var h = Harness.For(Start() + Service("A") + Compensable("A")
                + Sub("sub", Start("s1") + Service("B") + Compensable("B") + EndCompensation("e1")) + User("after") + End(),
            "start -> A -> sub -> after -> end; s1 -> B -> e1").Start();
        h.CompleteJob("A").CompleteJob("B");
        Assert.Equal(["e1", "sub", "undoB"], h.Active); // the end event waits for the handler
        h.CompleteJob("undoB");
        Assert.Equal(["after"], h.Active);
        Assert.Single(h.State.Compensable!, r => r.ElementId == "A");
    }

    [Fact]
    public void A_throw_after_a_completed_subprocess_compensates_what_completed_inside_it()
    {
        var h = Harness.For(Start() + Sub("sub", Start("s1") + Service("B") + Compensable("B") + End("e1")) + ThrowCompensation("undo") + End(),
            "start -> sub -> undo -> end; s1 -> B -> e1").Start();
        h.CompleteJob("B");
        Assert.Equal(["undo", "undoB"], h.Active);
        h.CompleteJob("undoB");
        h.AssertCompleted();
    }

    [Fact]
    public void A_multi_instance_activity_is_compensated_once_after_all_its_instances()
    {
        var h = Harness.For(Start() + Service("A", inner: Loop("=[1,2,3]")) + Compensable("A") + ThrowCompensation("undo") + End(), "start -> A -> undo -> end").Start();
        foreach (var wait in h.Waits("A").ToList())
            h.Handle(new JobCompleted(wait.Id));
        Assert.Single(h.Waits("undoA"));
        h.CompleteJob("undoA");
        h.AssertCompleted();
    }

    [Fact]
    public void A_throw_with_nothing_to_compensate_passes_at_once()
    {
        var h = Booking().Start();
        h.Handle(new CancelInstance("x"));
        var fresh = Harness.For(Start() + ThrowCompensation("undo") + End(), "start -> undo -> end").Start();
        fresh.AssertCompleted();
    }

    [Fact]
    public void A_user_task_handler_keeps_the_throw_waiting_across_steps()
    {
        var h = Harness.For(Start() + Service("A") + Compensable("A", handlerKind: "user") + ThrowCompensation("undo") + End(), "start -> A -> undo -> end").Start();
        h.CompleteJob("A");
        Assert.Equal(["undo", "undoA"], h.Active);
        h.CompleteTask("undoA");
        h.AssertCompleted();
    }

    [Fact]
    public void Validation_accepts_a_compensation_model_and_names_what_is_wrong()
    {
        var ok = BpmnValidator.Validate(Parse(Start() + Service("A") + Compensable("A") + ThrowCompensation("undo", "A") + End(), "start -> A -> undo -> end"));
        Assert.True(BpmnValidator.IsValid(ok), string.Join("\n", ok));

        var noHandler = BpmnValidator.Validate(Parse(Start() + Service("A") + """<boundaryEvent id="cA" attachedToRef="A"><compensateEventDefinition/></boundaryEvent>""" + End(), "start -> A -> end"));
        Assert.Contains(noHandler, p => p.ElementId == "cA" && p.Code == "compensation-without-handler");

        var wrong = BpmnValidator.Validate(Parse(Start() + Service("A") + Compensable("A") + ThrowCompensation("undo", "nope") + End() + End("e2"),
            "start -> A -> undo -> end; undoA -> e2"));
        Assert.Contains(wrong, p => p.ElementId == "undo" && p.Code == "compensation-activity-unknown");
        Assert.Contains(wrong, p => p.ElementId == "undoA" && p.Code == "compensation-handler-with-flows");
    }

    private static string CompensationStart(string id, bool interrupting = true) =>
        $"""<startEvent id="{id}"{(interrupting ? "" : " isInterrupting=\"false\"")}><compensateEventDefinition/></startEvent>""";

    /// <summary>A compensation event subprocess "{id}" whose start "{id}s" leads to a service task "{id}Job" (type "undo") and an end.</summary>
    private static string CompensationEsp(string id) =>
        Esp(id, CompensationStart($"{id}s"), Service($"{id}Job", "undo") + End($"{id}e"));

    [Fact]
    public void A_throw_after_a_completed_subprocess_with_a_compensation_event_subprocess_runs_it_instead_and_waits_for_it()
    {
        var h = Harness.For(Start() + Sub("sub", Start("s1") + Service("B") + Compensable("B") + End("e1") + CompensationEsp("esp")) + ThrowCompensation("undo") + User("after") + End(),
            "start -> sub -> undo -> after -> end; s1 -> B -> e1; esps -> espJob -> espe").Start();
        h.CompleteJob("B");
        Assert.Equal(["esp", "espJob", "undo"], h.Active);
        Assert.DoesNotContain(h.Of<JobCreated>(), j => j.ElementId == "undoB"); // the event subprocess replaces the inner handlers
        h.CompleteJob("espJob");
        Assert.Equal(["after"], h.Active);
        Assert.Null(h.State.Compensable);
    }

    [Fact]
    public void A_compensation_event_subprocess_does_not_run_while_its_subprocess_runs_nor_without_a_throw()
    {
        var h = Harness.For(Start() + Sub("sub", Start("s1") + Service("B") + End("e1") + CompensationEsp("esp")) + End(),
            "start -> sub -> end; s1 -> B -> e1; esps -> espJob -> espe").Start();
        Assert.Equal(["B", "sub"], h.Active);
        h.CompleteJob("B");
        h.AssertCompleted();
        Assert.DoesNotContain("esp", h.Ended);
    }

    [Fact]
    public void Activity_ref_names_a_subprocess_with_a_compensation_event_subprocess()
    {
        var h = Harness.For(Start() + Service("A") + Compensable("A") + Sub("sub", Start("s1") + End("e1") + CompensationEsp("esp")) + ThrowCompensation("undo", activityRef: "sub") + End(),
            "start -> A -> sub -> undo -> end; s1 -> e1; esps -> espJob -> espe").Start();
        h.CompleteJob("A");
        Assert.Equal(["esp", "espJob", "undo"], h.Active);
        h.CompleteJob("espJob");
        h.AssertCompleted();
        Assert.Single(h.State.Compensable ?? [], r => r.ElementId == "A");
    }

    [Fact]
    public void Nested_subprocesses_the_innermost_compensation_event_subprocess_runs_from_a_throw_outside_both()
    {
        var h = Harness.For(Start() + Sub("outer", Start("o1") + Sub("inner", Start("i1") + Service("B") + Compensable("B") + End("i2") + CompensationEsp("esp")) + Service("C") + Compensable("C") + End("o2"))
                + ThrowCompensation("undo") + End(),
            "start -> outer -> undo -> end; o1 -> inner -> C -> o2; i1 -> B -> i2; esps -> espJob -> espe").Start();
        h.CompleteJob("B").CompleteJob("C");
        Assert.Equal(["esp", "espJob", "undo", "undoC"], h.Active);
        Assert.Equal(["undoC", "espJob"], h.Of<JobCreated>().Where(j => j.Type == "undo").Select(j => j.ElementId)); // latest completed first
        h.CompleteJob("undoC").CompleteJob("espJob");
        h.AssertCompleted();
        Assert.DoesNotContain("undoB", h.Ended);
    }

    [Fact]
    public void An_outer_compensation_event_subprocess_replaces_an_inner_one()
    {
        var h = Harness.For(Start() + Sub("outer", Start("o1") + Sub("inner", Start("i1") + End("i2") + CompensationEsp("espIn")) + End("o2") + CompensationEsp("espOut"))
                + ThrowCompensation("undo") + End(),
            "start -> outer -> undo -> end; o1 -> inner -> o2; i1 -> i2; espIns -> espInJob -> espIne; espOuts -> espOutJob -> espOute").Start();
        Assert.Equal(["espOut", "espOutJob", "undo"], h.Active);
        h.CompleteJob("espOutJob");
        h.AssertCompleted();
        Assert.DoesNotContain("espIn", h.Ended);
    }

    [Fact]
    public void Validation_accepts_a_compensation_event_subprocess_only_inside_an_embedded_subprocess()
    {
        var ok = BpmnValidator.Validate(Parse(Start() + Sub("sub", Start("s1") + End("e1") + CompensationEsp("esp")) + ThrowCompensation("undo", "sub") + End(),
            "start -> sub -> undo -> end; s1 -> e1; esps -> espJob -> espe"));
        Assert.True(BpmnValidator.IsValid(ok), string.Join("\n", ok));

        var atProcess = BpmnValidator.Validate(Parse(Start() + End() + CompensationEsp("esp"), "start -> end; esps -> espJob -> espe"));
        Assert.Contains(atProcess, p => p.ElementId == "esps" && p.Code == "compensation-start-placement");

        var twice = BpmnValidator.Validate(Parse(Start() + Sub("sub", Start("s1") + End("e1") + CompensationEsp("esp") + CompensationEsp("esq")) + End(),
            "start -> sub -> end; s1 -> e1; esps -> espJob -> espe; esqs -> esqJob -> esqe"));
        Assert.Contains(twice, p => p.ElementId == "esps" && p.Code == "compensation-start-placement");

        var nonInterrupting = BpmnValidator.Validate(Parse(Start() + Sub("sub", Start("s1") + End("e1") + Esp("esp", CompensationStart("esps", interrupting: false), End("espe"))) + End(),
            "start -> sub -> end; s1 -> e1; esps -> espe"));
        Assert.Contains(nonInterrupting, p => p.ElementId == "esps" && p.Code == "compensation-start-placement");
    }

    [Fact]
    public void A_compensation_event_subprocess_sees_its_subprocess_local_variables_as_they_were_at_completion()
    {
        var h = Harness.For(Start() + Sub("sub", Start("s1") + Service("B") + End("e1") + CompensationEsp("esp"), Io(("input", "=amount * 2", "doubled")))
                + Service("C") + ThrowCompensation("undo") + End(),
            "start -> sub -> C -> undo -> end; s1 -> B -> e1; esps -> espJob -> espe").Start(new { amount = 21 });
        h.CompleteJob("B", new { doubled = 50 }).CompleteJob("C", new { doubled = 7 });
        Assert.Equal("50", h.Of<JobCreated>().Single(j => j.ElementId == "espJob").Variables["doubled"]!.ToJsonString());
        h.CompleteJob("espJob");
        h.AssertCompleted();
    }
}

using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Tests.Support;
using Pppk.Workflow.Engine.Validation;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

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
}

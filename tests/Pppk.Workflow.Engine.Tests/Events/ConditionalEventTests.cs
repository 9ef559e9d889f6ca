using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Tests.Support;
using Pppk.Workflow.Engine.Validation;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;
using static Pppk.Workflow.Engine.Tests.Support.EventBpmn;

namespace Pppk.Workflow.Engine.Tests.Events;

/// <summary>Conditional catch, boundary and event subprocess start events: evaluated at the end of each step, fired when their condition becomes true.</summary>
public class ConditionalEventTests
{
    private static string Condition(string condition) => $"""<conditionalEventDefinition><condition xsi:type="tFormalExpression">{Esc(condition)}</condition></conditionalEventDefinition>""";
    private static string CatchCondition(string id, string condition) => $"""<intermediateCatchEvent id="{id}">{Condition(condition)}</intermediateCatchEvent>""";
    private static string BoundaryCondition(string id, string host, string condition, bool interrupting = true) =>
        $"""<boundaryEvent id="{id}" attachedToRef="{host}" cancelActivity="{(interrupting ? "true" : "false")}">{Condition(condition)}</boundaryEvent>""";
    private static string ConditionStart(string id, string condition, bool interrupting = true) =>
        $"""<startEvent id="{id}" isInterrupting="{(interrupting ? "true" : "false")}">{Condition(condition)}</startEvent>""";

    private static void Set(Harness h, object variables) => h.Handle(new SetVariables(Harness.Vars(variables)!));

    [Fact]
    public void A_catch_event_waits_until_a_variable_change_makes_its_condition_true()
    {
        var h = Harness.For(Start() + CatchCondition("ready", "=documentsComplete = true") + End(), "start -> ready -> end").Start();
        Assert.Equal(["ready"], h.Active);
        Set(h, new { documentsComplete = false });
        Assert.Equal(["ready"], h.Active);
        Set(h, new { documentsComplete = true });
        h.AssertCompleted();
    }

    [Fact]
    public void A_catch_event_whose_condition_already_holds_passes_at_once()
    {
        var h = Harness.For(Start() + CatchCondition("ready", "=score >= 60") + End(), "start -> ready -> end").Start(new { score = 75 });
        h.AssertCompleted();
    }

    [Fact]
    public void An_interrupting_boundary_ends_the_task_when_its_condition_becomes_true()
    {
        var h = Harness.For(Start() + User("review") + BoundaryCondition("changed", "review", "=applicationChanged") + User("recheck") + End() + End("e2"),
            "start -> review -> end; changed -> recheck -> e2").Start(new { applicationChanged = false });
        Assert.Equal(["review"], h.Active);
        Set(h, new { applicationChanged = true });
        Assert.Equal(["recheck"], h.Active);
        Assert.Contains("review", h.Terminated);
    }

    [Fact]
    public void A_non_interrupting_boundary_fires_each_time_its_condition_turns_true_again()
    {
        var h = Harness.For(Start() + User("review") + BoundaryCondition("risky", "review", "=risk > 5", interrupting: false) + Task("note") + End("ne") + End(),
            "start -> review -> end; risky -> note -> ne").Start(new { risk = 1 });
        Set(h, new { risk = 7 });
        Set(h, new { risk = 9 }); // still true: no new edge
        Set(h, new { risk = 2 });
        Set(h, new { risk = 8 });
        Assert.Equal(2, h.Ended.Count(e => e == "note"));
        h.CompleteTask("review").AssertCompleted();
        Assert.Empty(h.State.WaitPoints);
    }

    [Fact]
    public void A_conditional_event_subprocess_interrupts_when_a_parallel_branch_sets_the_variable_in_the_same_step()
    {
        var h = Harness.For(Start() + And("split") + User("review") + Script("decide", "=true", "cancelled") + End() + End("e2")
            + Esp("cancel", ConditionStart("cs", "=cancelled = true"), Task("close") + End("ce")),
            "start -> split -> review -> end; split -> decide -> e2; cs -> close -> ce").Start(new { cancelled = false });
        h.AssertCompleted();
        Assert.Contains("close", h.Ended);
        Assert.Contains("review", h.Terminated);
    }

    [Fact]
    public void A_condition_over_a_missing_variable_is_not_true_and_waits()
    {
        var h = Harness.For(Start() + CatchCondition("ready", "=missing.field > 1") + End(), "start -> ready -> end").Start();
        Assert.Equal(["ready"], h.Active);
        Assert.Empty(h.State.Incidents);
    }

    [Fact]
    public void Validation_accepts_conditional_catch_boundary_and_event_subprocess_starts_and_refuses_bad_ones()
    {
        var good = BpmnValidator.Validate(Parse(Start() + CatchCondition("c", "=x") + User("u") + BoundaryCondition("b", "u", "=y", interrupting: false) + Task("t") + End() + End("e2")
            + Esp("esp", ConditionStart("cs", "=z"), Task("t2") + End("e3")), "start -> c -> u -> end; b -> t -> e2; cs -> t2 -> e3"));
        Assert.True(BpmnValidator.IsValid(good), string.Join("\n", good));

        var noCondition = BpmnValidator.Validate(Parse(Start() + """<intermediateCatchEvent id="c"><conditionalEventDefinition/></intermediateCatchEvent>""" + End(), "start -> c -> end"));
        Assert.Contains(noCondition, p => p.Code == "conditional-without-condition" && p.ElementId == "c");
        var notFeel = BpmnValidator.Validate(Parse(Start() + CatchCondition("c", "x > 1") + End(), "start -> c -> end"));
        Assert.Contains(notFeel, p => p.Code == "condition-not-feel" && p.ElementId == "c");
        var processStart = BpmnValidator.Validate(Parse(ConditionStart("start", "=x") + End(), "start -> end"));
        Assert.Contains(processStart, p => p.Code == "unsupported-start-event" && p.ElementId == "start");
    }
}

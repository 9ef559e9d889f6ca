using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Modification;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Tests.Support;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;
using static Pppk.Workflow.Engine.Tests.Support.EventBpmn;

namespace Pppk.Workflow.Engine.Tests.Modification;

public class ModificationRefusalTests
{
    private static Harness Started() =>
        Harness.For(Start() + User("A") + BoundaryTimer("late", "A", "P3D") + EventGateway("g") + CatchMessage("wait", "m") + CatchTimer("tick", "PT1H")
            + User("B") + Sub("sub", Start("s1") + User("inner") + End("e1")) + Sub("many", Loop("=items") + Start("ms") + User("each") + End("me"))
            + End() + End("lateEnd") + Esp("esp", MessageStart("es", "m", interrupting: false), Task("log") + End("ee")),
            "start -> A -> g -> wait -> B -> sub -> many -> end; g -> tick -> B; late -> lateEnd; s1 -> inner -> e1; ms -> each -> me; es -> log -> ee",
            Message("m", "ping", "=\"k\"")).Start(new { items = new[] { 1 } });

    private static IReadOnlyList<ModificationProblem> Check(Harness h, string[] activate, string[] terminate) =>
        h.Engine.CheckModification(h.Model, h.State, new ModifyInstance(activate.Select(id => new ElementActivation(id)).ToList(), terminate));

    [Theory]
    [InlineData("nope", "modification-unknown-element")]
    [InlineData("p", "modification-process-itself")]
    [InlineData("start", "modification-start-event")]
    [InlineData("s1", "modification-start-event")]
    [InlineData("es", "modification-start-event")]
    [InlineData("late", "modification-boundary-event")]
    [InlineData("wait", "modification-event-gateway-target")]
    [InlineData("esp", "modification-event-subprocess")]
    [InlineData("each", "modification-inside-multi-instance")]
    public void An_element_that_cannot_be_activated_is_refused(string elementId, string code)
    {
        var h = Started();
        var problem = Assert.Single(Check(h, [elementId], []));
        Assert.Equal((code, elementId), (problem.Code, problem.ElementId));
        Assert.Contains(elementId, problem.Message.In(Pppk.Workflow.Engine.Localization.Language.Indonesian));
    }

    [Fact]
    public void Every_problem_is_listed_and_nothing_changes()
    {
        var h = Started();
        var before = h.State.ToJson();
        var modification = new ModifyInstance([new ElementActivation("nope"), new ElementActivation("late")], ["B", "ghost"]);
        var codes = h.Engine.CheckModification(h.Model, h.State, modification).Select(p => (p.Code, p.ElementId)).ToList();
        Assert.Equal([("modification-element-not-active", "B"), ("modification-unknown-element", "ghost"),
            ("modification-unknown-element", "nope"), ("modification-boundary-event", "late")], codes);
        var result = h.Handle(modification);
        Assert.True(result.WasIgnored);
        Assert.Empty(result.Effects);
        Assert.Equal(before, h.State.ToJson());
    }

    [Fact]
    public void An_empty_modification_is_refused()
    {
        Assert.Equal("modification-empty", Assert.Single(Check(Started(), [], [])).Code);
    }

    [Fact]
    public void Terminating_everything_and_activating_nothing_is_refused_pointing_to_cancel()
    {
        var problem = Assert.Single(Check(Started(), [], ["A"]));
        Assert.Equal("modification-nothing-left", problem.Code);
        Assert.Contains("cancel", problem.Message.ToString());
    }

    [Fact]
    public void Terminating_inside_a_multi_instance_body_is_refused_but_the_body_may_be_terminated()
    {
        var h = Harness.For(Start() + User("A") + Sub("many", Loop("=items") + Start("ms") + User("each") + End("me")) + End(),
            "start -> A -> many -> end; ms -> each -> me").Start(new { items = new[] { 1, 2 } });
        h.CompleteTask("A");
        Assert.Equal("modification-inside-multi-instance", Assert.Single(Check(h, ["A"], ["each"])).Code);
        Assert.Empty(Check(h, ["A"], ["many"]));
        h.Handle(new ModifyInstance([new ElementActivation("A")], ["many"]));
        Assert.Equal(["A"], h.Active);
    }

    [Fact]
    public void Activating_inside_a_scope_with_several_active_instances_is_refused()
    {
        var h = Harness.For(Start() + And("fork") + Sub("sub", Start("s1") + User("x") + User("y") + End("e1")) + End() + End("e2"),
            "start -> fork -> sub -> end; fork -> sub; s1 -> x -> y -> e1").Start();
        Assert.Equal(2, h.State.Elements.Count(e => e.ElementId == "sub"));
        Assert.Equal("modification-ambiguous-scope", Assert.Single(Check(h, ["y"], [])).Code);
    }

    [Fact]
    public void Activating_inside_a_scope_the_same_modification_terminates_is_refused()
    {
        var h = Harness.For(Start() + Sub("sub", Start("s1") + User("x") + User("y") + End("e1")) + User("B") + End(), "start -> sub -> B -> end; s1 -> x -> y -> e1").Start();
        Assert.Equal("modification-scope-terminated", Assert.Single(Check(h, ["y", "B"], ["sub"])).Code);
    }

    [Fact]
    public void A_modification_of_an_ended_instance_is_refused()
    {
        var h = Harness.For(Start() + User("A") + End(), "start -> A -> end").Start();
        h.CompleteTask("A");
        Assert.Equal("modification-instance-not-active", Assert.Single(Check(h, ["A"], [])).Code);
    }

    [Fact]
    public void A_scope_whose_input_mapping_fails_is_refused_with_the_reason()
    {
        var h = Harness.For(Start() + User("A") + Sub("sub", Start("s1") + User("inner") + End("e1"), Io(("input", "=1 +", "x"))) + End(),
            "start -> A -> sub -> end; s1 -> inner -> e1").Start();
        var problem = Assert.Single(Check(h, ["inner"], ["A"]));
        Assert.Equal(("modification-scope-not-created", "inner"), (problem.Code, problem.ElementId));
        Assert.Equal(InstanceStatus.Active, h.State.Status);
        Assert.Empty(h.State.Incidents);
    }
}

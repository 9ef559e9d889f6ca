using Pppk.Workflow.Engine.Tests.Support;
using Pppk.Workflow.Engine.Validation;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Elements;

public class LinkEventTests
{
    private static string LinkThrow(string id, string? name) =>
        $"""<intermediateThrowEvent id="{id}"><linkEventDefinition id="{id}_def"{(name is null ? "" : $" name=\"{name}\"")}/></intermediateThrowEvent>""";

    private static string LinkCatch(string id, string? name) =>
        $"""<intermediateCatchEvent id="{id}"><linkEventDefinition id="{id}_def"{(name is null ? "" : $" name=\"{name}\"")}/></intermediateCatchEvent>""";

    [Fact]
    public void A_throw_link_continues_at_the_catch_link_of_the_same_name()
    {
        var h = Harness.For(Start() + User("a") + LinkThrow("toB", "lanjut") + LinkThrow("toNone", "lain") + LinkCatch("fromA", "lanjut") + LinkCatch("other", "lain") + User("b") + User("c") + End() + End("e2"),
            "start -> a -> toB; fromA -> b -> end; other -> c -> e2").Start();
        h.CompleteTask("a");
        Assert.Equal(["b"], h.Active);
        Assert.Equal(["start", "a", "toB", "fromA"], h.Ended);
        h.CompleteTask("b");
        h.AssertCompleted();
    }

    [Fact]
    public void A_link_can_loop_back_as_a_go_to()
    {
        var h = Harness.For(Start() + LinkCatch("again", "ulang") + User("review") + Xor("gw") + LinkThrow("back", "ulang") + End(),
            "start -> review -> gw; gw -> end [=ok]; gw -> back [default]; again -> review").Start();
        h.CompleteTask("review", new { ok = false }).CompleteTask("review", new { ok = false }).CompleteTask("review", new { ok = true });
        h.AssertCompleted();
        Assert.Equal(2, h.Ended.Count(e => e == "again"));
    }

    [Fact]
    public void Links_work_inside_a_subprocess_and_its_scope_completes_after_the_jump()
    {
        var h = Harness.For(Start() + Sub("sub", Start("s1") + Task("t1") + LinkThrow("jump", "x") + LinkCatch("land", "x") + End("e1")) + User("after") + End(),
            "start -> sub -> after -> end; s1 -> t1 -> jump; land -> e1").Start();
        Assert.Equal(["after"], h.Active);
        Assert.Contains("land", h.Ended);
    }

    [Theory]
    [InlineData(null, "lanjut", "toB", "link-without-name")]
    [InlineData("lanjut", "lain", "toB", "link-without-catch")]
    public void Validation_refuses_a_throw_link_with_no_name_or_no_catch(string? throwName, string catchName, string element, string code)
    {
        var problems = BpmnValidator.Validate(Parse(Start() + LinkThrow("toB", throwName) + LinkCatch("fromA", catchName) + End(), "start -> toB; fromA -> end"));
        Assert.Contains(problems, p => p.ElementId == element && p.Code == code && p.Severity == Severity.Error);
    }

    [Fact]
    public void Validation_refuses_two_catch_links_of_one_name_and_a_catch_link_with_an_incoming_flow()
    {
        var problems = BpmnValidator.Validate(Parse(Start() + Task("t") + LinkThrow("toB", "x") + LinkCatch("c1", "x") + LinkCatch("c2", "x") + End() + End("e2"),
            "start -> toB; c1 -> end; c2 -> e2; t -> c1"));
        Assert.Contains(problems, p => p.Code == "link-catch-duplicate");
        Assert.Contains(problems, p => p.ElementId == "c1" && p.Code == "link-catch-with-incoming");
    }

    [Fact]
    public void Validation_accepts_a_link_pair_and_finds_a_catch_link_no_throw_reaches_unreachable()
    {
        var ok = BpmnValidator.Validate(Parse(Start() + LinkThrow("toB", "x") + LinkCatch("fromA", "x") + End(), "start -> toB; fromA -> end"));
        Assert.True(BpmnValidator.IsValid(ok), string.Join("\n", ok));
        var dead = BpmnValidator.Validate(Parse(Start() + LinkCatch("orphan", "y") + Task("t") + End() + End("e2"), "start -> end; orphan -> t -> e2"));
        Assert.Contains(dead, p => p.ElementId == "orphan" && p.Code == "unreachable");
    }
}

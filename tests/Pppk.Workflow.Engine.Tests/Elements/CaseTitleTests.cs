using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Tests.Support;
using Pppk.Workflow.Engine.Validation;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Elements;

/// <summary>Issue 18: the process's <c>caseTitle</c> and <c>caseSearch</c> properties, evaluated like the case's unit.</summary>
public sealed class CaseTitleTests
{
    private static string Rule(string? title, string? search) =>
        "<extensionElements><zeebe:properties>"
        + (title is null ? "" : $"<zeebe:property name=\"caseTitle\" value=\"{title}\"/>")
        + (search is null ? "" : $"<zeebe:property name=\"caseSearch\" value=\"{search}\"/>")
        + "</zeebe:properties></extensionElements>";

    private static Harness Waiting(string rule) => Harness.For(rule + Start() + User("tunggu") + End(), "start -> tunggu -> end");

    [Fact]
    public void The_title_and_search_keys_follow_the_variables()
    {
        var h = Waiting(Rule("=&quot;Perpanjangan kontrak — &quot; + employeeName", "=[niPppk, registrationNumber, 42]"))
            .Start(new { employeeName = "Ikhsan Ramadhan", niPppk = "199001012023211001" });
        Assert.Equal("Perpanjangan kontrak — Ikhsan Ramadhan", h.State.CaseTitle);
        // A null key is left out; a number is a key as text.
        Assert.Equal(["199001012023211001", "42"], h.State.CaseSearch!);

        h.Handle(new SetVariables(new JsonObject { ["employeeName"] = "Ikhsan R." }));
        Assert.Equal("Perpanjangan kontrak — Ikhsan R.", h.State.CaseTitle);
    }

    [Fact]
    public void A_long_title_is_cut_one_key_is_a_list_and_a_failing_expression_keeps_the_title()
    {
        var h = Waiting(Rule("=if name = &quot;loop&quot; then string(count(for i in 1..2000000 return i)) else name", "=nomor")).Start(new { name = new string('A', 300), nomor = "REG-1" });
        Assert.Equal(WorkflowEngine.CaseTitleMaxLength, h.State.CaseTitle!.Length);
        Assert.EndsWith("…", h.State.CaseTitle);
        Assert.Equal(["REG-1"], h.State.CaseSearch!);
        var before = h.State.CaseTitle;
        h.Handle(new SetVariables(new JsonObject { ["name"] = "loop" }));
        Assert.Equal(before, h.State.CaseTitle);
    }

    [Theory]
    [InlineData("=&quot;Kontrak &quot; + + nama", null, "caseTitle")]
    [InlineData(null, "=[nomor,", "caseSearch")]
    public void A_syntax_error_is_a_validation_error_naming_the_property(string? title, string? search, string property)
    {
        var problems = BpmnValidator.Validate(Parse(Rule(title, search) + Start() + End(), "start -> end"));
        var problem = Assert.Single(problems, p => p.Severity == Severity.Error);
        Assert.Contains(property, problem.Message);
    }
}

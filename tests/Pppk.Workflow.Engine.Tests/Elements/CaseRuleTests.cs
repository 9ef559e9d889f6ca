using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Tests.Support;
using Pppk.Workflow.Engine.Validation;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Elements;

/// <summary>The process's <c>caseUnit</c>/<c>caseSubject</c> extension properties: evaluated over the variables after every step.</summary>
public sealed class CaseRuleTests
{
    private static string Rule(string? unit, string? subject) =>
        "<extensionElements><zeebe:properties>"
        + (unit is null ? "" : $"<zeebe:property name=\"caseUnit\" value=\"{unit}\"/>")
        + (subject is null ? "" : $"<zeebe:property name=\"caseSubject\" value=\"{subject}\"/>")
        + "</zeebe:properties></extensionElements>";

    private static Harness Waiting(string rule) => Harness.For(rule + Start() + User("tunggu") + End(), "start -> tunggu -> end");

    [Fact]
    public void The_rule_is_evaluated_at_the_start_and_again_when_the_variables_change()
    {
        var h = Waiting(Rule("=unitCode", "=pegawai.nik")).Start(new { unitCode = "DISDIK", pegawai = new { nik = "6402010101900001" } });
        Assert.Equal("DISDIK", h.State.CaseUnit);
        Assert.Equal("6402010101900001", h.State.CaseSubject);

        h.Handle(new SetVariables(new JsonObject { ["unitCode"] = "DINKES" }));
        Assert.Equal("DINKES", h.State.CaseUnit);
        Assert.Equal("6402010101900001", h.State.CaseSubject);
    }

    [Fact]
    public void A_literal_a_number_and_no_value_are_read_as_such()
    {
        Assert.Equal("BKPSDM", Waiting(Rule("BKPSDM", null)).Start().State.CaseUnit);
        Assert.Equal("6402010101900001", Waiting(Rule(null, "=nik")).Start(new { nik = 6402010101900001 }).State.CaseSubject);
        var missing = Waiting(Rule("=unitCode", "=nik")).Start();
        Assert.Null(missing.State.CaseUnit);
        Assert.Null(missing.State.CaseSubject);
        // Not a text or a number, or too long: no value.
        Assert.Null(Waiting(Rule("=unitCode", null)).Start(new { unitCode = new[] { "A", "B" } }).State.CaseUnit);
        Assert.Null(Waiting(Rule("=unitCode", null)).Start(new { unitCode = new string('X', 65) }).State.CaseUnit);
    }

    [Fact]
    public void A_failing_expression_keeps_the_value_it_had_and_the_values_stay_after_the_end()
    {
        // "loop" makes the expression run past the evaluation budget (1,000,000 iterations): it fails.
        var h = Waiting(Rule("=if unitCode = &quot;loop&quot; then string(count(for i in 1..2000000 return i)) else upper case(unitCode)", null))
            .Start(new { unitCode = "disdik" });
        Assert.Equal("DISDIK", h.State.CaseUnit);
        h.Handle(new SetVariables(new JsonObject { ["unitCode"] = "loop" }));
        Assert.Equal("DISDIK", h.State.CaseUnit);

        var task = h.State.WaitPoints.Single(w => w.Kind == WaitKind.UserTask);
        h.Handle(new UserTaskCompleted(task.Id, "demo"));
        Assert.Equal(InstanceStatus.Completed, h.State.Status);
        Assert.Equal("DISDIK", h.State.CaseUnit);
    }

    [Fact]
    public void A_process_without_the_rule_has_neither()
    {
        var h = Waiting("").Start(new { unitCode = "DISDIK", nik = "6402010101900001" });
        Assert.Null(h.State.CaseUnit);
        Assert.Null(h.State.CaseSubject);
    }

    [Fact]
    public void A_syntax_error_in_the_rule_is_a_validation_error_naming_it()
    {
        var problems = BpmnValidator.Validate(Parse(Rule("=unitCode +", null) + Start() + End(), "start -> end"));
        var problem = Assert.Single(problems, p => p.Severity == Severity.Error);
        Assert.Equal(ProcessId, problem.ElementId);
        Assert.Contains("case unit", problem.Message);
    }
}

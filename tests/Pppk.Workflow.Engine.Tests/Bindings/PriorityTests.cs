using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Validation;
using Pppk.Workflow.Engine.Tests.Support;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Bindings;

/// <summary>zeebe:priorityDefinition on user tasks: 0 to 100, 50 when not set, a literal or FEEL.</summary>
public class PriorityTests
{
    private static string Prioritized(string priority) => User("u", extra: $"""<zeebe:priorityDefinition priority="{Esc(priority)}"/>""");

    [Theory]
    [InlineData(null, null, 50)]
    [InlineData("80", null, 80)]
    [InlineData("=if urgent then 90 else 10", true, 90)]
    [InlineData("=if urgent then 90 else 10", false, 10)]
    [InlineData("=0", null, 0)]
    public void A_user_task_gets_its_priority(string? priority, bool? urgent, int expected)
    {
        var task = priority is null ? User("u") : Prioritized(priority);
        var h = Harness.For(Start() + task + End(), "start -> u -> end").Start(new { urgent });
        Assert.Equal(expected, Assert.Single(h.Of<UserTaskCreated>()).Priority);
    }

    [Theory]
    [InlineData("101")]
    [InlineData("-1")]
    [InlineData("7.5")]
    [InlineData("high")]
    public void A_literal_priority_outside_0_to_100_is_refused(string priority)
    {
        var problems = BpmnValidator.Validate(Parse(Start() + Prioritized(priority) + End(), "start -> u -> end"));
        Assert.Contains(problems, p => p.ElementId == "u" && p.Code == "priority-invalid" && p.Severity == Severity.Error);
    }

    [Fact]
    public void A_priority_expression_with_a_syntax_error_is_refused()
    {
        var problems = BpmnValidator.Validate(Parse(Start() + Prioritized("=1 +") + End(), "start -> u -> end"));
        Assert.Contains(problems, p => p.ElementId == "u" && p.Code == "feel-syntax");
    }

    [Theory]
    [InlineData(150)]
    [InlineData("\"tinggi\"")]
    public void A_priority_expression_giving_no_whole_number_in_range_is_an_incident_that_retry_resolves(object given)
    {
        var h = Harness.For(Start() + Prioritized("=p") + End(), "start -> u -> end").Start($$"""{"p": {{given}}}""");
        var incident = Assert.Single(h.State.Incidents);
        var message = h.Of<IncidentRaised>().Single().Message.ToString();
        Assert.StartsWith("priority of 'u'", message);
        Assert.Contains("whole number from 0 to 100", message);
        Assert.Empty(h.Of<UserTaskCreated>());

        h.Handle(new SetVariables(Harness.Vars(new { p = 70 })!));
        h.Handle(new RetryIncident(incident.Id));
        Assert.Equal(70, Assert.Single(h.Of<UserTaskCreated>()).Priority);
    }
}

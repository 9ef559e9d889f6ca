using Pppk.Workflow.Engine.Parsing;
using Pppk.Workflow.Engine.Validation;
using Pppk.Workflow.Engine.Tests.Support;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Validation;

public class ValidatorTests
{
    private static IReadOnlyList<ValidationProblem> Check(string elements, string flows, string root = "", IEnumerable<string>? known = null) =>
        BpmnValidator.Validate(Parse(elements, flows, root), known);

    private static ValidationProblem ErrorAt(IReadOnlyList<ValidationProblem> problems, string id, string fragment)
    {
        var match = problems.FirstOrDefault(p => p.ElementId == id && p.Severity == Severity.Error && p.Message.Contains(fragment, StringComparison.OrdinalIgnoreCase));
        Assert.True(match is not null, $"No error at '{id}' containing '{fragment}'. Got:\n{string.Join("\n", problems)}");
        return match!;
    }

    [Fact]
    public void A_correct_process_has_no_errors()
    {
        var problems = Check(Start() + User("u") + Xor("gw") + Service("s") + End() + End("e2"), "start -> u -> gw; gw -> s [=ok] -> end; gw -> e2 [default]");
        Assert.True(BpmnValidator.IsValid(problems), string.Join("\n", problems));
    }

    [Theory]
    [InlineData("""<complexGateway id="x"/>""", "exclusive or parallel")]
    [InlineData("""<transaction id="x"/>""", "Transactions")]
    [InlineData("""<adHocSubProcess id="x"/>""", "Ad-hoc")]
    [InlineData("""<intermediateThrowEvent id="x"><signalEventDefinition/></intermediateThrowEvent>""", "Signal")]
    [InlineData("""<intermediateThrowEvent id="x"><escalationEventDefinition/></intermediateThrowEvent>""", "Escalation")]
    [InlineData("""<intermediateCatchEvent id="x"><conditionalEventDefinition/></intermediateCatchEvent>""", "Conditional")]
    public void Unsupported_elements_are_named_with_what_to_use_instead(string element, string advice)
    {
        var problems = Check(Start() + element + End(), "start -> x -> end");
        ErrorAt(problems, "x", advice);
    }

    [Fact]
    public void Data_objects_and_stores_are_rejected()
    {
        var problems = Check(Start() + End() + """<dataObject id="d"/><dataStoreReference id="ds"/>""", "start -> end");
        ErrorAt(problems, "d", "Data objects");
        ErrorAt(problems, "ds", "Data stores");
    }

    [Fact]
    public void Flows_to_and_from_nowhere_are_errors()
    {
        var problems = Check(Start() + End() + """<sequenceFlow id="bad1" sourceRef="start" targetRef="ghost"/><sequenceFlow id="bad2" sourceRef="ghost2" targetRef="end"/>""", "start -> end");
        ErrorAt(problems, "bad1", "leads nowhere");
        ErrorAt(problems, "bad2", "comes from nowhere");
    }

    [Fact]
    public void Unreachable_elements_are_errors()
    {
        var problems = Check(Start() + End() + User("island") + User("island2"), "start -> end; island -> island2");
        ErrorAt(problems, "island", "no incoming");
        ErrorAt(problems, "island2", "cannot be reached");
    }

    [Fact]
    public void Exclusive_gateway_flows_without_condition_other_than_default_are_errors()
    {
        var problems = Check(Start() + Xor("gw") + End("a") + End("b") + End("c"), "start -> gw; gw -> a [=x]; gw -> b; gw -> c [default]");
        ErrorAt(problems, "f3_gw_b", "without a condition");
        Assert.DoesNotContain(problems, p => p.ElementId == "f4_gw_c");
    }

    [Fact]
    public void Expression_syntax_errors_name_the_element_and_position()
    {
        var problems = Check(Start() + Xor("gw") + End("a") + End("b"), "start -> gw; gw -> a [=(x > 1]; gw -> b [default]");
        var p = ErrorAt(problems, "f2_gw_a", "line 1, column");
        Assert.Contains("condition", p.Message);
    }

    [Fact]
    public void Expression_errors_in_mappings_and_assignments_are_found()
    {
        var problems = Check(Start() + User("u", "=(bad") + Service("s", "x", Io(("input", "=1 +", "y"))) + End(), "start -> u -> s -> end");
        ErrorAt(problems, "u", "assignee");
        ErrorAt(problems, "s", "input mapping 'y'");
    }

    [Fact]
    public void Conditions_must_be_expressions()
    {
        var problems = Check(Start() + Xor("gw") + End("a") + End("b"), "start -> gw; gw -> a [${x > 1}]; gw -> b [default]");
        ErrorAt(problems, "f2_gw_a", "leading '='");
    }

    [Fact]
    public void Missing_job_type_is_an_error()
    {
        var problems = Check(Start() + """<serviceTask id="s"/>""" + """<scriptTask id="sc"/>""" + End(), "start -> s -> sc -> end");
        ErrorAt(problems, "s", "zeebe:taskDefinition type");
        ErrorAt(problems, "sc", "neither a FEEL script");
    }

    [Fact]
    public void User_task_without_anyone_to_do_it_is_a_warning_that_only_administrators_see_it()
    {
        var problems = Check(Start() + """<userTask id="u"><extensionElements><zeebe:userTask/></extensionElements></userTask>""" + End(), "start -> u -> end");
        var warning = Assert.Single(problems, p => p.Code == "user-task-without-assignment");
        Assert.Equal(("u", Severity.Warning), (warning.ElementId, warning.Severity));
        Assert.Contains("only administrators see it", warning.Message);
        Assert.True(BpmnValidator.IsValid(problems), string.Join("\n", problems));
    }

    [Theory]
    [InlineData("timeDuration", "10 minutes", "ISO 8601 duration")]
    [InlineData("timeDate", "next monday", "ISO 8601 date-time")]
    public void Unreadable_timers_are_errors(string kind, string value, string fragment)
    {
        var problems = Check(Start() + $"""<intermediateCatchEvent id="t"><timerEventDefinition><{kind}>{value}</{kind}></timerEventDefinition></intermediateCatchEvent>""" + End(), "start -> t -> end");
        ErrorAt(problems, "t", fragment);
    }

    [Theory]
    [InlineData("R/PT1H", true)]
    [InlineData("R5/PT10M", true)]
    [InlineData("0 0 9 * * MON-FRI", true)]
    [InlineData("R5/10M", false)]
    [InlineData("0 0 99 * * *", false)]
    public void Cycles_on_non_interrupting_boundaries_are_checked(string cycle, bool valid)
    {
        var problems = Check(Start() + User("u") + BoundaryTimer("b", "u", cycle, false, "timeCycle") + End() + End("e2"), "start -> u -> end; b -> e2");
        Assert.Equal(valid, !problems.Any(p => p.ElementId == "b" && p.Severity == Severity.Error));
    }

    [Fact]
    public void Cycle_on_an_intermediate_catch_is_an_error()
    {
        var problems = Check(Start() + """<intermediateCatchEvent id="t"><timerEventDefinition><timeCycle>R/PT1H</timeCycle></timerEventDefinition></intermediateCatchEvent>""" + End(), "start -> t -> end");
        ErrorAt(problems, "t", "timeCycle");
    }

    [Fact]
    public void Call_activity_to_an_unknown_key_is_a_warning()
    {
        var problems = Check(Start() + Call("c", "nowhere") + End(), "start -> c -> end");
        Assert.Contains(problems, p => p.ElementId == "c" && p.Severity == Severity.Warning && p.Message.Contains("not deployed"));
        Assert.True(BpmnValidator.IsValid(problems));
        Assert.DoesNotContain(Check(Start() + Call("c", "known") + End(), "start -> c -> end", known: ["known"]), p => p.ElementId == "c");
    }

    [Fact]
    public void No_start_event_is_an_error()
    {
        var problems = Check(User("u") + End(), "u -> end");
        ErrorAt(problems, "p", "no start event");
    }

    [Fact]
    public void A_file_without_an_executable_process_is_an_error_and_the_process_a_warning()
    {
        var xml = Xml(Start() + End(), "start -> end").Replace("isExecutable=\"true\"", "isExecutable=\"false\"");
        var problems = BpmnValidator.Validate(BpmnParser.Parse(xml));
        Assert.Contains(problems, p => p.ElementId is null && p.Severity == Severity.Error && p.Message.Contains("executable"));
        Assert.Contains(problems, p => p.ElementId == "p" && p.Severity == Severity.Warning);
    }

    [Fact]
    public void Message_catch_without_correlation_key_is_an_error()
    {
        var problems = Check(Start() + CatchMessage("m", "msg") + End(), "start -> m -> end", """<message id="msg" name="paid"/>""");
        ErrorAt(problems, "m", "correlation key");
    }

    [Fact]
    public void Message_catch_without_message_is_an_error()
    {
        var problems = Check(Start() + """<intermediateCatchEvent id="m"><messageEventDefinition/></intermediateCatchEvent>""" + End(), "start -> m -> end");
        ErrorAt(problems, "m", "references no message");
    }

    [Fact]
    public void Duplicate_ids_are_errors()
    {
        var problems = Check(Start() + User("u") + End() + """<endEvent id="u"/>""", "start -> end");
        ErrorAt(problems, "u", "more than one element");
    }

    [Fact]
    public void Error_end_without_code_and_non_interrupting_error_boundary_are_errors()
    {
        var problems = Check(Start() + User("u") + """<boundaryEvent id="b" attachedToRef="u" cancelActivity="false"><errorEventDefinition/></boundaryEvent>""" + """<endEvent id="e"><errorEventDefinition/></endEvent>""" + End("e2"),
            "start -> u -> e; b -> e2");
        ErrorAt(problems, "e", "error code");
        ErrorAt(problems, "b", "always interrupt");
    }

    [Fact]
    public void Multi_instance_without_input_collection_is_an_error()
    {
        var problems = Check(Start() + Service("s", inner: """<multiInstanceLoopCharacteristics/>""") + End(), "start -> s -> end");
        ErrorAt(problems, "s", "inputCollection");
    }

    [Fact]
    public void Event_based_gateway_must_be_followed_by_catch_events()
    {
        var problems = Check(Start() + EventGateway("eg") + User("u") + CatchTimer("t", "PT1M") + End() + End("e2"), "start -> eg; eg -> u -> end; eg -> t -> e2");
        ErrorAt(problems, "u", "follows event-based gateway");
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        var problems = Check(Start() + """<serviceTask id="s1"/><serviceTask id="s2"/>""" + """<complexGateway id="ig"/>""" + End(), "start -> s1 -> s2 -> ig -> end");
        Assert.True(problems.Count(p => p.Severity == Severity.Error) >= 3);
    }

    [Fact]
    public void Conditions_on_flows_out_of_tasks_are_errors()
    {
        var problems = Check(Start() + User("u") + End(), "start -> u; u -> end [=x]");
        ErrorAt(problems, "f2_u_end", "only evaluated after an exclusive or inclusive gateway");
    }

    [Fact]
    public void Subprocess_without_start_event_is_an_error()
    {
        var problems = Check(Start() + Sub("sub", User("in")) + End(), "start -> sub -> end");
        ErrorAt(problems, "sub", "no start event");
    }
}

public class ValidatorSubprocessTests
{
    [Fact]
    public void Multi_instance_subprocess_with_incoming_and_outgoing_children_is_valid()
    {
        var sub = Sub("each", Start("s1") + End("e1")).Replace("</subProcess>", Loop("=xs", "x") + "<incoming>f1_start_each</incoming></subProcess>");
        var problems = BpmnValidator.Validate(Parse(Start() + sub + End(), "start -> each -> end; s1 -> e1"));
        Assert.True(BpmnValidator.IsValid(problems), string.Join("\n", problems));
    }
}

public class ValidatorExtensionTests
{
    [Fact]
    public void Execution_listeners_are_accepted_and_unknown_zeebe_extensions_reported()
    {
        var task = Service("s", "x", """<zeebe:executionListeners><zeebe:executionListener eventType="start" type="audit"/></zeebe:executionListeners><zeebe:somethingNew/><zeebe:properties><zeebe:property name="a" value="b"/></zeebe:properties>""");
        var problems = BpmnValidator.Validate(Parse(Start() + task + End(), "start -> s -> end"));
        Assert.DoesNotContain(problems, p => p.Message.Contains("executionListener"));
        Assert.Contains(problems, p => p.ElementId == "s" && p.Severity == Severity.Warning && p.Message.Contains("somethingNew"));
        Assert.DoesNotContain(problems, p => p.Message.Contains("zeebe:propert"));
    }

    [Fact]
    public void Pools_and_lanes_as_the_modeler_saves_them_are_accepted()
    {
        var xml = Xml(
            """<laneSet id="ls"><lane id="hr" name="BKPSDM"><flowNodeRef>start</flowNodeRef><flowNodeRef>u</flowNodeRef></lane><lane id="head" name="Kepala"><flowNodeRef>end</flowNodeRef></lane></laneSet>""" +
            Start() + User("u") + End(), "start -> u -> end",
            """<collaboration id="c"><participant id="pool" name="PPPK" processRef="p"/></collaboration>""");
        var definitions = Engine.Parsing.BpmnParser.Parse(xml);
        var problems = BpmnValidator.Validate(definitions);
        Assert.True(BpmnValidator.IsValid(problems), string.Join("\n", problems));
        var h = new Harness(Engine.Model.ProcessModel.Create(definitions, "p")).Start();
        h.CompleteTask("u").AssertCompleted();
    }
}

using Pppk.Workflow.Engine.Validation;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;
using static Pppk.Workflow.Engine.Tests.Support.EventBpmn;

namespace Pppk.Workflow.Engine.Tests.Events;

/// <summary>What validation accepts and refuses of event subprocesses, escalation and signal events.</summary>
public class EventValidationTests
{
    private const string Msg = """<message id="m" name="withdraw"><extensionElements><zeebe:subscription correlationKey="=nik"/></extensionElements></message>""";
    private static readonly string Root = Msg + """<message id="nokey" name="n"/>""" + Error("E", "E1") + Escalation("esc", "ESC") + Signal("sig", "round-postponed");

    private static IReadOnlyList<ValidationProblem> Check(string elements, string flows) => BpmnValidator.Validate(Parse(elements, flows, Root));

    private static void Valid(string elements, string flows)
    {
        var problems = Check(elements, flows);
        Assert.True(BpmnValidator.IsValid(problems), string.Join("\n", problems));
    }

    private static void Refused(string elements, string flows, string id, string code)
    {
        var problems = Check(elements, flows);
        Assert.True(problems.Any(p => p.ElementId == id && p.Severity == Severity.Error && p.Code == code),
            $"No {code} at '{id}'. Got:\n{string.Join("\n", problems.Select(p => $"{p.Code} {p.ElementId}: {p.Message}"))}");
    }

    private const string Main = """<startEvent id="start"/><userTask id="u"><extensionElements><zeebe:assignmentDefinition assignee="demo"/></extensionElements></userTask><endEvent id="end"/>""";
    private const string MainFlow = "start -> u -> end";

    [Theory]
    [InlineData("""<startEvent id="es"><messageEventDefinition messageRef="m"/></startEvent>""")]
    [InlineData("""<startEvent id="es" isInterrupting="false"><messageEventDefinition messageRef="m"/></startEvent>""")]
    [InlineData("""<startEvent id="es"><timerEventDefinition><timeDuration>P3D</timeDuration></timerEventDefinition></startEvent>""")]
    [InlineData("""<startEvent id="es" isInterrupting="false"><timerEventDefinition><timeCycle>R/P1D</timeCycle></timerEventDefinition></startEvent>""")]
    [InlineData("""<startEvent id="es"><errorEventDefinition errorRef="E"/></startEvent>""")]
    [InlineData("""<startEvent id="es"><errorEventDefinition/></startEvent>""")]
    [InlineData("""<startEvent id="es" isInterrupting="false"><escalationEventDefinition escalationRef="esc"/></startEvent>""")]
    [InlineData("""<startEvent id="es"><signalEventDefinition signalRef="sig"/></startEvent>""")]
    public void Event_subprocess_starts_that_run(string start) =>
        Valid(Main + Esp("esp", start, Task("t") + End("ee")), MainFlow + "; es -> t -> ee");

    [Fact]
    public void An_event_subprocess_inside_an_embedded_subprocess_runs() =>
        Valid(Start() + Sub("sub", Start("s1") + Task("work") + End("e1") + Esp("esp", ErrorStart("es"), Task("t") + End("ee"))) + End(),
            "start -> sub -> end; s1 -> work -> e1; es -> t -> ee");

    [Fact]
    public void A_none_start_in_an_event_subprocess_is_refused() =>
        Refused(Main + Esp("esp", Start("es"), Task("t") + End("ee")), MainFlow + "; es -> t -> ee", "es", "event-subprocess-start-kind");

    [Fact]
    public void A_non_interrupting_error_start_is_refused() =>
        Refused(Main + Esp("esp", """<startEvent id="es" isInterrupting="false"><errorEventDefinition/></startEvent>""", Task("t") + End("ee")),
            MainFlow + "; es -> t -> ee", "es", "error-start-non-interrupting");

    [Fact]
    public void A_cycle_on_an_interrupting_timer_start_is_refused() =>
        Refused(Main + Esp("esp", TimerStart("es", "R/P1D", kind: "timeCycle"), Task("t") + End("ee")), MainFlow + "; es -> t -> ee", "es", "timer-cycle-not-allowed");

    [Fact]
    public void A_message_start_in_an_event_subprocess_needs_a_correlation_key() =>
        Refused(Main + Esp("esp", MessageStart("es", "nokey"), Task("t") + End("ee")), MainFlow + "; es -> t -> ee", "es", "message-without-correlation-key");

    [Fact]
    public void Flows_into_an_event_subprocess_are_refused() =>
        Refused(Main + Esp("esp", ErrorStart("es"), Task("t") + End("ee")) + End("e9"), MainFlow + "; es -> t -> ee; u -> esp -> e9", "esp", "event-subprocess-flows");

    [Fact]
    public void An_event_subprocess_with_two_starts_is_refused() =>
        Refused(Main + Esp("esp", ErrorStart("es") + ErrorStart("es2"), Task("t") + End("ee")), MainFlow + "; es -> t -> ee; es2 -> t", "esp", "event-subprocess-start");

    [Fact]
    public void Escalation_and_signal_events_that_run() =>
        Valid(Start() + Sub("sub", Start("s1") + EscalationThrow("raise", "esc") + SignalThrow("announce", "sig") + SignalCatch("wait", "sig") + EscalationEnd("e1", "esc"))
            + BoundaryEscalation("be", "sub", "esc", interrupting: false) + BoundarySignal("bs", "sub", "sig") + Task("t1") + Task("t2") + SignalEnd("end", "sig") + End("x1") + End("x2"),
            "start -> sub -> end; s1 -> raise -> announce -> wait -> e1; be -> t1 -> x1; bs -> t2 -> x2");

    [Fact]
    public void A_signal_start_runs_and_needs_a_fixed_name()
    {
        Valid(SignalStart("start", "sig") + Task("t") + End(), "start -> t -> end");
        var problems = BpmnValidator.Validate(Parse(SignalStart("start", "dyn") + Task("t") + End(), "start -> t -> end", Signal("dyn", "=name")));
        Assert.Contains(problems, p => p.Code == "signal-start-name-feel" && p.ElementId == "start");
    }

    [Fact]
    public void An_escalation_throw_without_a_code_is_refused() =>
        Refused(Start() + """<intermediateThrowEvent id="x"><escalationEventDefinition/></intermediateThrowEvent>""" + End(), "start -> x -> end", "x", "escalation-without-code");

    [Fact]
    public void A_signal_event_without_a_named_signal_is_refused() =>
        Refused(Start() + """<intermediateCatchEvent id="x"><signalEventDefinition/></intermediateCatchEvent>""" + End(), "start -> x -> end", "x", "signal-without-name");
}

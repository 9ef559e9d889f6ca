using System.Text.RegularExpressions;
using Pppk.Workflow.Engine.Validation;
using Pppk.Workflow.Engine.Tests.Support;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Validation;

/// <summary>
/// The designer's lint (src/Pppk.Workflow.Web/src/designer/lint/rules.js) follows the engine: an element is flagged
/// before deploy exactly when the engine refuses it, with the engine's refusal code. When an element starts to run
/// (or stops), this fails until the lint entry is removed (or added).
/// </summary>
public class DesignerLintTests
{
    private static readonly string Rules = File.ReadAllText(Path.Combine(Corpus.RepositoryRoot(), "src", "Pppk.Workflow.Web", "src", "designer", "lint", "rules.js"));

    /// <summary>Each palette element the lint may flag: the engine's refusal code and a small process holding it.</summary>
    public static TheoryData<string, string, string> Elements => new()
    {
        { "unsupported-inclusive-gateway", """<inclusiveGateway id="x"/>""", "start -> x -> end" },
        { "unsupported-complex-gateway", """<complexGateway id="x"/>""", "start -> x -> end" },
        { "unsupported-transaction", """<transaction id="x"/>""", "start -> x -> end" },
        { "unsupported-ad-hoc-subprocess", """<adHocSubProcess id="x"/>""", "start -> x -> end" },
        { "unsupported-data-object", """<dataObject id="do"/><dataObjectReference id="x" dataObjectRef="do"/>""", "start -> end" },
        { "unsupported-data-store", """<dataStoreReference id="x"/>""", "start -> end" },
        { "unsupported-signal-event", """<intermediateThrowEvent id="x"><signalEventDefinition/></intermediateThrowEvent>""", "start -> x -> end" },
        { "unsupported-escalation-event", """<intermediateThrowEvent id="x"><escalationEventDefinition/></intermediateThrowEvent>""", "start -> x -> end" },
        { "unsupported-compensation", """<intermediateThrowEvent id="x"><compensateEventDefinition/></intermediateThrowEvent>""", "start -> x -> end" },
        { "unsupported-conditional-event", """<intermediateCatchEvent id="x"><conditionalEventDefinition><condition>=a</condition></conditionalEventDefinition></intermediateCatchEvent>""", "start -> x -> end" },
        { "unsupported-link-event", """<intermediateThrowEvent id="x"><linkEventDefinition name="l"/></intermediateThrowEvent>""", "start -> x" },
        { "unsupported-cancel-event", """<endEvent id="x"><cancelEventDefinition/></endEvent>""", "start -> x" },
        { "unsupported-event-subprocess", """<subProcess id="x" triggeredByEvent="true"><startEvent id="xs"><timerEventDefinition><timeDuration>PT1M</timeDuration></timerEventDefinition></startEvent><endEvent id="xe"/></subProcess>""", "start -> end; xs -> xe" },
    };

    [Theory]
    [MemberData(nameof(Elements))]
    public void The_lint_flags_an_element_exactly_when_the_engine_refuses_it(string code, string element, string flows)
    {
        var refused = BpmnValidator.Validate(Parse(Start() + element + End(), flows)).Any(p => p.Code == code && p.Severity == Severity.Error);
        var linted = Rules.Contains($"'{code}'", StringComparison.Ordinal);
        Assert.True(refused == linted, refused
            ? $"The engine refuses {code}, but the designer's lint (rules.js) does not flag it: add it to UNSUPPORTED_TYPES/UNSUPPORTED_EVENTS."
            : $"The engine runs what {code} named, but the designer's lint still flags it: remove it from rules.js.");
    }

    [Fact]
    public void Every_refusal_code_in_the_lint_is_one_the_engine_has()
    {
        var codes = Regex.Matches(Rules, @"'(unsupported-[a-z-]+)'").Select(m => m.Groups[1].Value).ToHashSet();
        var known = Elements.Select(row => (string)row[0]).ToHashSet();
        Assert.NotEmpty(codes);
        Assert.Empty(codes.Except(known));
    }

    [Theory]
    [InlineData("bpmn:Task")]
    [InlineData("bpmn:ManualTask")]
    [InlineData("bpmn:UserTask")]
    [InlineData("bpmn:ServiceTask")]
    [InlineData("bpmn:CallActivity")]
    [InlineData("bpmn:ExclusiveGateway")]
    [InlineData("bpmn:ParallelGateway")]
    [InlineData("bpmn:EventBasedGateway")]
    public void What_the_engine_runs_is_not_on_the_lints_unsupported_lists(string type)
    {
        var lists = Rules[Rules.IndexOf("export const UNSUPPORTED_TYPES", StringComparison.Ordinal)..Rules.IndexOf("export function unsupportedElements", StringComparison.Ordinal)];
        Assert.DoesNotContain($"['{type}'", lists);
    }
}

using System.Text;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Engine.Parsing;
using Pppk.Workflow.Engine.Validation;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Parsing;

/// <summary>Hostile BPMN files are refused as problems of the file, before they cost memory or time.</summary>
public class XmlLimitTests
{
    private static ValidationProblem OnlyProblem(string xml, BpmnLimits? limits = null)
    {
        var definitions = BpmnParser.Parse(xml, limits);
        Assert.Empty(definitions.Processes);
        var problem = Assert.Single(BpmnValidator.Validate(definitions));
        Assert.Equal(Severity.Error, problem.Severity);
        return problem;
    }

    private static string Valid => Xml(Start() + User("u") + End(), "start -> u -> end");

    [Fact]
    public void A_DTD_with_an_entity_expansion_bomb_is_refused_without_expanding_it()
    {
        var laughs = new StringBuilder("<!DOCTYPE definitions [<!ENTITY lol0 \"lol\">");
        for (var i = 1; i <= 9; i++)
            laughs.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        laughs.Append("]>\n");
        var xml = laughs + Valid.Replace("<process id=\"p\"", "<process name=\"&lol9;\" id=\"p\"", StringComparison.Ordinal);
        var problem = OnlyProblem(xml);
        Assert.Equal("xml-dtd-prohibited", problem.Code);
        Assert.StartsWith("The file declares a DTD (<!DOCTYPE ...>); BPMN files need none", problem.Message);
        Assert.StartsWith("Berkas mendeklarasikan DTD", problem.Text.In(Language.Indonesian));
    }

    [Fact]
    public void A_DTD_naming_an_external_file_is_refused_too()
    {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE definitions [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
            + Valid.Replace("<process id=\"p\"", "<process name=\"&secret;\" id=\"p\"", StringComparison.Ordinal);
        Assert.Equal("xml-dtd-prohibited", OnlyProblem(xml).Code);
    }

    [Fact]
    public void A_hundred_thousand_nested_elements_are_refused_at_the_depth_limit()
    {
        const int levels = 100_000;
        var open = string.Concat(Enumerable.Repeat("<subProcess id=\"s\">\n", levels));
        var close = string.Concat(Enumerable.Repeat("</subProcess>", levels));
        var xml = Valid.Replace("<startEvent", open + close + "<startEvent", StringComparison.Ordinal);
        var problem = OnlyProblem(xml);
        Assert.Equal("xml-nested-too-deep", problem.Code);
        Assert.StartsWith("XML elements are nested more than 64 levels deep (line ", problem.Message);
        Assert.StartsWith("Elemen XML bersarang lebih dari 64 tingkat", problem.Text.In(Language.Indonesian));
    }

    [Fact]
    public void Subprocesses_nested_well_within_the_depth_are_read_and_validated()
    {
        var inner = Start("s0") + User("u0") + End("e0");
        var flows = "s0 -> u0 -> e0";
        for (var i = 1; i <= 25; i++)
        {
            inner = Start($"s{i}") + Sub($"sub{i}", inner) + End($"e{i}");
            flows += $"; s{i} -> sub{i} -> e{i}";
        }
        var definitions = BpmnParser.Parse(Xml(inner, flows));
        Assert.Empty(definitions.ParseProblems);
        Assert.True(BpmnValidator.IsValid(BpmnValidator.Validate(definitions)));
        Assert.Equal(78, definitions.Processes[0].AllNodes.Count);
    }

    [Fact]
    public void A_file_with_more_elements_than_the_limit_is_refused_while_reading()
    {
        var tasks = string.Concat(Enumerable.Range(0, 50_001).Select(i => $"<task id=\"t{i}\"/>"));
        var problem = OnlyProblem(Valid.Replace("<startEvent", tasks + "<startEvent", StringComparison.Ordinal));
        Assert.Equal("bpmn-too-many-elements", problem.Code);
        Assert.Equal("The file has more than 50000 XML elements; split the process into several files joined by call activities.", problem.Message);
    }

    [Fact]
    public void An_oversized_file_is_refused_before_it_is_read()
    {
        var padding = new string(' ', 6 * 1024 * 1024);
        var problem = OnlyProblem(Valid.Replace("</definitions>", padding + "</definitions>", StringComparison.Ordinal));
        Assert.Equal("bpmn-file-too-large", problem.Code);
        Assert.EndsWith("characters long; at most 5242880 are accepted.", problem.Message);
    }

    [Fact]
    public void The_limits_are_configurable()
    {
        Assert.Equal("bpmn-too-many-elements", OnlyProblem(Valid, new BpmnLimits { MaxElements = 3 }).Code);
        Assert.Equal("xml-nested-too-deep", OnlyProblem(Valid, new BpmnLimits { MaxDepth = 1 }).Code);
        Assert.Equal("bpmn-file-too-large", OnlyProblem(Valid, new BpmnLimits { MaxFileCharacters = 100 }).Code);
        Assert.Empty(BpmnParser.Parse(Valid).ParseProblems);
    }

    [Fact]
    public void Malformed_XML_is_still_reported_as_such()
    {
        var problem = OnlyProblem("<definitions><process id=\"p\"></definitions>");
        Assert.Equal("xml-malformed", problem.Code);
    }
}

using Pppk.Workflow.Engine.Dmn;
using Pppk.Workflow.Engine.Feel;

namespace Pppk.Workflow.Engine.Tests.Dmn;

/// <summary>Every hit policy over one table: grade by score, with output values giving priorities (A highest).</summary>
public class DmnHitPolicyTests
{
    private static string Table(string policy, string aggregation = "", string output = """<output id="o" name="grade" typeRef="string"><outputValues><text>"A","B","C"</text></outputValues></output>""") =>
        DmnSamples.Model($"""
            <inputData id="in" name="score"><variable name="score" typeRef="number"/></inputData>
            <decision id="d" name="grade"><informationRequirement><requiredInput href="#in"/></informationRequirement>
              <decisionTable id="dt" hitPolicy="{policy}" {aggregation}>
                <input id="i"><inputExpression typeRef="number"><text>score</text></inputExpression><inputValues><text>[0..100]</text></inputValues></input>
                {output}
                <rule id="r1"><inputEntry><text>&gt;= 50</text></inputEntry><outputEntry><text>"C"</text></outputEntry></rule>
                <rule id="r2"><inputEntry><text>&gt;= 80</text></inputEntry><outputEntry><text>"A"</text></outputEntry></rule>
                <rule id="r3"><inputEntry><text>[70..90]</text></inputEntry><outputEntry><text>"B"</text></outputEntry></rule>
                <rule id="r4"><inputEntry><text>not(&gt;= 50)</text></inputEntry><outputEntry><text>"F"</text></outputEntry></rule>
              </decisionTable>
            </decision>
            """);

    private static DmnEvaluation Run(string xml, decimal score)
    {
        var read = DmnReader.Read(xml);
        Assert.True(read.Model is not null, string.Join("\n", read.Problems));
        return DmnEvaluator.Evaluate(read.Model!, "grade", new Scope(FeelNumber.Of(score)), FeelEnvironment.Default);
    }

    [Theory]
    [InlineData("FIRST", 85, "\"C\"")]
    [InlineData("PRIORITY", 85, "\"A\"")]
    [InlineData("PRIORITY", 75, "\"B\"")]
    [InlineData("RULE ORDER", 85, "[\"C\", \"A\", \"B\"]")]
    [InlineData("OUTPUT ORDER", 85, "[\"A\", \"B\", \"C\"]")]
    [InlineData("COLLECT", 85, "[\"C\", \"A\", \"B\"]")]
    [InlineData("ANY", 60, "\"C\"")]
    [InlineData("UNIQUE", 60, "\"C\"")]
    public void Hit_policies_select_as_the_standard_says(string policy, int score, string expected) =>
        Assert.Equal(expected, Run(Table(policy), score).Output.ToString());

    [Fact]
    public void Any_with_different_outputs_and_unique_with_several_matches_are_null_with_a_warning()
    {
        foreach (var policy in new[] { "ANY", "UNIQUE" })
        {
            var evaluation = Run(Table(policy), 85);
            Assert.True(evaluation.Output.IsNull);
            Assert.Contains(evaluation.Warnings, w => w.Contains(policy));
        }
    }

    [Fact]
    public void Priority_trace_names_only_the_chosen_rule()
    {
        var rule = Assert.Single(Run(Table("PRIORITY"), 85).EvaluatedDecisions[0].MatchedRules);
        Assert.Equal(("r2", 2), (rule.RuleId, rule.RuleIndex));
    }

    [Fact]
    public void Output_and_input_values_are_enforced()
    {
        var notAllowed = Run(Table("FIRST"), 30);
        Assert.True(notAllowed.Output.IsNull);
        Assert.Contains(notAllowed.Warnings, w => w.Contains("output values"));

        var outOfRange = Run(Table("FIRST"), 120);
        Assert.True(outOfRange.Output.IsNull);
        Assert.Contains(outOfRange.Warnings, w => w.Contains("input values"));
    }

    [Theory]
    [InlineData("SUM", 85, "3")]
    [InlineData("MIN", 85, "0")]
    [InlineData("MAX", 85, "2")]
    [InlineData("COUNT", 85, "3")]
    [InlineData("COUNT", 10, "1")]
    public void Collect_aggregates_numbers(string aggregation, int score, string expected)
    {
        var output = """<output id="o" name="points" typeRef="number"/>""";
        var xml = Table("COLLECT", $"aggregation=\"{aggregation}\"", output)
            .Replace("\"C\"</text></outputEntry>", "1</text></outputEntry>").Replace("\"A\"</text></outputEntry>", "2</text></outputEntry>")
            .Replace("\"B\"</text></outputEntry>", "0</text></outputEntry>").Replace("\"F\"</text></outputEntry>", "5</text></outputEntry>");
        Assert.Equal(expected, Run(xml, score).Output.ToString());
    }

    [Fact]
    public void Default_output_entries_answer_when_no_rule_matches_and_several_outputs_make_a_context()
    {
        var xml = DmnSamples.Model("""
            <inputData id="in" name="score"/>
            <decision id="d" name="grade"><informationRequirement><requiredInput href="#in"/></informationRequirement>
              <decisionTable id="dt">
                <input id="i"><inputExpression><text>score</text></inputExpression></input>
                <output id="o1" name="grade"><defaultOutputEntry><text>"none"</text></defaultOutputEntry></output>
                <output id="o2" name="points"/>
                <rule id="r1"><inputEntry><text>&gt; 50</text></inputEntry><outputEntry><text>"pass"</text></outputEntry><outputEntry><text>score * 2</text></outputEntry></rule>
              </decisionTable>
            </decision>
            """);
        Assert.Equal("{grade: \"pass\", points: 120}", Run(xml, 60).Output.ToString());
        Assert.Equal("{grade: \"none\", points: null}", Run(xml, 10).Output.ToString());
    }

    private sealed class Scope(FeelValue score) : IFeelScope
    {
        public bool TryResolve(string name, out FeelValue value)
        {
            value = score;
            return name == "score";
        }
    }
}

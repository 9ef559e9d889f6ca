using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Dmn;
using Pppk.Workflow.Engine.Feel;
using Pppk.Workflow.Engine.Validation;

namespace Pppk.Workflow.Engine.Tests.Dmn;

public class DmnEvaluatorTests
{
    private static DmnModel Read(string xml)
    {
        var result = DmnReader.Read(xml);
        Assert.True(result.Model is not null, string.Join("\n", result.Problems));
        return result.Model!;
    }

    private static DmnEvaluation Evaluate(DmnModel model, string decision, JsonObject variables) =>
        DmnEvaluator.Evaluate(model, decision, FeelScope.FromJson(variables), FeelEnvironment.Default);

    [Fact]
    public void Reader_describes_decisions_with_their_inputs_and_requirements()
    {
        var model = Read(DmnSamples.Renewal());
        Assert.Equal("test", model.Name);
        Assert.Equal("urn:test", model.Namespace);
        Assert.Equal(["score", "unit needs"], model.InputData.Select(i => i.Name));
        var letter = model.Decisions.Single(d => d.Id == "letter");
        Assert.Equal("literalExpression", letter.Kind);
        Assert.Equal(["recommendation"], letter.RequiredDecisions);
        Assert.Equal(["score", "unit needs"], letter.RequiredInputs.Select(i => i.Name));
        Assert.Equal("decisionTable", model.Decisions.Single(d => d.Id == "recommendation").Kind);
    }

    [Fact]
    public void A_table_without_input_data_reads_the_process_variables_only_when_asked_to()
    {
        const string xml = """
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="urn:plain">
              <decision id="grade" name="grade">
                <decisionTable hitPolicy="FIRST">
                  <input id="i1" label="Nilai"><inputExpression typeRef="number"><text>score</text></inputExpression></input>
                  <output id="o1" name="grade" typeRef="string" />
                  <rule id="high"><inputEntry><text>&gt;= 80</text></inputEntry><outputEntry><text>"A"</text></outputEntry></rule>
                  <rule id="rest"><inputEntry><text>-</text></inputEntry><outputEntry><text>"B"</text></outputEntry></rule>
                </decisionTable>
              </decision>
            </definitions>
            """;
        var model = Read(xml);
        var variables = FeelScope.FromJson(new JsonObject { ["score"] = 90 });
        // The standard: 'score' is no requirement of the decision, so the table sees null and only the catch-all rule matches.
        Assert.Equal("\"B\"", DmnEvaluator.Evaluate(model, "grade", variables, FeelEnvironment.Default).Output.ToString());
        // A business rule task (as Camunda 8): the undeclared name is the process variable.
        var process = DmnEvaluator.Evaluate(model, "grade", variables, FeelEnvironment.Default, DmnEvaluateOptions.Process);
        Assert.Equal("\"A\"", process.Output.ToString());
        Assert.Equal("high", Assert.Single(process.EvaluatedDecisions[0].MatchedRules).RuleId);
    }

    [Fact]
    public void Process_evaluations_read_ISO_strings_as_the_temporal_type_the_resolved_typeRef_names()
    {
        var model = Read(DmnSamples.Model("""
            <itemDefinition name="tEnd"><typeRef>date</typeRef></itemDefinition>
            <itemDefinition name="tLate"><typeRef>tEnd</typeRef><allowedValues><text>&gt;= date("2027-01-01")</text></allowedValues></itemDefinition>
            <itemDefinition name="tWait"><typeRef>days and time duration</typeRef></itemDefinition>
            <inputData id="in_end" name="contract end"><variable name="contract end" typeRef="tEnd"/></inputData>
            <inputData id="in_late" name="late end"><variable name="late end" typeRef="tLate"/></inputData>
            <inputData id="in_wait" name="wait"><variable name="wait" typeRef="tWait"/></inputData>
            <decision id="seen" name="seen">
              <informationRequirement><requiredInput href="#in_end"/></informationRequirement>
              <informationRequirement><requiredInput href="#in_late"/></informationRequirement>
              <informationRequirement><requiredInput href="#in_wait"/></informationRequirement>
              <literalExpression><text>[contract end + duration("P1D"), late end, wait]</text></literalExpression>
            </decision>
            """));
        var variables = new JsonObject { ["contract end"] = "2026-06-30", ["late end"] = "2026-01-01", ["wait"] = "P2Y" };
        // Through two item definitions the string is a date; a date outside the allowed values and a duration of the other kind are null.
        var process = DmnEvaluator.Evaluate(model, "seen", FeelScope.FromJson(variables), FeelEnvironment.Default, DmnEvaluateOptions.Process);
        Assert.Equal("[date(\"2026-07-01\"), null, null]", process.Output.ToString());
        Assert.Equal(2, process.Warnings.Count);
        // The standard (and the TCK) keep a string a string: it does not conform to a date, so it is null.
        Assert.Equal("[null, null, null]", Evaluate(model, "seen", variables).Output.ToString());
    }

    [Fact]
    public void Unique_table_gives_the_matching_rule_with_inputs_and_annotation()
    {
        var evaluation = Evaluate(Read(DmnSamples.Renewal()), "Recommendation", new() { ["score"] = 75, ["unit needs"] = false });
        Assert.Equal("\"review\"", evaluation.Output.ToString());
        var decision = Assert.Single(evaluation.EvaluatedDecisions);
        Assert.Equal(["Score", "unit needs"], decision.Inputs.Select(i => i.Label));
        Assert.Equal("75", decision.Inputs[0].Value.ToString());
        var rule = Assert.Single(decision.MatchedRules);
        Assert.Equal(("r2", 2), (rule.RuleId, rule.RuleIndex));
        Assert.Equal("recommendation", rule.Outputs[0].Name);
        Assert.Empty(evaluation.Warnings);
    }

    [Fact]
    public void Unique_with_two_matches_is_null_with_a_warning_and_first_takes_the_first()
    {
        var unique = Evaluate(Read(DmnSamples.Renewal()), "recommendation", new() { ["score"] = 80, ["unit needs"] = true });
        Assert.True(unique.Output.IsNull);
        Assert.Contains(unique.Warnings, w => w.Contains("UNIQUE"));

        var first = Evaluate(Read(DmnSamples.Renewal("FIRST")), "recommendation", new() { ["score"] = 80, ["unit needs"] = true });
        Assert.Equal("\"extend\"", first.Output.ToString());
        Assert.Equal("good and needed", Assert.Single(first.EvaluatedDecisions[0].MatchedRules).Annotation);
    }

    [Fact]
    public void Collect_lists_every_match_and_required_decisions_are_evaluated_first()
    {
        var collect = Evaluate(Read(DmnSamples.Renewal("COLLECT", "list")), "recommendation", new() { ["score"] = 80, ["unit needs"] = true });
        Assert.Equal("[\"extend\", \"review\"]", collect.Output.ToString());
        Assert.Equal(2, collect.EvaluatedDecisions[0].MatchedRules.Count);

        var letter = Evaluate(Read(DmnSamples.Renewal()), "letter", new() { ["score"] = 50, ["unit needs"] = true });
        Assert.Equal("\"Recommendation: stop\"", letter.Output.ToString());
        Assert.Equal(["recommendation", "letter"], letter.EvaluatedDecisions.Select(d => d.DecisionId));
    }

    [Fact]
    public void A_value_of_the_wrong_type_becomes_null_with_a_warning()
    {
        var evaluation = Evaluate(Read(DmnSamples.Renewal()), "recommendation", new() { ["score"] = "high", ["unit needs"] = true });
        Assert.True(evaluation.Output.IsNull);
        Assert.Contains(evaluation.Warnings, w => w.Contains("score") && w.Contains("number"));
    }

    [Fact]
    public void Unknown_decision_throws_with_a_code()
    {
        var e = Assert.Throws<DmnEvaluationException>(() => Evaluate(Read(DmnSamples.Renewal()), "nope", []));
        Assert.Equal("dmn-unknown-decision", e.Code);
        Assert.Contains("nope", e.Text.In(Engine.Localization.Language.Indonesian));
    }

    [Fact]
    public void Reader_reports_bad_feel_and_bad_references_with_codes_in_both_languages()
    {
        var result = DmnReader.Read(DmnSamples.Model("""
            <decision id="d" name="D"><informationRequirement><requiredInput href="#missing"/></informationRequirement>
              <literalExpression><text>1 +</text></literalExpression></decision>
            """));
        Assert.Null(result.Model);
        Assert.Contains(result.Problems, p => p.Code == "dmn-feel-syntax" && p.ElementId == "D" && p.Severity == Severity.Error);
        var missing = Assert.Single(result.Problems, p => p.Code == "dmn-missing-reference");
        Assert.Equal("d", missing.ElementId);
        Assert.Contains("Keputusan", missing.Text.In(Engine.Localization.Language.Indonesian));
        Assert.Equal("dmn-not-dmn", Assert.Single(DmnReader.Read("<bpmn/>").Problems).Code);
        Assert.Equal("dmn-not-xml", Assert.Single(DmnReader.Read("<definitions").Problems).Code);
    }

    [Fact]
    public void One_model_evaluates_on_many_threads_at_once_with_the_same_results()
    {
        var model = Read(DmnSamples.Renewal("FIRST"));
        var results = new string[400];
        Parallel.For(0, results.Length, i =>
            results[i] = Evaluate(model, "letter", new() { ["score"] = i % 100, ["unit needs"] = i % 2 == 0 }).Output.ToString());
        for (var i = 0; i < results.Length; i++)
        {
            var expected = i % 100 >= 70 && i % 2 == 0 ? "extend" : i % 100 >= 60 ? "review" : "stop";
            Assert.Equal($"\"Recommendation: {expected}\"", results[i]);
        }
    }
}

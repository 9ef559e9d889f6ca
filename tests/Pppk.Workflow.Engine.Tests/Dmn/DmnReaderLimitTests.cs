using System.Text;
using Pppk.Workflow.Engine.Dmn;
using Pppk.Workflow.Engine.Feel;

namespace Pppk.Workflow.Engine.Tests.Dmn;

/// <summary>No file can make reading or evaluating hang or overflow the stack: size, nesting, cycles.</summary>
public class DmnReaderLimitTests
{
    [Fact]
    public void Deep_nesting_and_too_many_elements_are_refused_with_codes()
    {
        var deep = new StringBuilder("<decision id=\"d\" name=\"d\">");
        for (var i = 0; i < 150; i++)
            deep.Append("<context><contextEntry>");
        deep.Append("<literalExpression><text>1</text></literalExpression>");
        for (var i = 0; i < 150; i++)
            deep.Append("</contextEntry></context>");
        deep.Append("</decision>");
        Assert.Equal("dmn-too-deep", Assert.Single(DmnReader.Read(DmnSamples.Model(deep.ToString())).Problems).Code);

        var many = string.Concat(Enumerable.Range(0, DmnReader.MaxDrgElements + 1).Select(i => $"<inputData id=\"i{i}\" name=\"i{i}\"/>"));
        Assert.Equal("dmn-too-many-elements", Assert.Single(DmnReader.Read(DmnSamples.Model(many)).Problems).Code);
        Assert.Equal("dmn-not-xml", Assert.Single(DmnReader.Read("<!DOCTYPE x [<!ENTITY a \"b\">]><definitions/>").Problems).Code);
    }

    [Fact]
    public void Cyclic_item_definitions_and_decisions_neither_loop_nor_crash()
    {
        var types = DmnReader.Read(DmnSamples.Model("""
            <itemDefinition name="tA"><typeRef>tB</typeRef></itemDefinition>
            <itemDefinition name="tB"><typeRef>tA</typeRef></itemDefinition>
            """));
        Assert.Contains(types.Problems, p => p.Code == "dmn-cyclic-type" && p.ElementId == "tA");

        var read = DmnReader.Read(DmnSamples.Model("""
            <decision id="a" name="a"><informationRequirement><requiredDecision href="#b"/></informationRequirement><literalExpression><text>b + 1</text></literalExpression></decision>
            <decision id="b" name="b"><informationRequirement><requiredDecision href="#a"/></informationRequirement><literalExpression><text>a + 1</text></literalExpression></decision>
            """));
        var evaluation = DmnEvaluator.Evaluate(read.Model!, "a", FeelScope.Empty, FeelEnvironment.Default);
        Assert.True(evaluation.Output.IsNull);
        Assert.Contains(evaluation.Warnings, w => w.Contains("requires itself"));
    }

    [Fact]
    public void A_long_chain_of_required_decisions_is_read_and_evaluated()
    {
        var chain = new StringBuilder("<decision id=\"d0\" name=\"d0\"><literalExpression><text>0</text></literalExpression></decision>");
        for (var i = 1; i < 2000; i++)
            chain.Append($"<decision id=\"d{i}\" name=\"d{i}\"><informationRequirement><requiredDecision href=\"#d{i - 1}\"/></informationRequirement><literalExpression><text>d{i - 1} + 1</text></literalExpression></decision>");
        var model = DmnReader.Read(DmnSamples.Model(chain.ToString())).Model!;
        try
        {
            Assert.Equal("1999", DmnEvaluator.Evaluate(model, "d1999", FeelScope.Empty, FeelEnvironment.Default).Output.ToString());
        }
        catch (DmnEvaluationException e)
        {
            // A stack smaller than the chain needs ends as a limit, never as a crash.
            Assert.StartsWith("feel-limit", e.Code);
        }
    }
}

using Pppk.Workflow.Engine.Dmn;
using Pppk.Workflow.Engine.Feel;

namespace Pppk.Workflow.Engine.Tests.Dmn;

/// <summary>Contexts, relations, lists, invocations of business knowledge models, decision services, item definitions, imports, limits.</summary>
public class DmnBoxedExpressionTests
{
    private static DmnModel Read(string xml, params DmnModel[] imports)
    {
        var read = DmnReader.Read(xml, imports);
        Assert.True(read.Model is not null, string.Join("\n", read.Problems));
        return read.Model!;
    }

    private static DmnEvaluation Run(DmnModel model, string decision, params (string Name, FeelValue Value)[] inputs) =>
        DmnEvaluator.Evaluate(model, decision, new MapScope(inputs.ToDictionary(i => i.Name, i => i.Value)), FeelEnvironment.Default);

    private const string Knowledge = """
        <businessKnowledgeModel id="bkm" name="monthly pay">
          <encapsulatedLogic>
            <formalParameter name="grade" typeRef="number"/><formalParameter name="part time" typeRef="boolean"/>
            <context>
              <contextEntry><variable name="base" typeRef="number"/><literalExpression><text>1000000 + grade * 250000</text></literalExpression></contextEntry>
              <contextEntry><literalExpression><text>if part time then base / 2 else base</text></literalExpression></contextEntry>
            </context>
          </encapsulatedLogic>
        </businessKnowledgeModel>
        """;

    [Fact]
    public void Invocation_binds_parameters_by_name_and_a_literal_may_call_the_knowledge_model_too()
    {
        var model = Read(DmnSamples.Model(Knowledge + """
            <decision id="d1" name="pay"><knowledgeRequirement><requiredKnowledge href="#bkm"/></knowledgeRequirement>
              <invocation><literalExpression><text>monthly pay</text></literalExpression>
                <binding><parameter name="part time"/><literalExpression><text>true</text></literalExpression></binding>
                <binding><parameter name="grade"/><literalExpression><text>4</text></literalExpression></binding>
              </invocation>
            </decision>
            <decision id="d2" name="pay list"><knowledgeRequirement><requiredKnowledge href="#bkm"/></knowledgeRequirement>
              <literalExpression><text>for g in [1, 2] return monthly pay(g, false)</text></literalExpression>
            </decision>
            """));
        Assert.Equal("1000000", Run(model, "pay").Output.ToString());
        Assert.Equal("[1250000, 1500000]", Run(model, "pay list").Output.ToString());
        var wrongType = Run(Read(DmnSamples.Model(Knowledge + """
            <decision id="d" name="bad"><knowledgeRequirement><requiredKnowledge href="#bkm"/></knowledgeRequirement>
              <literalExpression><text>monthly pay("four", false)</text></literalExpression></decision>
            """)), "bad");
        Assert.True(wrongType.Output.IsNull);
        Assert.Contains(wrongType.Warnings, w => w.Contains("grade"));
    }

    [Fact]
    public void Relations_lists_and_boxed_filters_build_values()
    {
        var model = Read(DmnSamples.Model("""
            <decision id="d" name="units">
              <context>
                <contextEntry><variable name="table"/>
                  <relation>
                    <column name="unit"/><column name="quota" typeRef="number"/>
                    <row><literalExpression><text>"BKD"</text></literalExpression><literalExpression><text>3</text></literalExpression></row>
                    <row><literalExpression><text>"Dinkes"</text></literalExpression><literalExpression><text>0</text></literalExpression></row>
                  </relation>
                </contextEntry>
                <contextEntry><variable name="open"/>
                  <filter><in><literalExpression><text>table</text></literalExpression></in><match><literalExpression><text>quota &gt; 0</text></literalExpression></match></filter>
                </contextEntry>
                <contextEntry><variable name="names"/>
                  <list><literalExpression><text>open[1].unit</text></literalExpression><literalExpression><text>"x"</text></literalExpression></list>
                </contextEntry>
              </context>
            </decision>
            """));
        Assert.Equal("{table: [{unit: \"BKD\", quota: 3}, {unit: \"Dinkes\", quota: 0}], open: [{unit: \"BKD\", quota: 3}], names: [\"BKD\", \"x\"]}",
            Run(model, "units").Output.ToString());
    }

    [Fact]
    public void Decision_service_evaluates_its_outputs_from_given_inputs_and_input_decisions()
    {
        var model = Read(DmnSamples.Model("""
            <inputData id="a" name="a"><variable name="a" typeRef="number"/></inputData>
            <decision id="b" name="b"><variable name="b" typeRef="number"/><literalExpression><text>100</text></literalExpression></decision>
            <decision id="sum" name="sum"><informationRequirement><requiredInput href="#a"/></informationRequirement>
              <informationRequirement><requiredDecision href="#b"/></informationRequirement><literalExpression><text>a + b</text></literalExpression></decision>
            <decisionService id="svc" name="adder"><outputDecision href="#sum"/><inputDecision href="#b"/><inputData href="#a"/></decisionService>
            <decision id="use" name="use"><knowledgeRequirement><requiredKnowledge href="#svc"/></knowledgeRequirement>
              <literalExpression><text>adder(1, 2)</text></literalExpression></decision>
            """));
        Assert.Equal("3", Run(model, "use").Output.ToString());
        Assert.Equal("15", Run(model, "adder", ("a", FeelNumber.Of(5)), ("b", FeelNumber.Of(10))).Output.ToString());
        Assert.Equal("decisionService", model.Decisions.Single(d => d.Id == "svc").Kind);
    }

    [Fact]
    public void Item_definitions_check_structure_collections_and_allowed_values()
    {
        var model = Read(DmnSamples.Model("""
            <itemDefinition name="tGrade"><typeRef>string</typeRef><allowedValues><text>"I","II","III"</text></allowedValues></itemDefinition>
            <itemDefinition name="tPerson"><itemComponent name="name"><typeRef>string</typeRef></itemComponent><itemComponent name="grade"><typeRef>tGrade</typeRef></itemComponent></itemDefinition>
            <itemDefinition name="tPeople" isCollection="true"><typeRef>tPerson</typeRef></itemDefinition>
            <inputData id="p" name="people"><variable name="people" typeRef="tPeople"/></inputData>
            <decision id="d" name="count"><informationRequirement><requiredInput href="#p"/></informationRequirement>
              <literalExpression><text>if people instance of tPeople then count(people) else -1</text></literalExpression></decision>
            """));
        FeelValue Person(string grade) => new FeelContext([new("name", new FeelString("Ani")), new("grade", new FeelString(grade))]);
        Assert.Equal("2", Run(model, "count", ("people", new FeelList([Person("I"), Person("III")]))).Output.ToString());
        Assert.Equal("1", Run(model, "count", ("people", Person("II"))).Output.ToString());
        var bad = Run(model, "count", ("people", new FeelList([Person("IV")])));
        Assert.Equal("-1", bad.Output.ToString());
        Assert.Contains(bad.Warnings, w => w.Contains("people") && w.Contains("tPeople"));
    }

    [Fact]
    public void Imported_decisions_are_reached_by_their_import_name()
    {
        var library = Read(DmnSamples.Model("""
            <inputData id="n" name="name"><variable name="name" typeRef="string"/></inputData>
            <decision id="greet" name="greeting"><informationRequirement><requiredInput href="#n"/></informationRequirement>
              <literalExpression><text>"Halo, " + name</text></literalExpression></decision>
            """, "library", "urn:library"));
        var model = Read(DmnSamples.Model("""
            <import namespace="urn:library" name="lib" importType="https://www.omg.org/spec/DMN/20230324/MODEL/"/>
            <decision id="d" name="letter"><informationRequirement><requiredDecision href="urn:library#greet"/></informationRequirement>
              <literalExpression><text>lib.greeting + "!"</text></literalExpression></decision>
            """), library);
        var input = new FeelContext([new("name", new FeelString("Ani"))]);
        Assert.Equal("\"Halo, Ani!\"", Run(model, "letter", ("lib", input)).Output.ToString());
        Assert.Equal("lib.name", Assert.Single(model.Decisions[0].RequiredInputs).Name);
        Assert.Equal("dmn-missing-import", Assert.Single(DmnReader.Read(DmnSamples.Model("""
            <import namespace="urn:other" name="o" importType="https://www.omg.org/spec/DMN/20230324/MODEL/"/>
            """)).Problems).Code);
    }

    [Fact]
    public void Endless_recursion_stops_at_the_limits_with_a_coded_exception()
    {
        var model = Read(DmnSamples.Model("""
            <businessKnowledgeModel id="f" name="forever"><encapsulatedLogic><formalParameter name="n"/>
              <literalExpression><text>forever(n + 1)</text></literalExpression></encapsulatedLogic></businessKnowledgeModel>
            <decision id="d" name="d"><knowledgeRequirement><requiredKnowledge href="#f"/></knowledgeRequirement>
              <literalExpression><text>forever(1)</text></literalExpression></decision>
            <decision id="loop" name="loop"><literalExpression><text>for i in 1..100000000 return i</text></literalExpression></decision>
            """));
        var deep = Assert.Throws<DmnEvaluationException>(() => Run(model, "d"));
        Assert.StartsWith("feel-limit", deep.Code);
        Assert.Equal("d", deep.ElementId);
        var heavy = Assert.Throws<DmnEvaluationException>(() => Run(model, "loop"));
        Assert.StartsWith("feel-limit", heavy.Code);
    }

    [Fact]
    public void A_boxed_for_binds_partial_only_when_its_body_names_it_and_pays_for_each_copy()
    {
        static string For(string id, string items, string body) => $"""
            <decision id="{id}" name="{id}"><for iteratorVariable="item">
              <in><literalExpression><text>{items}</text></literalExpression></in>
              <return><literalExpression><text>{body}</text></literalExpression></return></for></decision>
            """;
        var model = Read(DmnSamples.Model(For("running", "[1, 2, 3]", "item + count(partial)")
            + For("plain", "for i in 1..3000 return i", "item")
            + For("copies", "for i in 1..3000 return i", "if item &lt; 0 then partial else item")));
        Assert.Equal("[1, 3, 5]", Run(model, "running").Output.ToString());
        Assert.Equal(3000, ((FeelList)Run(model, "plain").Output).Count);
        // A body that names partial without reading it still gets a copy each round: about 4.5 million units, over the default 1 million.
        Assert.StartsWith("feel-limit", Assert.Throws<DmnEvaluationException>(() => Run(model, "copies")).Code);
    }

    [Fact]
    public void Java_functions_outside_the_mapped_ones_and_pmml_are_not_supported()
    {
        var model = Read(DmnSamples.Model("""
            <decision id="d" name="d"><context>
              <contextEntry><variable name="f"/><functionDefinition kind="PMML"><formalParameter name="x"/>
                <context><contextEntry><variable name="document"/><literalExpression><text>"m"</text></literalExpression></contextEntry></context>
              </functionDefinition></contextEntry>
              <contextEntry><literalExpression><text>f(1)</text></literalExpression></contextEntry>
            </context></decision>
            """));
        Assert.Equal("dmn-function-kind-unsupported", Assert.Throws<DmnEvaluationException>(() => Run(model, "d")).Code);
    }
}

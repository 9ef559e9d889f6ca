namespace Pppk.Workflow.Engine.Tests.Dmn;

/// <summary>Small DMN 1.5 models the unit tests read.</summary>
internal static class DmnSamples
{
    public const string Ns = "https://www.omg.org/spec/DMN/20230324/MODEL/";

    public static string Model(string body, string name = "test", string ns = "urn:test") =>
        $"""<?xml version="1.0" encoding="UTF-8"?><definitions xmlns="{Ns}" id="defs" name="{name}" namespace="{ns}">{body}</definitions>""";

    /// <summary>A table over score and unit need, with rule annotations, and a literal decision requiring it.</summary>
    public static string Renewal(string hitPolicy = "UNIQUE", string decisionType = "string") => Model($"""
        <inputData id="in_score" name="score"><variable name="score" typeRef="number"/></inputData>
        <inputData id="in_need" name="unit needs"><variable name="unit needs" typeRef="boolean"/></inputData>
        <decision id="recommendation" name="Recommendation">
          <variable name="Recommendation" typeRef="{decisionType}"/>
          <informationRequirement><requiredInput href="#in_score"/></informationRequirement>
          <informationRequirement><requiredInput href="#in_need"/></informationRequirement>
          <decisionTable id="dt" hitPolicy="{hitPolicy}">
            <input id="i1" label="Score"><inputExpression typeRef="number"><text>score</text></inputExpression></input>
            <input id="i2"><inputExpression typeRef="boolean"><text>unit needs</text></inputExpression></input>
            <output id="o1" name="recommendation" typeRef="string"/>
            <rule id="r1"><description>good and needed</description><inputEntry><text>&gt;= 70</text></inputEntry><inputEntry><text>true</text></inputEntry><outputEntry><text>"extend"</text></outputEntry></rule>
            <rule id="r2"><inputEntry><text>&gt;= 60</text></inputEntry><inputEntry><text>-</text></inputEntry><outputEntry><text>"review"</text></outputEntry></rule>
            <rule id="r3"><inputEntry><text>&lt; 60</text></inputEntry><inputEntry><text>-</text></inputEntry><outputEntry><text>"stop"</text></outputEntry></rule>
          </decisionTable>
        </decision>
        <decision id="letter" name="Letter">
          <variable name="Letter" typeRef="string"/>
          <informationRequirement><requiredDecision href="#recommendation"/></informationRequirement>
          <literalExpression><text>"Recommendation: " + Recommendation</text></literalExpression>
        </decision>
        """);
}

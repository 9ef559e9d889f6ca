using System.Xml.Linq;
using Pppk.Workflow.Engine.Feel;
using Pppk.Workflow.Engine.Validation;

namespace Pppk.Workflow.Engine.Dmn;

internal sealed partial class Builder
{
    private DecisionTableExpression ReadTable(XElement e, string owner)
    {
        var id = Attr(e, "id") ?? owner;
        var policyText = (Attr(e, "hitPolicy") ?? "UNIQUE").Trim().ToUpperInvariant();
        HitPolicy? policy = policyText switch
        {
            "UNIQUE" => HitPolicy.Unique, "FIRST" => HitPolicy.First, "PRIORITY" => HitPolicy.Priority, "ANY" => HitPolicy.Any,
            "COLLECT" => HitPolicy.Collect, "RULE ORDER" => HitPolicy.RuleOrder, "OUTPUT ORDER" => HitPolicy.OutputOrder,
            _ => null,
        };
        if (policy is null)
            problems.Add(ValidationProblem.Error(id, DmnTexts.UnknownHitPolicy.Format(id, policyText)));
        var aggregation = (Attr(e, "aggregation") ?? "").Trim().ToUpperInvariant() switch
        {
            "SUM" => Aggregation.Sum, "MIN" => Aggregation.Min, "MAX" => Aggregation.Max, "COUNT" => Aggregation.Count,
            _ => Aggregation.None,
        };
        var table = new DecisionTableExpression
        {
            Id = id, TypeRef = Attr(e, "typeRef"), HitPolicy = policy ?? HitPolicy.Unique, Aggregation = aggregation,
            OutputLabel = Attr(e, "outputLabel"),
        };
        var index = 0;
        foreach (var input in e.Elements(ns + "input"))
        {
            index++;
            var expression = input.Element(ns + "inputExpression");
            var literal = ReadLiteral(expression ?? new XElement(ns + "inputExpression"), owner);
            var label = Attr(input, "label") ?? (literal.Text.Length > 0 ? literal.Text : $"input {index}");
            table.Inputs.Add(new TableInput(Attr(input, "id") ?? $"{id}-input-{index}", label, literal,
                Tests(input.Element(ns + "inputValues"), owner, id)) { TypeRef = Attr(expression, "typeRef") });
        }
        index = 0;
        foreach (var output in e.Elements(ns + "output"))
        {
            index++;
            var valuesText = output.Element(ns + "outputValues")?.Element(ns + "text")?.Value;
            var name = Attr(output, "name") ?? Attr(output, "label") ?? table.OutputLabel ?? owner;
            var defaultEntry = output.Element(ns + "defaultOutputEntry");
            table.Outputs.Add(new TableOutput(Attr(output, "id") ?? $"{id}-output-{index}", name.Trim(),
                Tests(output.Element(ns + "outputValues"), owner, id),
                defaultEntry is null ? null : ReadLiteral(defaultEntry, owner),
                PriorityList(valuesText)) { TypeRef = Attr(output, "typeRef") });
        }
        index = 0;
        foreach (var rule in e.Elements(ns + "rule"))
        {
            index++;
            var ruleId = Attr(rule, "id") ?? $"{id}-rule-{index}";
            var inputs = rule.Elements(ns + "inputEntry").Select(i => Tests(i, owner, ruleId) ?? UnaryTests.AnyValue).ToArray();
            var outputs = rule.Elements(ns + "outputEntry").Select(o => ReadLiteral(o, owner)).ToArray();
            if (inputs.Length != table.Inputs.Count || outputs.Length != table.Outputs.Count)
            {
                problems.Add(ValidationProblem.Error(ruleId,
                    DmnTexts.RuleShape.Format(index, id, inputs.Length, outputs.Length, table.Inputs.Count, table.Outputs.Count)));
                continue;
            }
            var annotation = rule.Element(ns + "description")?.Value.Trim()
                ?? rule.Elements(ns + "annotationEntry").Select(a => a.Element(ns + "text")?.Value.Trim()).FirstOrDefault(t => !string.IsNullOrEmpty(t));
            table.Rules.Add(new TableRule(ruleId, inputs, outputs, string.IsNullOrEmpty(annotation) ? null : annotation));
        }
        return table;
    }

    /// <summary>Output values as a list for priorities; values that are not plain expressions (<c>&lt; 5</c>) give no priorities.</summary>
    private FeelExpression? PriorityList(string? valuesText) =>
        string.IsNullOrWhiteSpace(valuesText) ? null : TryParse("[" + valuesText + "]");

    private FeelExpression? TryParse(string text)
    {
        try
        {
            return FeelExpression.Parse(text, options);
        }
        catch (FeelSyntaxException)
        {
            return null;
        }
    }
}

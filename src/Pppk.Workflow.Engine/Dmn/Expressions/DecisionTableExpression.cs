using Pppk.Workflow.Engine.Feel;

namespace Pppk.Workflow.Engine.Dmn;

internal enum HitPolicy { Unique, First, Priority, Any, Collect, RuleOrder, OutputOrder }

internal enum Aggregation { None, Sum, Min, Max, Count }

internal sealed record TableInput(string Id, string Label, LiteralExpression Expression, UnaryTests? Values)
{
    public DmnType Type { get; set; } = DmnType.Any;
    public string? TypeRef { get; init; }
}

internal sealed record TableOutput(string Id, string Name, UnaryTests? Values, LiteralExpression? Default, FeelExpression? ValueList)
{
    public DmnType Type { get; set; } = DmnType.Any;
    public string? TypeRef { get; init; }
}

internal sealed record TableRule(string Id, UnaryTests[] Inputs, LiteralExpression[] Outputs, string? Annotation);

/// <summary>A decision table: every hit policy, input/output values, priorities, default output entries.</summary>
internal sealed partial class DecisionTableExpression : BoxedExpression
{
    public HitPolicy HitPolicy { get; init; }

    public Aggregation Aggregation { get; init; }

    public string? OutputLabel { get; init; }

    public List<TableInput> Inputs { get; } = [];

    public List<TableOutput> Outputs { get; } = [];

    public List<TableRule> Rules { get; } = [];

    public override IEnumerable<BoxedExpression> Children =>
        Inputs.Select(i => (BoxedExpression)i.Expression)
            .Concat(Outputs.Where(o => o.Default is not null).Select(o => (BoxedExpression)o.Default!))
            .Concat(Rules.SelectMany(r => r.Outputs));

    protected override FeelValue Eval(DmnRun run, IFeelScope scope) => Evaluate(run, scope, new DecisionTrace());

    public FeelValue Evaluate(DmnRun run, IFeelScope scope, DecisionTrace trace) =>
        Type.Coerce(EvaluateTable(run, scope, trace), run, $"Decision table '{Id}'");

    private FeelValue EvaluateTable(DmnRun run, IFeelScope scope, DecisionTrace trace)
    {
        var values = new FeelValue[Inputs.Count];
        var valid = true;
        for (var i = 0; i < Inputs.Count; i++)
        {
            var input = Inputs[i];
            var value = input.Type.Coerce(input.Expression.Evaluate(run, scope), run, $"Input '{input.Label}' of '{Id}'");
            values[i] = value;
            trace.Inputs.Add(new EvaluatedInput(input.Id, input.Label, input.Expression.Text, value));
            if (input.Values is { } allowed && !value.IsNull && allowed.Test(value, scope, run) != true)
            {
                run.Warn($"Decision table '{Id}': input '{input.Label}' is {value}, not one of its input values {allowed.Text}; the result is null.");
                valid = false;
            }
        }
        if (!valid)
            return FeelValue.Null;

        var matched = new List<(TableRule Rule, int Index, FeelValue[] Outputs)>();
        for (var r = 0; r < Rules.Count; r++)
        {
            EvaluationBudget.Current?.Tick();
            var rule = Rules[r];
            if (!Matches(rule, values, scope, run))
                continue;
            var outputs = new FeelValue[Outputs.Count];
            for (var o = 0; o < Outputs.Count; o++)
                outputs[o] = OutputValue(Outputs[o], rule.Outputs[o].Evaluate(run, scope), run, scope);
            matched.Add((rule, r + 1, outputs));
            if (HitPolicy == HitPolicy.First)
                break;
        }
        var result = Select(matched, run, scope, out var chosen);
        foreach (var (rule, index, outputs) in chosen)
            trace.Rules.Add(new MatchedRule(rule.Id, index, rule.Annotation, [.. Outputs.Select((o, i) => (o.Name, outputs[i]))]));
        return result;
    }

    private static bool Matches(TableRule rule, FeelValue[] values, IFeelScope scope, DmnRun run)
    {
        for (var i = 0; i < rule.Inputs.Length && i < values.Length; i++)
            if (rule.Inputs[i].Test(values[i], scope, run) != true)
                return false;
        return true;
    }

    private FeelValue OutputValue(TableOutput output, FeelValue value, DmnRun run, IFeelScope scope)
    {
        value = output.Type.Coerce(value, run, $"Output '{output.Name}' of '{Id}'");
        if (output.Values is { } allowed && !value.IsNull && allowed.Test(value, scope, run) != true)
        {
            run.Warn($"Decision table '{Id}': output '{output.Name}' is {value}, not one of its output values {allowed.Text}; it is null.");
            return FeelValue.Null;
        }
        return value;
    }
}

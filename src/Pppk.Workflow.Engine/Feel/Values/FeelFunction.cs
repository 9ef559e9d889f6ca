using System.Text.Json.Nodes;

namespace Pppk.Workflow.Engine.Feel;

/// <summary>A function value: a built-in or a user <c>function(a, b) ...</c> definition.</summary>
public abstract class FeelFunction : FeelValue
{
    public abstract string Name { get; }

    /// <summary>Parameter names, for named invocation.</summary>
    public abstract IReadOnlyList<string> Parameters { get; }

    public override FeelType Type => FeelType.Function;

    internal abstract FeelValue Invoke(ReadOnlySpan<FeelValue> args, EvaluationContext context);

    public override JsonNode? ToJson() => null;

    public override string ToString() => $"function {Name}({string.Join(", ", Parameters)})";
}

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

    /// <summary>
    /// A function implemented by the host (a DMN business knowledge model or decision service): FEEL calls it with its
    /// arguments in parameter order (named arguments are ordered by <paramref name="parameters"/>; missing ones are null).
    /// </summary>
    public static FeelFunction Create(string name, IReadOnlyList<string> parameters, Func<IReadOnlyList<FeelValue>, FeelValue> body) =>
        new HostFunction(name, parameters, body);

    /// <summary>Calls this function from outside an expression (a DMN invocation); inside a running evaluation it spends from its budget.</summary>
    public FeelValue Call(IReadOnlyList<FeelValue> args, FeelEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        return FeelExpression.Run(FeelScope.Empty, environment, (function: this, args), static (state, context) =>
        {
            var array = state.args as FeelValue[] ?? [.. state.args];
            return state.function.Invoke(array, context);
        });
    }

    public override JsonNode? ToJson() => null;

    public override string ToString() => $"function {Name}({string.Join(", ", Parameters)})";
}

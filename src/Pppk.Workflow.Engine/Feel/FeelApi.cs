using System.Text.Json.Nodes;

namespace Pppk.Workflow.Engine.Feel;

// The public surface of the FEEL library that the rest of the engine relies on.
// The implementation behind it is free to change; these members are the contract.

/// <summary>A parsed FEEL expression, immutable and safe to cache and share between threads.</summary>
public sealed partial class FeelExpression
{
    /// <summary>The expression text as given (without the leading '=' of BPMN attributes).</summary>
    public string Source { get; }

    /// <summary>Parses <paramref name="source"/>; throws <see cref="FeelSyntaxException"/> naming what was expected, line and column.</summary>
    public static FeelExpression Parse(string source) => throw new NotImplementedException();

    /// <summary>Evaluates against variables and an environment (clock, time zone, holiday calendar). Type errors give FEEL null.</summary>
    public FeelValue Evaluate(IFeelScope scope, FeelEnvironment environment) => throw new NotImplementedException();

    private FeelExpression(string source) => Source = source;
}

/// <summary>Where an expression finds its variables (the engine implements this over its nested variable scopes).</summary>
public interface IFeelScope
{
    bool TryResolve(string name, out FeelValue value);
}

/// <summary>A FEEL value. <see cref="ToJson"/> and <see cref="FromJson"/> are the defined mapping to process variables.</summary>
public abstract partial class FeelValue
{
    public abstract JsonNode? ToJson();

    public static FeelValue FromJson(JsonNode? node) => throw new NotImplementedException();
}

/// <summary>What an evaluation may read besides variables: the clock, the default time zone and the working-day calendar.</summary>
public sealed partial class FeelEnvironment
{
}

/// <summary>A FEEL parse error with its position (1-based line and column).</summary>
public sealed class FeelSyntaxException(string message, int line, int column)
    : Exception($"{message} (line {line}, column {column})")
{
    public string Reason { get; } = message;
    public int Line { get; } = line;
    public int Column { get; } = column;
}

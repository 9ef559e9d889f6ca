namespace Pppk.Workflow.Engine.Feel;

/// <summary>A FEEL parse error with its position (1-based line and column).</summary>
public sealed class FeelSyntaxException(string message, int line, int column)
    : Exception($"{message} (line {line}, column {column})")
{
    public string Reason { get; } = message;
    public int Line { get; } = line;
    public int Column { get; } = column;
}

namespace Pppk.Workflow.Engine.Feel;

/// <summary>
/// What one expression may cost: how deep it nests when parsed, and what one evaluation may spend. The defaults are
/// far above any PPPK expression (the biggest real ones walk a few thousand applicants once) and far below what
/// would stall a worker or exhaust its stack. Exceeding a parse limit is a <see cref="FeelSyntaxException"/>,
/// exceeding an evaluation limit a <see cref="FeelLimitException"/>; neither is ever a silent null.
/// </summary>
public sealed record FeelLimits
{
    /// <summary>Hosts bind this section (below <c>Runtime</c>) onto the limits.</summary>
    public const string Section = "Feel";

    public static FeelLimits Default { get; } = new();

    /// <summary>
    /// Brackets, lists, contexts, calls, if/for/some/every and unary operators nested in one another in the text; also
    /// how deeply user functions may call each other and values (lists, contexts, JSON variables) may nest. Keep it at
    /// 64 or below: that is where System.Text.Json stops reading and writing, and so where a variable could no longer be stored.
    /// </summary>
    public int MaxNestingDepth { get; init; } = 64;

    /// <summary>Characters of one expression. BPMN attributes and scripts are a few hundred at most.</summary>
    public int MaxExpressionLength { get; init; } = 100_000;

    /// <summary>
    /// Work units of one evaluation: a round of for/some/every or a filter, a user function call, a comparison made by
    /// sort, distinct values, union or list equality, an item of a list a built-in walks, and ten characters of a string
    /// built or read by a built-in. Filtering and sorting 10,000 applicants spends about 150,000 (270,000 with a precedes function).
    /// </summary>
    public long MaxIterations { get; init; } = 1_000_000;

    /// <summary>Items (or context entries) of one list or context built while evaluating.</summary>
    public int MaxListLength { get; init; } = 100_000;

    /// <summary>Characters of one string built while evaluating (concatenation, string join, replace, string()).</summary>
    public int MaxStringLength { get; init; } = 1_000_000;

    /// <summary>Size of the result written as JSON text (characters, counting a shared value each time it appears).</summary>
    public long MaxResultSize { get; init; } = 10_000_000;

    /// <summary>Wall time of one evaluation; checked between iterations, so a single built-in call may overrun it by a little.</summary>
    public TimeSpan MaxEvaluationTime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Operations that depend on one another (tree height): a chain of 200 '+' is 200. Derived from the nesting depth so one
    /// setting bounds the stack an evaluation can use; evaluation recursion goes this deep at most per function call.
    /// </summary>
    internal int MaxOperationDepth => MaxNestingDepth * 4;

    /// <summary>Why the limits are unusable, or null; hosts validate bound settings with it at start-up.</summary>
    public string? Problem() =>
        MaxNestingDepth is < 8 or > 100 ? "MaxNestingDepth must be between 8 and 100."
        : MaxExpressionLength < 1_000 ? "MaxExpressionLength must be at least 1000."
        : MaxIterations < 1_000 ? "MaxIterations must be at least 1000."
        : MaxListLength < 100 ? "MaxListLength must be at least 100."
        : MaxStringLength < 1_000 ? "MaxStringLength must be at least 1000."
        : MaxResultSize < MaxStringLength ? "MaxResultSize must be at least MaxStringLength."
        : MaxEvaluationTime <= TimeSpan.Zero ? "MaxEvaluationTime must be positive."
        : null;
}

namespace Pppk.Workflow.Engine.Feel;

/// <summary>How an expression is parsed: limits, the names in scope and how strictly calls are checked.</summary>
public sealed record FeelParseOptions
{
    /// <summary>BPMN attributes: default limits, wrong calls of built-ins refused at parse time.</summary>
    public static FeelParseOptions Default { get; } = new();

    public FeelLimits Limits { get; init; } = FeelLimits.Default;

    /// <summary>
    /// Names in scope (DMN input data, decisions, business knowledge models, context entries, parameters): a name the
    /// standard allows to contain keywords or the operators <c>. / - ' + *</c> (<c>Applicant's age</c>, <c>Date and Time of
    /// Birth</c>) is read as that name where its words appear, the longest first. Item definition names are type names.
    /// </summary>
    public IReadOnlyCollection<string>? KnownNames { get; init; }

    /// <summary>
    /// True (BPMN): a built-in called with the wrong number or names of arguments, or an invalid <c>@"..."</c> literal, is
    /// a syntax error at deploy time. False (DMN, as the standard and its TCK require): such a call or literal is null at run time.
    /// </summary>
    public bool CallErrorsAtParse { get; init; } = true;

    /// <summary>A DMN model's options: its names, the standard's run-time nulls.</summary>
    public static FeelParseOptions Dmn(IEnumerable<string>? knownNames, FeelLimits? limits = null) => new()
    {
        Limits = limits ?? FeelLimits.Default,
        KnownNames = knownNames?.ToArray(),
        CallErrorsAtParse = false,
    };
}

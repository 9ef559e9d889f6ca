namespace Pppk.Workflow.Engine.Dmn;

/// <summary>How an evaluation reads names its decision does not declare.</summary>
public sealed record DmnEvaluateOptions
{
    /// <summary>The standard: a decision sees only its required decisions, input data and knowledge (the TCK runs this way).</summary>
    public static DmnEvaluateOptions Standard { get; } = new();

    /// <summary>
    /// As Camunda 8 evaluates a business rule task: a name no requirement declares is read from the caller's variables, so a
    /// table drawn without input data (the usual dmn-js table) still reads the process's variables. Declared input data
    /// keep their typeRef checks; imported models see only what the standard gives them. JSON has no dates, so ISO strings
    /// are read as the temporal type a typeRef names.
    /// </summary>
    public static DmnEvaluateOptions Process { get; } = new() { UndeclaredNamesFromVariables = true, IsoStringsAsTemporals = true };

    public bool UndeclaredNamesFromVariables { get; init; }

    /// <summary>A string given where the resolved typeRef is date, time, date and time or a duration is parsed as that type (docs/api.md, "Values"); text that is no such value is null.</summary>
    public bool IsoStringsAsTemporals { get; init; }
}

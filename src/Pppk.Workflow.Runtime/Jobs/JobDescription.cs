namespace Pppk.Workflow.Runtime.Jobs;

/// <summary>
/// What a job handler says about itself, in the words of the designer's palette (Indonesian): the block's name and
/// purpose, the variables it reads and writes and the task headers it takes. The designer's element templates are
/// generated from it and deployment checks a task against it, so a block can never name a job type nobody handles.
/// </summary>
public sealed record JobDescription(string Name, string Description)
{
    /// <summary>The palette group: <c>pppk</c>, or <c>diagnostik</c> for test-only handlers.</summary>
    public string Category { get; init; } = "pppk";

    /// <summary>The BPMN element the block becomes (a send task for email).</summary>
    public string ElementType { get; init; } = "bpmn:ServiceTask";

    public IReadOnlyList<JobInput> Inputs { get; init; } = [];

    public IReadOnlyList<JobOutput> Outputs { get; init; } = [];

    public IReadOnlyList<JobHeader> Headers { get; init; } = [];
}

/// <summary>The kinds of value a handler reads (how the designer explains an input).</summary>
public enum JobValueType { Text, Number, Date, Boolean, List }

/// <summary>A variable the handler reads; a required one missing at run time fails the task.</summary>
public sealed record JobInput(string Name, string Label, JobValueType Type, bool Required = true);

/// <summary>A variable the handler's result sets.</summary>
public sealed record JobOutput(string Name, string Label);

/// <summary>A task header the handler reads, with what it accepts: one of <see cref="Choices"/> or text matching <see cref="Pattern"/>.</summary>
public sealed record JobHeader(string Key, string Label, bool Required = true)
{
    public IReadOnlyList<JobChoice> Choices { get; init; } = [];

    public string? Pattern { get; init; }

    /// <summary>Shown when the value does not match <see cref="Pattern"/>.</summary>
    public string? PatternMessage { get; init; }

    public string? Default { get; init; }

    public string? Hint { get; init; }
}

public sealed record JobChoice(string Value, string Label);

/// <summary>A handler that describes itself (every handler of the PPPK blocks does).</summary>
public interface IDescribedJobHandler : IJobHandler
{
    JobDescription Description { get; }
}

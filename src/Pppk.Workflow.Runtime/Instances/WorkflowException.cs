using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Runtime.Instances;

/// <summary>A problem the caller can fix; the API turns it into a problem response with this status.</summary>
public sealed class WorkflowException(int status, string message) : Exception(message)
{
    /// <summary>A problem with a code and English + Indonesian text; <see cref="Exception.Message"/> is its English text.</summary>
    public WorkflowException(int status, LocalizedText text) : this(status, text.ToString()) => Text = text;

    public int Status { get; } = status;

    /// <summary>The problem's text in both languages, when it has one; else the API answers with <see cref="Exception.Message"/>.</summary>
    public LocalizedText? Text { get; }

    /// <summary>The input the problem is about (a start variable's name), for clients that point at the field; null when none.</summary>
    public string? Field { get; init; }

    /// <summary>Every problem of a refused plan (a migration), each with its code, element and text; the 400 lists them all.</summary>
    public IReadOnlyList<Engine.Migration.PlanProblem>? Problems { get; init; }

    public static WorkflowException NotFound(string what) => new(404, what);
    public static WorkflowException Conflict(string what) => new(409, what);
    public static WorkflowException BadRequest(string what) => new(400, what);
    public static WorkflowException Forbidden(string what) => new(403, what);
}

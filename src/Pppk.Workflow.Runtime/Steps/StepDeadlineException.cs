using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Runtime.Steps;

/// <summary>
/// A caller's step did not finish within the step deadline and was rolled back: <see cref="Status"/> 503 when it could not
/// even start (instance held, database slow; trying again may work), 422 when the process itself overran.
/// </summary>
public sealed class StepDeadlineException(int status, LocalizedText reason) : Exception(reason.ToString())
{
    public int Status { get; } = status;
    public LocalizedText Reason { get; } = reason;
}

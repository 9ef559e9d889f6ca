using Pppk.Workflow.Engine.Execution;

namespace Pppk.Workflow.Runtime.Steps;

/// <summary>
/// The runtime's own trigger, never given to the engine: an inline handler's job whose retry back-off ended, to run in a
/// step like its first attempt (inside the transaction, with its connection); its result is the job's trigger.
/// </summary>
internal sealed record InlineJobDue(JobCreated Job) : Trigger;

namespace Pppk.Workflow.Runtime.Diagnostics;

/// <summary>
/// A unit of work that writes one compact event of its own and carries in it the steps its calls committed (the host's
/// request event): it opens a <see cref="StepLog"/> on its async flow (<see cref="Open"/>) and takes the steps with
/// <see cref="Close"/> when it writes its event. A step committed with no open log (a timer, a job, a message from the
/// inbox, or after the request's event was written) gets its own event (<see cref="RuntimeLog.Step"/>).
/// </summary>
public sealed class StepLog
{
    private static readonly AsyncLocal<StepLog?> Ambient = new();

    private readonly List<LoggedStep> _steps = [];
    private bool _closed;

    /// <summary>The log open on this async flow, if any.</summary>
    public static StepLog? Current
    {
        get => Ambient.Value;
        internal set => Ambient.Value = value;
    }

    /// <summary>Opens a log on this async flow (and the flows it starts): the steps committed from here on are added to it.</summary>
    public static StepLog Open() => Ambient.Value = new StepLog();

    /// <summary>The steps added so far; none are added after this (they get their own events).</summary>
    public IReadOnlyList<LoggedStep> Close()
    {
        lock (_steps)
        {
            _closed = true;
            return _steps;
        }
    }

    /// <summary>Adds a committed step; false once the log is closed.</summary>
    internal bool TryAdd(LoggedStep step)
    {
        lock (_steps)
        {
            if (_closed) return false;
            _steps.Add(step);
            return true;
        }
    }
}

/// <summary>A committed step as logged: the trigger the engine handled and the instance it stepped.</summary>
public readonly record struct LoggedStep(string Trigger, Guid InstanceId, string DefinitionKey, int Version);

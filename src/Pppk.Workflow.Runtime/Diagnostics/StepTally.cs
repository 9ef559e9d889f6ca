using System.Diagnostics;
using System.Runtime.CompilerServices;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Runtime.Steps;

namespace Pppk.Workflow.Runtime.Diagnostics;

/// <summary>
/// What one step transaction did, for the metrics and the trace: steps by trigger and timer lateness, counted while it
/// runs and recorded once it committed (a rolled-back or retried transaction counts nothing). A field of
/// <see cref="StepTransaction"/>: the counts are inline, so a step allocates nothing here.
/// </summary>
internal struct StepTally
{
    private Counts _steps;
    private long _started;
    private List<double>? _lateness;
    private Activity? _span;

    [InlineArray(RuntimeMetrics.TriggerKinds)]
    private struct Counts
    {
        private int _first;
    }

    /// <summary>Starts the clock; the transaction's span (see <see cref="RuntimeTracing"/>) gets the first step's tags.</summary>
    public static StepTally Begin() => new() { _started = Stopwatch.GetTimestamp(), _span = RuntimeTracing.CurrentStep };

    /// <summary>A trigger the processor runs.</summary>
    public void Step(LoadedInstance instance, Trigger trigger)
    {
        var kind = RuntimeMetrics.TriggerKind(trigger);
        _steps[kind]++;
        if (_span is { IsAllDataRequested: true } span) RuntimeTracing.Tag(span, instance, trigger, kind);
    }

    /// <summary>A timer claimed <paramref name="seconds"/> after it fell due.</summary>
    public void TimerClaimed(double seconds) => (_lateness ??= []).Add(seconds);

    /// <summary>Records what the committed transaction did.</summary>
    public readonly void Committed()
    {
        var seconds = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        for (var kind = 0; kind < RuntimeMetrics.TriggerKinds; kind++)
            if (_steps[kind] > 0) RuntimeMetrics.StepsCommitted(kind, _steps[kind], seconds);
        if (_lateness is not null)
            foreach (var late in _lateness) RuntimeMetrics.TimerFiredLate(late);
    }
}

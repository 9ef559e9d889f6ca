using System.Collections.Concurrent;
using Serilog.Sinks.Async;

namespace Pppk.Workflow.Host.Logging;

/// <summary>The asynchronous buffers in front of the log sinks (<see cref="LogSinks"/>): how many events they dropped because a sink could not keep up.</summary>
public sealed class LogBuffers : IAsyncLogEventSinkMonitor
{
    /// <summary>The one monitor of the process, named in the sinks' settings (a static member reference).</summary>
    public static LogBuffers Monitor { get; } = new();

    private readonly ConcurrentDictionary<IAsyncLogEventSinkInspector, byte> _buffers = new();
    private long _droppedByClosed;

    /// <summary>Events dropped since the process started, by every buffer it opened.</summary>
    public long Dropped => Interlocked.Read(ref _droppedByClosed) + _buffers.Keys.Sum(b => b.DroppedMessagesCount);

    /// <summary>Events waiting in the buffers now.</summary>
    public long Waiting => _buffers.Keys.Sum(b => (long)b.Count);

    void IAsyncLogEventSinkMonitor.StartMonitoring(IAsyncLogEventSinkInspector inspector) => _buffers.TryAdd(inspector, 0);

    void IAsyncLogEventSinkMonitor.StopMonitoring(IAsyncLogEventSinkInspector inspector)
    {
        if (_buffers.TryRemove(inspector, out _)) Interlocked.Add(ref _droppedByClosed, inspector.DroppedMessagesCount);
    }
}

using System.Collections;
using Microsoft.Extensions.Logging;

namespace Pppk.Workflow.Runtime.Diagnostics;

/// <summary>The runtime's one compact event per step and per job run (Information, constant templates, the instance id as a property).</summary>
internal static partial class RuntimeLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Step {Trigger} of {InstanceId} ({DefinitionKey} v{Version})")]
    public static partial void Step(ILogger logger, string trigger, Guid instanceId, string definitionKey, int version);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Job {JobType} of {InstanceId} at {ElementId}: {Outcome} in {Elapsed:0.0} ms")]
    public static partial void Job(ILogger logger, string jobType, Guid instanceId, string elementId, string outcome, double elapsed);

    /// <summary>The log scope of a step or job: <c>InstanceId</c> on every event inside (one small object, no dictionary).</summary>
    public static IDisposable? InstanceScope(ILogger logger, Guid instanceId) => logger.BeginScope(new InstanceProperty(instanceId));

    private sealed class InstanceProperty(Guid instanceId) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public KeyValuePair<string, object?> this[int index] => index == 0 ? new("InstanceId", instanceId) : throw new ArgumentOutOfRangeException(nameof(index));

        public int Count => 1;

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return this[0];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"InstanceId: {instanceId}";
    }
}

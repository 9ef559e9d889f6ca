using System.Collections.Concurrent;

namespace Pppk.Workflow.Host.Tests;

/// <summary>Hangfire jobs for the tests: each records when it ran under its token.</summary>
public static class RecordingJobs
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource<DateTimeOffset>> Runs = new();

    public static Task<DateTimeOffset> RanAt(string token) => Runs.GetOrAdd(token, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public static void Record(string token) =>
        Runs.GetOrAdd(token, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(DateTimeOffset.UtcNow);
}

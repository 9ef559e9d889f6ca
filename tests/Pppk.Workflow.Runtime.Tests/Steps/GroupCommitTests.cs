using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Pppk.Workflow.Runtime.Steps;

namespace Pppk.Workflow.Runtime.Tests.Steps;

/// <summary>Group commit's lanes, queue and linger without a database: each batch is held until the test releases it.</summary>
public class GroupCommitTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(30); // a hang fails the test instead of stalling the run

    [Fact]
    public async Task A_lone_call_runs_at_once_in_a_batch_of_its_own()
    {
        var (group, batches) = Group(lanes: 2);
        var a = new Call("a");
        var join = group.JoinAsync(a, batches.RunAsync);
        var first = await batches.NextAsync();
        Assert.Equal(["a"], first.Names);
        first.Release();
        await join.WaitAsync(Safety);
        await a.Done.WaitAsync(Safety);
    }

    [Fact]
    public async Task Calls_queued_while_every_lane_is_busy_run_together_in_one_batch()
    {
        var (group, batches) = Group(lanes: 1);
        var calls = Calls("a", "b", "c", "d");
        _ = group.JoinAsync(calls[0], batches.RunAsync);
        var first = await batches.NextAsync();
        foreach (var call in calls[1..]) Assert.True(group.JoinAsync(call, batches.RunAsync).IsCompleted, "a caller without a lane leaves its call queued");
        first.Release();
        var second = await batches.NextAsync();
        Assert.Equal(["b", "c", "d"], second.Names);
        second.Release();
        await Task.WhenAll(calls.Select(c => c.Done)).WaitAsync(Safety);
    }

    [Fact]
    public async Task A_batch_takes_at_most_the_max_batch_calls_in_arrival_order()
    {
        var (group, batches) = Group(lanes: 1, maxBatch: 2);
        var calls = Calls("a", "b", "c", "d", "e");
        _ = group.JoinAsync(calls[0], batches.RunAsync);
        var first = await batches.NextAsync();
        foreach (var call in calls[1..]) _ = group.JoinAsync(call, batches.RunAsync);
        first.Release();
        var second = await batches.NextAsync();
        Assert.Equal(["b", "c"], second.Names);
        second.Release();
        var third = await batches.NextAsync();
        Assert.Equal(["d", "e"], third.Names);
        third.Release();
        await Task.WhenAll(calls.Select(c => c.Done)).WaitAsync(Safety);
    }

    [Fact]
    public async Task No_more_batches_run_at_once_than_there_are_lanes()
    {
        var (group, batches) = Group(lanes: 2);
        var (a, b, c) = (new Call("a"), new Call("b"), new Call("c"));
        var joinA = group.JoinAsync(a, batches.RunAsync);
        var batchA = await batches.NextAsync();
        var joinB = group.JoinAsync(b, batches.RunAsync);
        var batchB = await batches.NextAsync();
        var joinC = group.JoinAsync(c, batches.RunAsync);
        Assert.True(joinC.IsCompleted, "both lanes are taken, so the third caller only queues");
        Assert.False(c.Done.IsCompleted);
        Assert.False(joinA.IsCompleted);
        Assert.False(joinB.IsCompleted);
        batchA.Release();
        var batchC = await batches.NextAsync();
        Assert.Equal(["c"], batchC.Names);
        batchB.Release();
        batchC.Release();
        await Task.WhenAll(a.Done, b.Done, c.Done, joinA, joinB).WaitAsync(Safety);
    }

    [Fact]
    public async Task The_caller_returns_with_its_answer_while_a_background_lane_runs_the_calls_still_queued()
    {
        var (group, batches) = Group(lanes: 1);
        var (a, b) = (new Call("a"), new Call("b"));
        var joinA = group.JoinAsync(a, batches.RunAsync);
        var batchA = await batches.NextAsync();
        _ = group.JoinAsync(b, batches.RunAsync);
        batchA.Release();
        var batchB = await batches.NextAsync();
        await joinA.WaitAsync(Safety); // b's batch is still held
        Assert.False(b.Done.IsCompleted);
        batchB.Release();
        await b.Done.WaitAsync(Safety);
    }

    [Fact]
    public async Task Under_load_a_lane_lingers_until_as_many_calls_are_queued_as_its_last_batch_had()
    {
        var clock = new ManualClock();
        var (group, batches) = Group(lanes: 1, linger: TimeSpan.FromHours(1), clock: clock);
        var calls = Calls("a", "b", "c", "d", "e");
        _ = group.JoinAsync(calls[0], batches.RunAsync);
        var first = await batches.NextAsync();
        _ = group.JoinAsync(calls[1], batches.RunAsync);
        _ = group.JoinAsync(calls[2], batches.RunAsync);
        first.Release();
        var second = await batches.NextAsync();
        Assert.Equal(["b", "c"], second.Names);
        _ = group.JoinAsync(calls[3], batches.RunAsync);
        second.Release();
        await clock.TimerStarted.WaitAsync(Safety); // the lane waits: one call queued, the last batch had two
        _ = group.JoinAsync(calls[4], batches.RunAsync);
        var third = await batches.NextAsync();
        Assert.Equal(["d", "e"], third.Names);
        third.Release();
        await Task.WhenAll(calls.Select(c => c.Done)).WaitAsync(Safety);
    }

    [Fact]
    public async Task A_lingering_lane_runs_what_it_has_when_the_linger_time_is_up()
    {
        var clock = new ManualClock();
        var (group, batches) = Group(lanes: 1, linger: TimeSpan.FromHours(1), clock: clock);
        var calls = Calls("a", "b", "c", "d");
        _ = group.JoinAsync(calls[0], batches.RunAsync);
        var first = await batches.NextAsync();
        _ = group.JoinAsync(calls[1], batches.RunAsync);
        _ = group.JoinAsync(calls[2], batches.RunAsync);
        first.Release();
        var second = await batches.NextAsync();
        _ = group.JoinAsync(calls[3], batches.RunAsync);
        second.Release();
        (await clock.TimerStarted.WaitAsync(Safety))();
        var third = await batches.NextAsync();
        Assert.Equal(["d"], third.Names);
        third.Release();
        await calls[3].Done.WaitAsync(Safety);
    }

    [Fact]
    public async Task A_batch_that_throws_fails_its_own_calls_and_later_calls_still_run()
    {
        var (group, batches) = Group(lanes: 1);
        var (a, b) = (new Call("a"), new Call("b"));
        var joinA = group.JoinAsync(a, batches.RunAsync);
        (await batches.NextAsync()).Throw(new InvalidOperationException("bug in the batch"));
        await joinA.WaitAsync(Safety);
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => a.Done.WaitAsync(Safety));
        Assert.Equal("bug in the batch", failure.Message);
        _ = group.JoinAsync(b, batches.RunAsync);
        var next = await batches.NextAsync();
        Assert.Equal(["b"], next.Names);
        next.Release();
        await b.Done.WaitAsync(Safety);
    }

    [Fact]
    public void Grouping_is_off_without_lanes()
    {
        Assert.False(Group(lanes: 0).Group.Enabled);
        Assert.True(Group(lanes: 1).Group.Enabled);
    }

    private static (GroupCommit<Call> Group, Batches Batches) Group(int lanes, int maxBatch = 64, TimeSpan linger = default, TimeProvider? clock = null) =>
        (new GroupCommit<Call>(lanes, maxBatch, linger, clock ?? TimeProvider.System, NullLogger.Instance), new Batches());

    private static Call[] Calls(params string[] names) => [.. names.Select(n => new Call(n))];

    /// <summary>A queued call; its batch answers it.</summary>
    private sealed class Call(string name) : GroupedCall
    {
        private readonly TaskCompletionSource _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => name;
        public override Task Done => _answer.Task;
        public override void Fail(Exception e) => _answer.TrySetException(e);
        public void Answer() => _answer.TrySetResult();
    }

    /// <summary>The batches in the order they started; each runs until the test releases it (or makes it throw).</summary>
    private sealed class Batches
    {
        private readonly Channel<Held> _started = Channel.CreateUnbounded<Held>();

        public async Task RunAsync(List<Call> batch)
        {
            var held = new Held(batch);
            await _started.Writer.WriteAsync(held);
            await held.Outcome;
            foreach (var call in batch) call.Answer();
        }

        public async Task<Held> NextAsync() => await _started.Reader.ReadAsync().AsTask().WaitAsync(Safety);
    }

    private sealed class Held(List<Call> batch)
    {
        private readonly TaskCompletionSource _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string[] Names => [.. batch.Select(c => c.Name)];
        public Task Outcome => _outcome.Task;
        public void Release() => _outcome.TrySetResult();
        public void Throw(Exception e) => _outcome.TrySetException(e);
    }

    /// <summary>A clock whose first timer fires only when the test calls it (the linger's deadline).</summary>
    private sealed class ManualClock : TimeProvider
    {
        private readonly TaskCompletionSource<Action> _timer = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<Action> TimerStarted => _timer.Task;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            _timer.TrySetResult(() => callback(state));
            return new Timer();
        }

        private sealed class Timer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;
            public void Dispose() { }
            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}

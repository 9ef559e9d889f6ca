namespace Pppk.Workflow.Engine.Tests.Support;

/// <summary>A clock the test moves by hand.</summary>
public sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = start;

    public FakeTimeProvider() : this(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero)) { }

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;

    public void Set(DateTimeOffset to) => Now = to;
}

using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Pppk.Workflow.Engine.Feel;

/// <summary>
/// What one evaluation has spent against its <see cref="FeelLimits"/>: work units, user function call depth and wall
/// time. The budget of the running evaluation is also the thread's <see cref="Current"/>, so value code without an
/// evaluation context (equality of lists, JSON conversion) spends from it, and an evaluation started inside another
/// one (the <c>range()</c> built-in) shares it.
/// </summary>
internal sealed class EvaluationBudget
{
    [ThreadStatic] private static EvaluationBudget? current;
    [ThreadStatic] private static EvaluationBudget? spare;

    private long maxSpent;
    private long maxTicks;
    /// <summary>Stopwatch time the evaluation must end by; 0 until the clock is first read.</summary>
    private long deadline;
    private long spent;
    private int calls;

    public EvaluationBudget(FeelLimits limits, long? maxIterations = null, TimeSpan? maxTime = null) => Reset(limits, maxIterations, maxTime);

    public static EvaluationBudget? Current => current;

    public FeelLimits Limits { get; private set; } = FeelLimits.Default;

    /// <summary>
    /// The budget for an evaluation: the running one when nested, else this thread's own, reset (evaluations are many
    /// and small, so the budget is not allocated each time).
    /// </summary>
    public static EvaluationBudget For(FeelLimits limits)
    {
        if (current is { } running)
            return running;
        var budget = spare ??= new EvaluationBudget(limits);
        budget.Reset(limits, null, null);
        return budget;
    }

    private void Reset(FeelLimits limits, long? maxIterations, TimeSpan? maxTime)
    {
        Limits = limits;
        maxSpent = maxIterations ?? limits.MaxIterations;
        maxTicks = (long)((maxTime ?? limits.MaxEvaluationTime).TotalSeconds * Stopwatch.Frequency);
        deadline = 0;
        spent = 0;
        calls = 0;
    }

    /// <summary>Makes this the thread's budget; returns the one to restore with <see cref="Restore"/>.</summary>
    public EvaluationBudget? Activate()
    {
        var previous = current;
        current = this;
        return previous;
    }

    public static void Restore(EvaluationBudget? previous) => current = previous;

    /// <summary>One work unit: a loop round, a call, a comparison.</summary>
    public void Tick()
    {
        if (++spent > maxSpent)
            throw IterationsExceeded();
        if ((spent & 0xFF) == 0)
            CheckTime();
    }

    /// <summary>Many work units at once (a built-in walking a list); the clock is read every 256 units.</summary>
    public void Spend(long units)
    {
        var before = spent;
        spent += units;
        if (spent > maxSpent)
            throw IterationsExceeded();
        if (spent >> 8 != before >> 8)
            CheckTime();
    }

    /// <summary>Reads the clock now: after work that is not counted in units but may take long (a regular expression).</summary>
    public void Checkpoint() => CheckTime();

    /// <summary>A list or context of this many items is about to be built.</summary>
    public void CheckList(long count)
    {
        if (count > Limits.MaxListLength)
            throw new FeelLimitException(FeelTexts.ListLimit.Format(Limits.MaxListLength));
    }

    /// <summary>A string of this many characters is about to be built; building it costs a unit per ten characters.</summary>
    public void BuildString(long length)
    {
        CheckStringLength(length);
        Spend(length / 10);
    }

    public void CheckStringLength(long length)
    {
        if (length > Limits.MaxStringLength)
            throw StringTooLong();
    }

    /// <summary>A user function is called: one unit, one level deeper (recursion is the only way to nest calls).</summary>
    public void EnterCall()
    {
        Tick();
        // Between two calls evaluation recursion is bounded by the operation depth; the stack check keeps it safe across them.
        if (calls >= Limits.MaxNestingDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw TooDeep();
        calls++;
    }

    public void ExitCall() => calls--;

    public FeelLimitException StringTooLong() => new(FeelTexts.StringLimit.Format(Limits.MaxStringLength));

    public FeelLimitException TooDeep() => new(FeelTexts.DepthLimit.Format(Limits.MaxNestingDepth));

    private FeelLimitException IterationsExceeded() => new(FeelTexts.IterationLimit.Format(maxSpent));

    /// <summary>
    /// The clock starts at the first check, after the first 256 units: most evaluations never get there and so never read
    /// the clock; what runs before it is a few hundred units of work, not worth timing.
    /// </summary>
    private void CheckTime()
    {
        var now = Stopwatch.GetTimestamp();
        if (deadline == 0)
            deadline = now + maxTicks;
        else if (now > deadline)
            throw new FeelLimitException(FeelTexts.TimeLimit.Format((long)Limits.MaxEvaluationTime.TotalMilliseconds));
    }
}

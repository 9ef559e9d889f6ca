namespace Pppk.Workflow.Engine.Feel;

/// <summary>
/// Per-evaluation state: variables, environment, a stack of local names (for/some/every variables,
/// filter items, function parameters, context entries) and an argument stack so calls do not allocate arrays.
/// One instance is reused per thread.
/// </summary>
internal sealed class EvaluationContext
{
    [ThreadStatic] private static EvaluationContext? cached;

    private string?[] names = new string?[16];
    private FeelValue[] values = new FeelValue[16];
    private int frameCount;
    private FeelValue[] args = new FeelValue[32];
    private int argCount;

    public IFeelScope Scope { get; private set; } = FeelScope.Empty;

    /// <summary>What this evaluation may still spend; loops, calls and built-ins charge it.</summary>
    public EvaluationBudget Budget { get; private set; } = null!;

    public FeelEnvironment Environment
    {
        get
        {
            ProbeFailed |= Probing;
            return environment;
        }
    }

    private FeelEnvironment environment = FeelEnvironment.Default;

    /// <summary>Set by the parser's constant folding: any variable or environment read marks the probe failed.</summary>
    public bool Probing { get; set; }

    public bool ProbeFailed { get; set; }

    public static EvaluationContext Rent(IFeelScope scope, FeelEnvironment environment, EvaluationBudget budget)
    {
        var context = cached ?? new EvaluationContext();
        cached = null;
        context.Scope = scope;
        context.Budget = budget;
        context.environment = environment;
        context.frameCount = 0;
        context.argCount = 0;
        return context;
    }

    public static void Return(EvaluationContext context)
    {
        context.Scope = FeelScope.Empty;
        context.Budget = null!;
        Array.Clear(context.values, 0, context.frameCount);
        Array.Clear(context.args, 0, context.argCount);
        cached = context;
    }

    /// <summary>Replaces the scope for a user function's body (its defining scope); the caller restores it.</summary>
    public void UseScope(IFeelScope scope) => Scope = scope;

    public int FrameMark => frameCount;

    /// <summary>Binds a local name.</summary>
    public void Push(string name, FeelValue value)
    {
        if (frameCount == names.Length)
        {
            Array.Resize(ref names, names.Length * 2);
            Array.Resize(ref values, values.Length * 2);
        }
        names[frameCount] = name;
        values[frameCount++] = value;
    }

    /// <summary>Makes a context's entries visible as names (filter items, context literals).</summary>
    public void PushContext(FeelContext context)
    {
        Push(null!, context);
        names[frameCount - 1] = null;
    }

    public void Set(int mark, FeelValue value) => values[mark] = value;

    public void PopTo(int mark)
    {
        for (var i = mark; i < frameCount; i++)
            values[i] = null!;
        frameCount = mark;
    }

    public bool TryResolve(string name, out FeelValue value)
    {
        ProbeFailed |= Probing;
        for (var i = frameCount - 1; i >= 0; i--)
        {
            var n = names[i];
            if (n is null)
            {
                if (((FeelContext)values[i]).TryGet(name, out value))
                    return true;
            }
            else if (string.Equals(n, name, StringComparison.Ordinal))
            {
                value = values[i];
                return true;
            }
        }
        return Scope.TryResolve(name, out value);
    }

    /// <summary>Local frames only (captured by user function definitions).</summary>
    public (string?[] Names, FeelValue[] Values) CaptureFrames() => (names[..frameCount], values[..frameCount]);

    public int ArgMark => argCount;

    public void PushArg(FeelValue value)
    {
        if (argCount == args.Length)
            Array.Resize(ref args, args.Length * 2);
        args[argCount++] = value;
    }

    public void SetArg(int index, FeelValue value) => args[index] = value;

    public ReadOnlySpan<FeelValue> Args(int mark) => new(args, mark, argCount - mark);

    public void PopArgs(int mark)
    {
        for (var i = mark; i < argCount; i++)
            args[i] = null!;
        argCount = mark;
    }
}

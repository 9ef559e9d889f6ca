namespace Pppk.Workflow.Engine.Feel;

internal delegate FeelValue BuiltinBody(ReadOnlySpan<FeelValue> args, EvaluationContext context);

/// <summary>
/// A built-in function. Arity is checked at parse time when called by name; a call with a value of the
/// wrong type returns null (the standard's rule), never throws, except when it exceeds the evaluation's limits
/// (<see cref="FeelLimitException"/>): each call spends about the size of its arguments, and its result is size-checked.
/// </summary>
internal sealed class BuiltinFunction(
    string name, string[] parameters, int minArgs, int maxArgs, bool pure, BuiltinBody body, Dictionary<string, int>? aliases = null)
    : FeelFunction
{
    /// <summary>Position of a named argument, including the second names of overloaded parameters.</summary>
    public int IndexOfParameter(string parameter)
    {
        var i = Array.IndexOf(parameters, parameter);
        return i >= 0 ? i : aliases is not null && aliases.TryGetValue(parameter, out var a) ? a : -1;
    }

    public override string Name => name;

    public override IReadOnlyList<string> Parameters => parameters;

    public int MinArgs { get; } = minArgs;

    public int MaxArgs { get; } = maxArgs;

    /// <summary>Depends only on its arguments, so a call with literal arguments is folded at parse time.</summary>
    public bool Pure { get; } = pure;

    internal override FeelValue Invoke(ReadOnlySpan<FeelValue> args, EvaluationContext context)
    {
        if (args.Length < MinArgs || args.Length > MaxArgs)
            return Null;
        var budget = context.Budget;
        if (Work(args) is > 0 and var work)
            budget.Spend(work);
        try
        {
            var result = body(args, context);
            switch (result)
            {
                case FeelList list: budget.CheckList(list.Count); break;
                case FeelContext c: budget.CheckList(c.Count); break;
                case FeelString s: budget.CheckStringLength(s.Value.Length); break;
            }
            return result;
        }
        catch (Exception e) when (e is OverflowException or ArgumentException or FormatException or InvalidCastException
                                      or IndexOutOfRangeException or DivideByZeroException or System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return Null;
        }
    }

    /// <summary>What a built-in walks is about the size of its arguments: an item per list entry, a unit per ten characters.</summary>
    private static long Work(ReadOnlySpan<FeelValue> args)
    {
        var units = 0L;
        foreach (var arg in args)
        {
            units += arg switch
            {
                FeelList list => list.Count,
                FeelContext c => c.Count,
                FeelString s => s.Value.Length / 10,
                _ => 0,
            };
        }
        return units;
    }

    public string ArityText => MaxArgs == int.MaxValue
        ? $"at least {MinArgs}"
        : MinArgs == MaxArgs ? $"{MinArgs}" : $"{MinArgs} to {MaxArgs}";
}

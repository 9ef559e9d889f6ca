namespace Pppk.Workflow.Engine.Feel;

/// <summary>A function the host implements (<see cref="FeelFunction.Create"/>); a call counts as a user function call against the limits.</summary>
internal sealed class HostFunction(string name, IReadOnlyList<string> parameters, Func<IReadOnlyList<FeelValue>, FeelValue> body) : FeelFunction
{
    public override string Name => name;

    public override IReadOnlyList<string> Parameters => parameters;

    internal override FeelValue Invoke(ReadOnlySpan<FeelValue> args, EvaluationContext context)
    {
        var copy = new FeelValue[Math.Max(args.Length, parameters.Count)];
        args.CopyTo(copy);
        for (var i = args.Length; i < copy.Length; i++)
            copy[i] = Null;
        context.Budget.EnterCall();
        try
        {
            return body(copy) ?? Null;
        }
        finally
        {
            context.Budget.ExitCall();
        }
    }
}

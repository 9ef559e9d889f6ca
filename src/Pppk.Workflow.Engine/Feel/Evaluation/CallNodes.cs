namespace Pppk.Workflow.Engine.Feel;

/// <summary>A call of a built-in resolved at parse time; arguments go on the context's argument stack (no array per call).</summary>
internal sealed class BuiltinCallNode(BuiltinFunction function, Node[] args) : Node(args)
{
    public BuiltinFunction Function { get; } = function;

    public Node[] Args { get; } = args;

    public override FeelValue Eval(EvaluationContext context)
    {
        var mark = context.ArgMark;
        foreach (var arg in Args)
            context.PushArg(arg.Eval(context));
        try
        {
            return Function.Invoke(context.Args(mark), context);
        }
        finally
        {
            context.PopArgs(mark);
        }
    }
}

/// <summary>A call of a function value (user-defined, or a variable/context entry holding a function).</summary>
internal sealed class DynamicCallNode(Node callee, Node[] args, string[]? names) : Node([callee, .. args])
{
    public override FeelValue Eval(EvaluationContext context)
    {
        if (callee.Eval(context) is not FeelFunction function)
            return FeelValue.Null;
        var mark = context.ArgMark;
        if (names is null)
        {
            foreach (var arg in args)
                context.PushArg(arg.Eval(context));
        }
        else
        {
            // Named arguments: order by the function's parameter list; unknown names make the call null.
            var parameters = function.Parameters;
            for (var p = 0; p < parameters.Count; p++)
                context.PushArg(FeelValue.Null);
            for (var i = 0; i < args.Length; i++)
            {
                var index = IndexOf(parameters, names[i]);
                if (index < 0)
                {
                    context.PopArgs(mark);
                    return FeelValue.Null;
                }
                context.SetArg(mark + index, args[i].Eval(context));
            }
        }
        try
        {
            return function.Invoke(context.Args(mark), context);
        }
        finally
        {
            context.PopArgs(mark);
        }
    }

    private static int IndexOf(IReadOnlyList<string> list, string name)
    {
        for (var i = 0; i < list.Count; i++)
            if (list[i] == name)
                return i;
        return -1;
    }
}

/// <summary><c>function(a, b) body</c>: a closure over the local names visible where it is defined.</summary>
internal sealed class FunctionDefinitionNode(string[] parameters, Node body) : Node
{
    public override FeelValue Eval(EvaluationContext context)
    {
        var (names, values) = context.CaptureFrames();
        return new UserFunction(parameters, body, names, values);
    }
}

internal sealed class UserFunction(string[] parameters, Node body, string?[] capturedNames, FeelValue[] capturedValues) : FeelFunction
{
    public override string Name => "anonymous";

    public override IReadOnlyList<string> Parameters => parameters;

    internal override FeelValue Invoke(ReadOnlySpan<FeelValue> args, EvaluationContext context)
    {
        if (args.Length != parameters.Length)
            return Null;
        context.Budget.EnterCall();
        var mark = context.FrameMark;
        for (var i = 0; i < capturedNames.Length; i++)
        {
            if (capturedNames[i] is { } n)
                context.Push(n, capturedValues[i]);
            else
                context.PushContext((FeelContext)capturedValues[i]);
        }
        for (var i = 0; i < parameters.Length; i++)
            context.Push(parameters[i], args[i]);
        try
        {
            return body.Eval(context);
        }
        finally
        {
            context.Budget.ExitCall();
            context.PopTo(mark);
        }
    }
}

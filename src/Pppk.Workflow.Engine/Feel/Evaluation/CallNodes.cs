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

/// <summary>
/// <c>function(a, b) body</c>: a closure over the local names and the scope visible where it is defined (a DMN business
/// knowledge model's parameters stay visible to the function it returns).
/// </summary>
internal sealed class FunctionDefinitionNode(string[] parameters, Node body) : Node
{
    public override FeelValue Eval(EvaluationContext context)
    {
        context.ProbeFailed |= context.Probing; // a closure is not a constant: it captures the scope of its evaluation
        var (names, values) = context.CaptureFrames();
        return new UserFunction(parameters, body, names, values, context.Scope);
    }
}

internal sealed class UserFunction(string[] parameters, Node body, string?[] capturedNames, FeelValue[] capturedValues, IFeelScope definedIn)
    : FeelFunction
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
        // Called from another evaluation: the defining scope first, then the caller's (same scope: nothing to do).
        var callerScope = context.Scope;
        if (!ReferenceEquals(callerScope, definedIn))
            context.UseScope(new ChainedScope(definedIn, callerScope));
        try
        {
            return body.Eval(context);
        }
        finally
        {
            context.UseScope(callerScope);
            context.Budget.ExitCall();
            context.PopTo(mark);
        }
    }
}

/// <summary>Names of the scope a function was defined in, then of the scope it is called from.</summary>
internal sealed class ChainedScope(IFeelScope first, IFeelScope then) : IFeelTypeScope
{
    public bool TryResolve(string name, out FeelValue value) => first.TryResolve(name, out value) || then.TryResolve(name, out value);

    public bool TryIsInstance(FeelValue value, string typeName, out bool isInstance)
    {
        isInstance = false;
        return (first is IFeelTypeScope a && a.TryIsInstance(value, typeName, out isInstance))
            || (then is IFeelTypeScope b && b.TryIsInstance(value, typeName, out isInstance));
    }
}

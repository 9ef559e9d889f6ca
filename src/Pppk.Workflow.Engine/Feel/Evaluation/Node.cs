namespace Pppk.Workflow.Engine.Feel;

/// <summary>A node of the parsed expression tree. Trees are immutable and shared between threads.</summary>
internal abstract class Node
{
    protected Node(params ReadOnlySpan<Node?> children)
    {
        var below = 0;
        foreach (var child in children)
            if (child is not null && child.Height > below)
                below = child.Height;
        Height = below + 1;
    }

    /// <summary>Nodes on the longest path down from here: how deep evaluating this node recurses.</summary>
    public int Height { get; }

    public abstract FeelValue Eval(EvaluationContext context);
}

internal sealed class LiteralNode(FeelValue value) : Node
{
    public FeelValue Value { get; } = value;

    public override FeelValue Eval(EvaluationContext context) => Value;
}

/// <summary>A variable (local, then scope), or a built-in function used as a value (e.g. <c>sort(xs, precedes)</c>).</summary>
internal sealed class NameNode(string name) : Node
{
    public string Name { get; } = name;

    public override FeelValue Eval(EvaluationContext context)
    {
        if (context.TryResolve(Name, out var value))
            return value;
        return Builtins.TryGet(Name, out var function) ? function : FeelValue.Null;
    }
}

internal sealed class NegateNode(Node operand) : Node(operand)
{
    public override FeelValue Eval(EvaluationContext context) => FeelArithmetic.Negate(operand.Eval(context));
}

internal enum BinaryOp
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Power,
}

internal sealed class ArithmeticNode(BinaryOp op, Node left, Node right) : Node(left, right)
{
    public override FeelValue Eval(EvaluationContext context)
    {
        var l = left.Eval(context);
        var r = right.Eval(context);
        if (op == BinaryOp.Add && l is FeelString a && r is FeelString b)
            context.Budget.BuildString((long)a.Value.Length + b.Value.Length);
        return op switch
        {
            BinaryOp.Add => FeelArithmetic.Add(l, r),
            BinaryOp.Subtract => FeelArithmetic.Subtract(l, r),
            BinaryOp.Multiply => FeelArithmetic.Multiply(l, r),
            BinaryOp.Divide => FeelArithmetic.Divide(l, r),
            _ => FeelArithmetic.Power(l, r),
        };
    }
}

internal enum CompareOp
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

internal sealed class CompareNode(CompareOp op, Node left, Node right) : Node(left, right)
{
    public override FeelValue Eval(EvaluationContext context) =>
        Apply(op, left.Eval(context), right.Eval(context));

    public static FeelValue Apply(CompareOp op, FeelValue l, FeelValue r)
    {
        switch (op)
        {
            case CompareOp.Equal:
                return FeelBoolean.Of(FeelComparison.Equal(l, r));
            case CompareOp.NotEqual:
                return FeelComparison.Equal(l, r) is { } e ? FeelBoolean.Of(!e) : FeelValue.Null;
        }
        if (FeelComparison.Compare(l, r) is not { } c)
            return FeelValue.Null;
        return FeelBoolean.Of(op switch
        {
            CompareOp.Less => c < 0,
            CompareOp.LessOrEqual => c <= 0,
            CompareOp.Greater => c > 0,
            _ => c >= 0,
        });
    }
}

/// <summary>Three-valued and: false wins over null; a non-boolean operand counts as null.</summary>
internal sealed class AndNode(Node left, Node right) : Node(left, right)
{
    public override FeelValue Eval(EvaluationContext context)
    {
        var l = left.Eval(context);
        if (ReferenceEquals(l, FeelBoolean.False))
            return FeelBoolean.False;
        var r = right.Eval(context);
        if (ReferenceEquals(r, FeelBoolean.False))
            return FeelBoolean.False;
        return l.IsTrue && r.IsTrue ? FeelBoolean.True : FeelValue.Null;
    }
}

/// <summary>Three-valued or: true wins over null; a non-boolean operand counts as null.</summary>
internal sealed class OrNode(Node left, Node right) : Node(left, right)
{
    public override FeelValue Eval(EvaluationContext context)
    {
        var l = left.Eval(context);
        if (l.IsTrue)
            return FeelBoolean.True;
        var r = right.Eval(context);
        if (r.IsTrue)
            return FeelBoolean.True;
        return ReferenceEquals(l, FeelBoolean.False) && ReferenceEquals(r, FeelBoolean.False) ? FeelBoolean.False : FeelValue.Null;
    }
}

internal sealed class IfNode(Node condition, Node then, Node otherwise) : Node(condition, then, otherwise)
{
    // The standard: a condition that is not true (false, null, or not a boolean) takes the else branch.
    public override FeelValue Eval(EvaluationContext context) =>
        condition.Eval(context).IsTrue ? then.Eval(context) : otherwise.Eval(context);
}

namespace Pppk.Workflow.Engine.Feel;

/// <summary>A positive unary test (right-hand side of <c>in</c>): true, false or null for an input value.</summary>
internal abstract class UnaryTest
{
    /// <summary>The expression the test evaluates (for the tree's operation depth).</summary>
    public abstract Node Operand { get; }

    public abstract bool? Test(FeelValue input, EvaluationContext context);
}

/// <summary><c>&lt; e</c>, <c>&lt;= e</c>, <c>&gt; e</c>, <c>&gt;= e</c>, <c>= e</c>, <c>!= e</c>.</summary>
internal sealed class ComparisonTest(CompareOp op, Node endpoint) : UnaryTest
{
    public override Node Operand => endpoint;

    public override bool? Test(FeelValue input, EvaluationContext context) =>
        CompareNode.Apply(op, input, endpoint.Eval(context)) is FeelBoolean b ? b.Value : null;
}

/// <summary>
/// An expression test: a boolean using <c>?</c> is the answer; a range tests containment; a list tests
/// membership (elements may be ranges); any other value tests equality.
/// </summary>
internal sealed class ExpressionTest(Node expression, bool usesInput) : UnaryTest
{
    public override Node Operand => expression;

    public override bool? Test(FeelValue input, EvaluationContext context)
    {
        FeelValue value;
        if (usesInput)
        {
            var mark = context.FrameMark;
            context.Push("?", input);
            value = expression.Eval(context);
            context.PopTo(mark);
            if (value is FeelBoolean b)
                return b.Value;
        }
        else
            value = expression.Eval(context);
        return Matches(input, value);
    }

    public static bool? Matches(FeelValue input, FeelValue value)
    {
        switch (value)
        {
            case FeelRange range:
                return range.Contains(input);
            case FeelList list:
            {
                EvaluationBudget.Current?.Spend(list.Count);
                var sawNull = false;
                foreach (var item in list.Span)
                {
                    var r = item is FeelRange ir ? ir.Contains(input) : FeelComparison.Equal(input, item);
                    if (r == true)
                        return true;
                    sawNull |= r is null;
                }
                if (input is FeelList && FeelComparison.Equal(input, value) == true)
                    return true;
                return sawNull ? null : false;
            }
            default:
                return FeelComparison.Equal(input, value);
        }
    }
}

/// <summary><c>e in t</c> and <c>e in (t1, t2, …)</c>: the tests are or-ed (three-valued).</summary>
internal sealed class InNode(Node value, UnaryTest[] tests) : Node([value, .. tests.Select(t => t.Operand)])
{
    public override FeelValue Eval(EvaluationContext context)
    {
        var input = value.Eval(context);
        var sawNull = false;
        foreach (var test in tests)
        {
            var r = test.Test(input, context);
            if (r == true)
                return FeelBoolean.True;
            sawNull |= r is null;
        }
        return sawNull ? FeelValue.Null : FeelBoolean.False;
    }
}

/// <summary><c>e between a and b</c> is <c>e &gt;= a and e &lt;= b</c>, three-valued.</summary>
internal sealed class BetweenNode(Node value, Node low, Node high) : Node(value, low, high)
{
    public override FeelValue Eval(EvaluationContext context)
    {
        var v = value.Eval(context);
        var lo = CompareNode.Apply(CompareOp.GreaterOrEqual, v, low.Eval(context));
        var hi = CompareNode.Apply(CompareOp.LessOrEqual, v, high.Eval(context));
        if (ReferenceEquals(lo, FeelBoolean.False) || ReferenceEquals(hi, FeelBoolean.False))
            return FeelBoolean.False;
        return lo.IsTrue && hi.IsTrue ? FeelBoolean.True : FeelValue.Null;
    }
}

/// <summary><c>e instance of type</c>. Null is an instance of Null only; Any matches every non-null value.</summary>
internal sealed class InstanceOfNode(Node value, TypeSpec type) : Node(value)
{
    public override FeelValue Eval(EvaluationContext context) => FeelBoolean.Of(type.Accepts(value.Eval(context), context.Scope));
}

/// <summary><c>is defined(x)</c>: false for a name no scope knows or a missing context entry; true otherwise (even when null).</summary>
internal sealed class IsDefinedNode(Node value) : Node(value)
{
    public override FeelValue Eval(EvaluationContext context) => value switch
    {
        NameNode n => FeelBoolean.Of(context.TryResolve(n.Name, out _) || Builtins.TryGet(n.Name, out _)),
        PathNode p => FeelBoolean.Of(p.IsDefined(context)),
        _ => FeelBoolean.True,
    };
}

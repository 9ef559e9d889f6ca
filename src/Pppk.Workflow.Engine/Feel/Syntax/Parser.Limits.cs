using System.Runtime.CompilerServices;

namespace Pppk.Workflow.Engine.Feel;

/// <summary>The parser's bounds (nesting, operation depth) and constant folding, which evaluates at parse time on a small budget.</summary>
internal sealed partial class Parser
{
    // Folding is an optimisation: a parse spends at most this much on it, then leaves the rest for run time.
    private const long FoldIterations = 10_000;
    private static readonly TimeSpan FoldTime = TimeSpan.FromMilliseconds(250);

    private readonly EvaluationBudget foldBudget;
    private bool foldBudgetSpent;
    /// <summary>Levels entered so far; the whole expression is level 0.</summary>
    private int nesting = -1;

    /// <summary>One level deeper (a bracket, a list, a call, a unary operator): refused past the limit, before the stack could run out.</summary>
    private void Enter()
    {
        if (++nesting > limits.MaxNestingDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw Error(FeelTexts.NestedTooDeep.Format(limits.MaxNestingDepth));
    }

    private void Exit() => nesting--;

    /// <summary>An empty list or context is a level of its own, as its value nests one deeper.</summary>
    private LiteralNode Empty(FeelValue value)
    {
        Enter();
        Exit();
        return new LiteralNode(value);
    }

    /// <summary>Refuses a tree whose evaluation would recurse deeper than the operation depth (long operator chains).</summary>
    private Node Checked(Node node)
    {
        if (node.Height > limits.MaxOperationDepth)
            throw Error(FeelTexts.TooManyOperations.Format(limits.MaxOperationDepth));
        return node;
    }

    /// <summary>Evaluates a node now when it reads no variable and no environment (constant folding).</summary>
    private Node Fold(Node node)
    {
        Checked(node);
        if (node is LiteralNode || foldBudgetSpent)
            return node;
        var previous = foldBudget.Activate();
        var context = EvaluationContext.Rent(ProbeScope.Instance, FeelEnvironment.Default, foldBudget);
        context.Probing = true;
        try
        {
            var value = node.Eval(context);
            return context.ProbeFailed ? node : new LiteralNode(value);
        }
        catch (FeelLimitException)
        {
            foldBudgetSpent = true;
            return node;
        }
        catch (Exception)
        {
            return node;
        }
        finally
        {
            context.Probing = false;
            context.ProbeFailed = false;
            EvaluationContext.Return(context);
            EvaluationBudget.Restore(previous);
        }
    }

    private sealed class ProbeScope : IFeelScope
    {
        public static readonly ProbeScope Instance = new();

        public bool TryResolve(string name, out FeelValue value)
        {
            value = FeelValue.Null;
            return false;
        }
    }
}

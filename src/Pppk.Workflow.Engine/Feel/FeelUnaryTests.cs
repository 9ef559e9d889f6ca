namespace Pppk.Workflow.Engine.Feel;

/// <summary>
/// Parsed unary tests (a decision table input entry, input or output values, allowed values): <c>-</c>,
/// <c>not(...)</c> or a comma-separated list of tests, each satisfied by the input value as DMN 1.5 §10.3.2.9 says
/// (a boolean expression using <c>?</c> is the answer; a range contains, a list holds, another value equals).
/// Immutable and safe to cache and share between threads.
/// </summary>
public sealed class FeelUnaryTests
{
    private readonly UnaryTest[] tests;
    private readonly bool negated;

    private FeelUnaryTests(string source, UnaryTest[] tests, bool negated, bool any)
    {
        Source = source;
        this.tests = tests;
        this.negated = negated;
        IsAny = any;
    }

    public string Source { get; }

    /// <summary>The cell is <c>-</c>: every input satisfies it.</summary>
    public bool IsAny { get; }

    /// <summary>Parses; throws <see cref="FeelSyntaxException"/> with line and column.</summary>
    public static FeelUnaryTests Parse(string source, FeelParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var (tests, negated, any) = Parser.ParseUnaryTests(source, options ?? FeelParseOptions.Default);
        return new FeelUnaryTests(source, tests, negated, any);
    }

    /// <summary>True or false, or null when a test could not decide (incomparable types); a rule matches only on true.</summary>
    public bool? Test(FeelValue input, IFeelScope scope, FeelEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (IsAny)
            return true;
        var result = FeelExpression.Run(scope, environment, (tests, input), static (state, context) =>
        {
            var sawNull = false;
            foreach (var test in state.tests)
            {
                var r = test.Test(state.input, context);
                if (r == true)
                    return (bool?)true;
                sawNull |= r is null;
            }
            return sawNull ? null : false;
        });
        return negated ? !result : result;
    }

    /// <summary>Whether <paramref name="input"/> satisfies the tests (null counts as not satisfied).</summary>
    public bool Matches(FeelValue input, IFeelScope scope, FeelEnvironment environment) => Test(input, scope, environment) == true;

    public override string ToString() => Source;
}

using Pppk.Workflow.Engine.Feel;

namespace Pppk.Workflow.Engine.Dmn;

/// <summary>
/// A decision table input entry, allowed values or input/output values (<see cref="FeelUnaryTests"/>), or tests that could
/// not be parsed in a leniently read model: those never match and say why in a warning.
/// </summary>
internal sealed class UnaryTests
{
    public static readonly UnaryTests AnyValue = new("-", null, null);

    private readonly FeelUnaryTests? tests;
    private readonly string? error;

    private UnaryTests(string text, FeelUnaryTests? tests, string? error)
    {
        Text = text;
        this.tests = tests;
        this.error = error;
    }

    public string Text { get; }

    public bool IsAny => error is null && (tests is null || tests.IsAny);

    /// <summary>Parses the tests; throws <see cref="FeelSyntaxException"/>.</summary>
    public static UnaryTests Parse(string text, FeelParseOptions options) =>
        string.IsNullOrWhiteSpace(text) ? AnyValue : new UnaryTests(text, FeelUnaryTests.Parse(text.Trim(), options), null);

    /// <summary>Tests that could not be parsed: they never match, with a warning (lenient reading only).</summary>
    public static UnaryTests Invalid(string text, string error) => new(text, null, error);

    /// <summary>True, false, or null (a test could not be decided: no match).</summary>
    public bool? Test(FeelValue input, IFeelScope scope, DmnRun run)
    {
        if (error is not null)
        {
            run.Warn(error + " The test does not match.");
            return null;
        }
        return tests is null ? true : tests.Test(input, scope, run.Environment);
    }

    public override string ToString() => Text;
}

using Pppk.Workflow.Engine.Feel;
using Pppk.Workflow.Testing;
using Xunit.Abstractions;

namespace Pppk.Workflow.Engine.Tests.Feel.Tck;

/// <summary>
/// Every FEEL text in the DMN TCK's models parses (expressions with the expression parser, decision table cells and
/// allowed values with the unary-tests parser), given the names the model declares. Skipped when the TCK is absent.
/// </summary>
public class TckSyntaxTests(ITestOutputHelper output)
{
    /// <summary>
    /// Texts that must NOT parse, and why: they are invalid on purpose (the TCK checks that engines reject them) or use
    /// a feature we do not support. Key: folder/file#element id.
    /// </summary>
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
    };

    [ConformanceFact(Suite.DmnTck)]
    public void Every_FEEL_text_of_the_TCK_parses()
    {
        var texts = TckFeelTexts.All().ToList();
        Assert.True(texts.Count > 1000, $"only {texts.Count} FEEL texts found");
        var failures = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in texts)
        {
            try
            {
                if (t.UnaryTests)
                    FeelUnaryTests.Parse(t.Text, FeelParseOptions.Dmn(t.KnownNames));
                else
                    FeelExpression.Parse(t.Text, FeelParseOptions.Dmn(t.KnownNames));
            }
            catch (FeelSyntaxException e)
            {
                failures[t.Key] = $"{t.Kind}: {t.Text.ReplaceLineEndings(" ")} -- {e.Message}";
            }
        }
        foreach (var (key, why) in failures)
            output.WriteLine($"{key}: {why}");
        output.WriteLine($"{texts.Count} texts, {failures.Count} do not parse");
        Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), failures.Keys);
    }
}

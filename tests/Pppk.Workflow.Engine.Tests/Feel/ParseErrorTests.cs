using Pppk.Workflow.Engine.Feel;

namespace Pppk.Workflow.Engine.Tests.Feel;

public class FeelParseErrorTests
{
    [Theory]
    [InlineData("", 1, 1, "Expected an expression")]
    [InlineData("   ", 1, 4, "Expected an expression")]
    [InlineData("1 +", 1, 4, "Unexpected end of expression")]
    [InlineData("1 + * 2", 1, 5, "Unexpected '*'")]
    [InlineData("(1 + 2", 1, 7, "Expected ')'")]
    [InlineData("[1, 2", 1, 6, "Expected ']'")]
    [InlineData("{a: 1", 1, 6, "Expected '}'")]
    [InlineData("{a 1}", 1, 4, "Expected ':'")]
    [InlineData("\"abc", 1, 1, "Unterminated string")]
    [InlineData("if true then 1", 1, 15, "Expected 'else'")]
    [InlineData("if true 1 else 2", 1, 9, "Expected 'then'")]
    [InlineData("for x [1] return x", 1, 7, "Expected 'in'")]
    [InlineData("for x in [1] x", 1, 14, "Expected ',' or 'return'")]
    [InlineData("some x in [1] x > 0", 1, 15, "Expected ',' or 'satisfies'")]
    [InlineData("1 2", 1, 3, "Expected an operator or end of expression")]
    [InlineData("score > 80 and\n  predicate = ", 2, 15, "Unexpected end of expression")]
    [InlineData("a +\n\n  ) ", 3, 3, "Unexpected ')'")]
    [InlineData("1 # 2", 1, 3, "Unexpected character '#'")]
    [InlineData("substring(\"a\")", 1, 10, "Function 'substring' expects 2 to 3 argument(s) but was given 1")]
    [InlineData("today(1)", 1, 6, "Function 'today' expects 0 argument(s)")]
    [InlineData("substring(string: \"a\", start: 1)", 1, 10, "has no parameter 'start'")]
    [InlineData("@\"2025-13-45\"", 1, 1, "Invalid temporal literal")]
    [InlineData("x instance of nonsense", 1, 15, "Unknown type 'nonsense'")]
    [InlineData("x between 1", 1, 12, "Expected 'and'")]
    [InlineData("[1..5", 1, 6, "to close the range")]
    [InlineData("a.", 1, 3, "Expected a name after '.'")]
    [InlineData("f(a: 1, 2)", 1, 9, "Named and positional arguments cannot be mixed")]
    [InlineData("/* open", 1, 1, "Unterminated comment")]
    [InlineData("1 and", 1, 6, "Unexpected end of expression")]
    [InlineData("then", 1, 1, "Unexpected keyword 'then'")]
    [InlineData("`open", 1, 1, "Unterminated `name`")]
    public void Reports_reason_line_and_column(string source, int line, int column, string reason)
    {
        var error = Assert.Throws<FeelSyntaxException>(() => FeelExpression.Parse(source));
        Assert.Contains(reason, error.Reason);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains($"line {line}, column {column}", error.Message);
    }

    [Fact]
    public void TryParse_returns_the_error_instead_of_throwing()
    {
        Assert.False(FeelExpression.TryParse("1 +", out var expression, out var error));
        Assert.Null(expression);
        Assert.Equal(1, error!.Line);
        Assert.True(FeelExpression.TryParse("1 + 1", out expression, out error));
        Assert.Null(error);
        Assert.Equal("1 + 1", expression!.Source);
    }
}

using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Feel;
using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Engine.Tests.Feel;

/// <summary>
/// Expressions and variables nested far beyond any real one. A stack overflow cannot be caught and would kill this test
/// host, so each test ending with its error, in this process, is the proof that no input can overflow the stack.
/// </summary>
public class NestingLimitTests
{
    private const int Bomb = 100_000;

    private static string Repeat(string s, int n) => string.Concat(Enumerable.Repeat(s, n));

    public static TheoryData<string, string> NestingBombs => new()
    {
        { "parentheses", Repeat("(", Bomb) + "1" + Repeat(")", Bomb) },
        { "lists", Repeat("[", Bomb) + Repeat("]", Bomb) },
        { "contexts", Repeat("{a: ", Bomb) + "1" + Repeat("}", Bomb) },
        { "unary minus", Repeat("-", Bomb) + "1" },
        { "not", Repeat("not(", Bomb) + "true" + Repeat(")", Bomb) },
        { "function calls", Repeat("abs(", Bomb) + "1" + Repeat(")", Bomb) },
        { "if", Repeat("if true then ", Bomb) + "1" + Repeat(" else 1", Bomb) },
        { "for", Repeat("for x in [1] return ", Bomb) + "x" },
        { "some", Repeat("some x in [true] satisfies ", Bomb) + "x" },
        { "filters", Repeat("xs[", Bomb) + "1" + Repeat("]", Bomb) },
        { "function definitions", Repeat("function() ", Bomb) + "1" },
        { "unary comparisons", Repeat("< ", Bomb) + "1" },
        { "ranges", Repeat("[", Bomb) + "1.." + Repeat("2]", Bomb) },
    };

    [Theory]
    [MemberData(nameof(NestingBombs))]
    public void A_deeply_nested_expression_is_a_syntax_error_not_a_stack_overflow(string what, string source)
    {
        var limits = new FeelLimits { MaxExpressionLength = int.MaxValue };
        var error = Assert.Throws<FeelSyntaxException>(() => FeelExpression.Parse(source, limits));
        Assert.True(error.ReasonText.Code == "feel-nested-too-deep", $"{what}: {error.Message}");
        Assert.Contains("more than 64 levels", error.Reason);
    }

    public static TheoryData<string, string> ChainBombs => new()
    {
        { "additions", "x" + Repeat(" + x", Bomb) },
        { "and", "a" + Repeat(" and a", Bomb) },
        { "comparisons", "a" + Repeat(" = a", Bomb) },
        { "paths", "a" + Repeat(".b", Bomb) },
        { "filters", "xs" + Repeat("[x]", Bomb) },
        { "calls", "f" + Repeat("()", Bomb) },
        { "instance of", "x" + Repeat(" instance of boolean", Bomb) },
        { "powers", "x" + Repeat(" ** x", Bomb) },
    };

    [Theory]
    [MemberData(nameof(ChainBombs))]
    public void A_long_chain_of_operators_on_variables_is_refused_before_evaluation_could_recurse_through_it(string what, string source)
    {
        var limits = new FeelLimits { MaxExpressionLength = int.MaxValue };
        var error = Assert.Throws<FeelSyntaxException>(() => FeelExpression.Parse(source, limits));
        Assert.True(error.ReasonText.Code == "feel-too-many-operations", $"{what}: {error.Message}");
    }

    [Fact]
    public void The_error_names_the_position_where_the_limit_was_passed_in_English_and_Indonesian()
    {
        var error = Assert.Throws<FeelSyntaxException>(() => FeelExpression.Parse(Repeat("(", 5000) + "1" + Repeat(")", 5000)));
        // The 65th '(' opens level 65; the token after it is where parsing stops.
        Assert.Equal((1, 66), (error.Line, error.Column));
        Assert.Equal("Expression nested too deeply: more than 64 levels of brackets, lists, contexts, calls, if/for/some/every or unary operators (line 1, column 66)",
            error.Message);
        Assert.Equal("Ekspresi bersarang terlalu dalam: lebih dari 64 tingkat kurung, daftar, konteks, panggilan fungsi, if/for/some/every atau operator unary (baris 1, kolom 66)",
            error.Text.In(Language.Indonesian));
    }

    [Fact]
    public void Nesting_up_to_the_limit_parses_and_evaluates()
    {
        Assert.Equal("1", FeelExpression.Evaluate(Repeat("(", 64) + "1" + Repeat(")", 64)).ToString());
        Assert.Equal(64, Depth(FeelExpression.Evaluate(Repeat("[", 64) + Repeat("]", 64))));
        Assert.Throws<FeelSyntaxException>(() => FeelExpression.Parse(Repeat("(", 65) + "1" + Repeat(")", 65)));
        // A chain of 200 additions on a variable is long but allowed; 300 is not (4 x the nesting depth).
        var scope = FeelScope.FromJson(new JsonObject { ["x"] = 1 });
        Assert.Equal("200", FeelExpression.Parse("x" + Repeat(" + x", 199)).Evaluate(scope, FeelEnvironment.Default).ToString());
        Assert.Throws<FeelSyntaxException>(() => FeelExpression.Parse("x" + Repeat(" + x", 299)));
        // Constant chains fold as they are read, so they never grow deep.
        Assert.Equal("20000", FeelExpression.Evaluate("0" + Repeat(" + 1", 20_000)).ToString());
    }

    [Fact]
    public void The_nesting_depth_is_configurable()
    {
        var shallow = new FeelLimits { MaxNestingDepth = 8 };
        Assert.Throws<FeelSyntaxException>(() => FeelExpression.Parse(Repeat("[", 9) + Repeat("]", 9), shallow));
        Assert.NotNull(FeelExpression.Parse(Repeat("[", 8) + Repeat("]", 8), shallow));
        Assert.NotNull(FeelExpression.Parse(Repeat("[", 64) + Repeat("]", 64)));
    }

    [Fact]
    public void An_overlong_expression_is_refused_before_it_is_read()
    {
        var source = "1" + Repeat(" + 1", 30_000);
        var error = Assert.Throws<FeelSyntaxException>(() => FeelExpression.Parse(source));
        Assert.Equal("feel-expression-too-long", error.ReasonText.Code);
        Assert.StartsWith($"Expression is {source.Length} characters long; at most 100000 are allowed", error.Message);
        Assert.True(FeelExpression.TryParse(source, out _, out _, new FeelLimits { MaxExpressionLength = 200_000 }));
    }

    [Fact]
    public void A_JSON_variable_nested_100000_levels_deep_is_a_limit_error_not_a_stack_overflow()
    {
        JsonNode deep = new JsonArray();
        for (var i = 0; i < Bomb; i++)
            deep = new JsonArray(deep);
        var scope = new JsonFeelScope(new JsonObject { ["deep"] = deep });
        var error = Assert.Throws<FeelLimitException>(() => FeelExpression.Parse("count(deep)").Evaluate(scope, FeelEnvironment.Default));
        Assert.Equal("feel-limit-depth", error.Code);
        Assert.Equal("Function calls or values (lists, contexts, JSON variables) nest deeper than 64 levels", error.Message);
        Assert.Throws<FeelLimitException>(() => FeelValue.FromJson(deep));
    }

    [Fact]
    public void A_JSON_object_nested_as_deep_as_JSON_itself_allows_converts()
    {
        var json = Repeat("{\"a\":", 63) + "1" + Repeat("}", 63);
        var scope = new JsonFeelScope(new JsonObject { ["v"] = JsonNode.Parse(json) });
        Assert.Equal("1", FeelExpression.Parse("v" + Repeat(".a", 63)).Evaluate(scope, FeelEnvironment.Default).ToString());
    }

    [Fact]
    public void Recursion_through_a_user_function_stops_at_the_call_depth()
    {
        var error = Assert.Throws<FeelLimitException>(() => FeelExpression.Evaluate("{f: function(n) f(n + 1), r: f(0)}.r"));
        Assert.Equal("feel-limit-depth", error.Code);
        Assert.Equal("10", FeelExpression.Evaluate("{f: function(n) if n = 0 then 0 else 1 + f(n - 1), r: f(10)}.r").ToString());
    }

    [Fact]
    public void A_value_built_deeper_than_JSON_can_store_is_refused_as_a_result()
    {
        // Each call nests ten lists; twenty calls would make a 200-level value no variable could hold.
        var error = Assert.Throws<FeelLimitException>(() =>
            FeelExpression.Evaluate("{f: function(n) if n = 0 then [] else [[[[[[[[[[f(n - 1)]]]]]]]]]], r: f(20)}.r"));
        Assert.Equal("feel-limit-depth", error.Code);
        // Compared or flattened inside the evaluation, the same value is fine: only what leaves it must be storable.
        Assert.Equal("true", FeelExpression.Evaluate("{f: function(n) if n = 0 then [] else [[[[[[[[[[f(n - 1)]]]]]]]]]], r: f(20) = f(20)}.r").ToString());
        Assert.Equal("[]", FeelExpression.Evaluate("{f: function(n) if n = 0 then [] else [[[[[[[[[[f(n - 1)]]]]]]]]]], r: flatten(f(20))}.r").ToString());
    }

    [Fact]
    public void A_context_put_path_deeper_than_the_nesting_depth_is_refused()
    {
        var error = Assert.Throws<FeelLimitException>(() => FeelExpression.Evaluate("context put({}, for i in 1..100000 return \"a\", 1)"));
        Assert.Equal("feel-limit-depth", error.Code);
    }

    private static int Depth(FeelValue value) => value is FeelList { Count: 1 } list ? 1 + Depth(list[0]) : value is FeelList ? 1 : 0;
}

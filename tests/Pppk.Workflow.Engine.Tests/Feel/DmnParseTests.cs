using Pppk.Workflow.Engine.Feel;

namespace Pppk.Workflow.Engine.Tests.Feel;

/// <summary>What DMN models need from the parser: unary tests, names with operators and keywords, named types, the standard's run-time nulls.</summary>
public class DmnParseTests
{
    private static readonly FeelEnvironment Env = FeelTestHost.Environment;

    [Theory]
    [InlineData("-", "5", true)]
    [InlineData("< 10", "5", true)]
    [InlineData("< 10", "15", false)]
    [InlineData("[1..5], 7", "7", true)]
    [InlineData("not(1, 2)", "2", false)]
    [InlineData("not(1, 2)", "3", true)]
    [InlineData("? > 3 and ? < 6", "5", true)]
    [InlineData("\"a\", \"b\"", "\"b\"", true)]
    [InlineData("!= \"a\"", "\"b\"", true)]
    [InlineData("null", "null", true)]
    [InlineData("(=10)", "10", true)]
    [InlineData("(!=10)", "10", false)]
    [InlineData("< 10", "\"x\"", null)]
    [InlineData("not(< 10)", "\"x\"", null)]
    public void Unary_tests_decide_as_the_standard_says(string tests, string input, bool? expected)
    {
        var parsed = FeelUnaryTests.Parse(tests, FeelParseOptions.Dmn(null));
        Assert.Equal(expected, parsed.Test(FeelExpression.Evaluate(input), FeelScope.Empty, Env));
    }

    [Fact]
    public void Known_names_may_contain_operators_and_keywords()
    {
        var scope = new DictionaryScope(new()
        {
            ["Applicant's age"] = FeelNumber.Of(30), ["Monthly-Income"] = FeelNumber.Of(10),
            ["Date and Time of Birth"] = FeelNumber.Of(1),
        });
        var options = FeelParseOptions.Dmn(["Applicant's age", "Monthly-Income", "Date and Time of Birth"]);
        Assert.Equal("41", FeelExpression.Parse("Applicant's age + Monthly-Income + Date and Time of Birth", options).Evaluate(scope, Env).ToString());
    }

    [Theory]
    [InlineData("[1, 2] instance of list<number>", "true")]
    [InlineData("[1, \"a\"] instance of list<number>", "false")]
    [InlineData("{a: 1, b: 2} instance of context<a: number>", "true")]
    [InlineData("{a: \"x\"} instance of context<a: number>", "false")]
    [InlineData("[1..2] instance of range<number>", "true")]
    [InlineData("(function(a) a) instance of function<Any> -> Any", "true")]
    [InlineData("1 instance of function<>->Any", "false")]
    [InlineData("1 instance of tMine", "null")]
    public void Parameterised_and_named_types(string expression, string expected) =>
        Assert.Equal(expected, FeelExpression.Parse(expression, FeelParseOptions.Dmn(null)).Evaluate(FeelScope.Empty, Env).ToString());

    [Fact]
    public void Named_types_come_from_the_scope()
    {
        var scope = new TypedScope();
        Assert.True(FeelExpression.Parse("5 instance of tSmall", FeelParseOptions.Dmn(null)).Evaluate(scope, Env).IsTrue);
    }

    [Theory]
    [InlineData("substring(\"a\")")]
    [InlineData("string join(lst: [\"a\"])")]
    [InlineData("@\"foo\"")]
    public void In_DMN_a_wrong_call_or_literal_is_null_at_run_time(string expression)
    {
        Assert.Throws<FeelSyntaxException>(() => FeelExpression.Parse(expression));
        Assert.True(FeelExpression.Parse(expression, FeelParseOptions.Dmn(null)).Evaluate(FeelScope.Empty, Env).IsNull);
    }

    [Theory]
    [InlineData("(function(a, b) external {java: {class: \"java.lang.Math\", method signature: \"max(double, double)\"}})(3, 4)", "4")]
    [InlineData("(function(a) external {java: {class: \"java.lang.Math\", method signature: \"sqrt(double)\"}})(2) = sqrt(2)", "true")]
    [InlineData("(function(a) external {java: {class: \"java.lang.Math\", method signature: \"ceil(double)\"}})(1.2)", "2")]
    [InlineData("(function(a, b) external {java: {class: \"java.lang.Math\", method signature: \"pow(double, double)\"}})(2, 10)", "1024")]
    [InlineData("(function(s) external {java: {class: \"java.lang.Integer\", method signature: \"valueOf(java.lang.String)\"}})(\"12\")", "12")]
    [InlineData("(function(a) external {java: {class: \"java.lang.Runtime\", method signature: \"exec(java.lang.String)\"}})(\"ls\")", "null")]
    public void External_java_functions_map_a_few_java_lang_methods(string expression, string expected) =>
        Assert.Equal(expected, FeelTestHost.Render(expression));

    [Fact]
    public void Host_functions_are_callable_from_FEEL_and_from_outside()
    {
        var twice = FeelFunction.Create("twice", ["x"], args => args[0] is FeelNumber n ? FeelNumber.Of(n.Value * 2) : FeelValue.Null);
        var scope = new DictionaryScope(new() { ["twice"] = twice });
        Assert.Equal("6", FeelExpression.Parse("twice(x: 3)").Evaluate(scope, Env).ToString());
        Assert.Equal("8", twice.Call([FeelNumber.Of(4)], Env).ToString());
    }

    [Fact]
    public void A_function_keeps_the_names_of_the_scope_it_was_defined_in()
    {
        // A business knowledge model's body returns a lambda over its parameter 'a'; the lambda is called elsewhere.
        var defining = new DictionaryScope(new() { ["a"] = FeelNumber.Of(10) });
        var lambda = (FeelFunction)FeelExpression.Parse("function(b) a * b").Evaluate(defining, Env);
        Assert.Equal("20", lambda.Call([FeelNumber.Of(2)], Env).ToString());
        var caller = new DictionaryScope(new() { ["f"] = lambda, ["a"] = FeelNumber.Of(1), ["c"] = FeelNumber.Of(3) });
        Assert.Equal("30", FeelExpression.Parse("f(c)").Evaluate(caller, Env).ToString());
    }

    private sealed class DictionaryScope(Dictionary<string, FeelValue> values) : IFeelScope
    {
        public bool TryResolve(string name, out FeelValue value) => values.TryGetValue(name, out value!);
    }

    private sealed class TypedScope : IFeelTypeScope
    {
        public bool TryResolve(string name, out FeelValue value)
        {
            value = FeelValue.Null;
            return false;
        }

        public bool TryIsInstance(FeelValue value, string typeName, out bool isInstance)
        {
            isInstance = value is FeelNumber;
            return typeName == "tSmall";
        }
    }
}

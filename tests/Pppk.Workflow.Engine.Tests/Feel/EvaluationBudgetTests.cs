using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Feel;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Engine.Tests.Support;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Feel;

/// <summary>
/// Expressions that would loop, allocate or run without end stop with a <see cref="FeelLimitException"/> naming the limit,
/// never a null and never a hang; expressions of real size stay far inside the budget.
/// </summary>
public class EvaluationBudgetTests
{
    // Wall time is generous unless a test is about it, so a loaded machine cannot turn another limit into the time limit.
    private static readonly FeelLimits Patient = new() { MaxEvaluationTime = TimeSpan.FromMinutes(10) };

    private static FeelLimitException Stopped(string expression, FeelLimits? limits = null) =>
        Assert.Throws<FeelLimitException>(() => FeelExpression.Parse(expression, limits ?? Patient)
            .Evaluate(FeelScope.Empty, new FeelEnvironment(TimeProvider.System, limits: limits ?? Patient)));

    // A list of 100,000 numbers and a string of 100,000 characters, built within the limits, to make bombs from.
    private const string Big = "{xs: for i in 1..100000 return i, s: string join(for i in 1..10000 return \"abcdefghij\")}";

    public static TheoryData<string, string> IterationBombs => new()
    {
        { "every over a product of ranges", "every x in 1..1000000, y in 1..1000000 satisfies true" },
        { "some over a product of ranges", "some x in 1..1000000, y in 1..1000000 satisfies x < 0" },
        { "some over a huge range", "some x in 1..1000000000000 satisfies x < 0" },
        { "some over an open range value", "some x in [1..100000000000] satisfies x < 0" },
        { "nested for", "count(for a in 1..1000 return count(for b in 1..1000 return count(for c in 1..1000 return c)))" },
        { "nested filters", Big + ".xs[count((for j in 1..1000 return j)[item > 0]) > 0] = []" },
        { "union of large lists", "count(union(for i in 1..50000 return i, for i in 1..50000 return -i))" },
        { "distinct values", "count(distinct values(for i in 1..90000 return i))" },
        { "sort of a large list", "sort(" + Big + ".xs, function(a, b) a > b)[1]" },
        { "equality of lists sharing big items", "{a: for i in 1..1000 return i, b: for i in 1..1000 return i, l: for i in 1..10000 return a, m: for i in 1..10000 return b, r: l = m}.r" },
        { "exponential recursion", "{f: function(n) if n = 0 then 0 else f(n - 1) + f(n - 1), r: f(40)}.r" },
        { "a built-in called in a loop over a big list", "{xs: for i in 1..100000 return i, r: for i in 1..1000 return list contains(xs, -i)}.r" },
        { "working days in a loop", "for i in 1..1000 return add working days(date(\"2026-01-01\"), 90000)" },
        { "an outer range over an empty inner one", "for x in 1..1000000000000, y in [] return 1" },
        { "a path mapped over a big list in a loop", "{xs: for i in 1..100000 return {a: i}, r: for i in 1..1000 return xs.a}.r" },
        { "in over a big list in a loop", "{xs: for i in 1..100000 return i, r: for i in 1..1000 return i in xs}.r" },
        { "context merge of a big context many times", "{c: context(for i in 1..50000 return {key: string(i), value: i}), r: context merge(for i in 1..100 return c)}.r" },
    };

    [Theory]
    [MemberData(nameof(IterationBombs))]
    public void A_loop_beyond_the_iteration_budget_stops_with_the_limit_named(string what, string expression)
    {
        var error = Stopped(expression);
        Assert.True(error.Code == "feel-limit-iterations", $"{what}: {error.Message}");
        Assert.StartsWith("Evaluation stopped after 1000000 iterations", error.Message);
    }

    public static TheoryData<string, string, string> SizeBombs => new()
    {
        { "for building a huge list", "for x in 1..1000, y in 1..1000 return x", "feel-limit-list" },
        { "a for over a huge range", "for x in 1..10000000 return x", "feel-limit-list" },
        { "concatenate", "count(concatenate(" + Big + ".xs, " + Big + ".xs))", "feel-limit-list" },
        { "append", "count(append(" + Big + ".xs, 1))", "feel-limit-list" },
        { "flatten of a shared list", "{xs: for j in 1..1000 return j, r: count(flatten(for i in 1..500 return xs))}.r", "feel-limit-list" },
        { "split", "count(split(string join(for i in 1..100000 return \"a,\"), \",\"))", "feel-limit-list" },
        { "string join", "string length(string join(for i in 1..100000 return \"abcdefghijklmnopqrstuvwxyz\"))", "feel-limit-string" },
        { "concatenation", "{s: " + Big + ".s, t: s + s + s + s + s + s + s + s + s + s + s}.t", "feel-limit-string" },
        { "replace growing each match", "string length(replace(" + Big + ".s, \"a\", string join(for i in 1..20 return \"0123456789\")))", "feel-limit-string" },
        { "string() of a list sharing a big string", "{s: " + Big + ".s, xs: for i in 1..10000 return s, r: string length(string(xs))}.r", "feel-limit-string" },
        { "a result sharing a big string", "{s: " + Big + ".s, xs: for i in 1..10000 return s}.xs", "feel-limit-result" },
    };

    [Theory]
    [MemberData(nameof(SizeBombs))]
    public void Building_a_list_or_string_beyond_its_limit_stops_with_the_limit_named(string what, string expression, string code)
    {
        var error = Stopped(expression);
        Assert.True(error.Code == code, $"{what}: {error.Code} {error.Message}");
    }

    [Fact]
    public void The_limit_errors_read_in_English_and_Indonesian_with_their_code()
    {
        var iterations = Stopped("every x in 1..1000000, y in 1..1000000 satisfies true");
        Assert.Equal("Evaluation stopped after 1000000 iterations, the limit of one evaluation; the expression walks too much (e.g. for, some or every over the product of large ranges)",
            iterations.Text.In(Language.English));
        Assert.Equal("Evaluasi dihentikan setelah 1000000 iterasi, batas satu evaluasi; ekspresi menjelajah terlalu banyak (misalnya for, some atau every atas hasil kali rentang yang besar)",
            iterations.Text.In(Language.Indonesian));
        var list = Stopped("for x in 1..1000, y in 1..1000 return x");
        Assert.Equal("Daftar atau konteks berisi lebih dari 100000 butir akan dibangun; itu batas satu evaluasi", list.Text.In(Language.Indonesian));
        var text = Stopped("string join(for i in 1..100000 return \"abcdefghijk\")");
        Assert.Equal("A string of more than 1000000 characters would be built; that is the limit of one evaluation", text.Message);
        Assert.Equal("String lebih dari 1000000 karakter akan dibangun; itu batas satu evaluasi", text.Text.In(Language.Indonesian));
    }

    [Fact]
    public void Wall_time_stops_an_evaluation_that_stays_within_the_iteration_budget()
    {
        var error = Stopped("every x in 1..900000 satisfies x > 0", new FeelLimits { MaxEvaluationTime = TimeSpan.FromMilliseconds(1) });
        Assert.Equal("feel-limit-time", error.Code);
        Assert.Equal("Evaluation stopped after 1 ms, the time limit of one evaluation", error.Message);
        Assert.Equal("Evaluasi dihentikan setelah 1 md, batas waktu satu evaluasi", error.Text.In(Language.Indonesian));
    }

    [Fact]
    public void A_regular_expression_that_backtracks_is_stopped_by_wall_time_though_it_spends_no_units()
    {
        // Each match gives up after its one-second timeout (null); the clock is read before the next one.
        var error = Stopped("for i in 1..1000 return matches(\"" + new string('a', 40) + "!\" + string(i), \"(a+)+$\")",
            Patient with { MaxEvaluationTime = TimeSpan.FromMilliseconds(100) });
        Assert.Equal("feel-limit-time", error.Code);
    }

    [Fact]
    public void Each_limit_is_configurable()
    {
        Assert.Equal("feel-limit-iterations", Stopped("count(for i in 1..2000 return i)", Patient with { MaxIterations = 1000 }).Code);
        Assert.Equal("feel-limit-list", Stopped("count(for i in 1..200 return i)", Patient with { MaxListLength = 100 }).Code);
        Assert.Equal("feel-limit-string", Stopped("string join(for i in 1..200 return \"abcdefghij\")", Patient with { MaxStringLength = 1000 }).Code);
        Assert.Equal("feel-limit-result", Stopped("for i in 1..200 return \"abcdefghij\"", Patient with { MaxStringLength = 1000, MaxResultSize = 1000 }).Code);
        Assert.Equal("feel-limit-depth", Stopped("{f: function(n) if n = 0 then 0 else f(n - 1), r: f(10)}.r", Patient with { MaxNestingDepth = 8 }).Code);
        Assert.Equal("2001000", FeelExpression.Parse("sum(for i in 1..2000 return i)")
            .Evaluate(FeelScope.Empty, new FeelEnvironment(TimeProvider.System, limits: new FeelLimits { MaxIterations = 10_000 })).ToString());
    }

    [Fact]
    public void Limits_that_cannot_work_are_named_at_start_up()
    {
        Assert.Null(FeelLimits.Default.Problem());
        Assert.Equal("MaxIterations must be at least 1000.", new FeelLimits { MaxIterations = 0 }.Problem());
        Assert.Equal("MaxNestingDepth must be between 8 and 100.", new FeelLimits { MaxNestingDepth = 1000 }.Problem());
        Assert.Equal("MaxEvaluationTime must be positive.", new FeelLimits { MaxEvaluationTime = TimeSpan.Zero }.Problem());
    }

    public static TheoryData<string, string> LegitimateBigExpressions => new()
    {
        { "sum(for i in 1..10000 return i)", "50005000" },
        { "count(for x in 1..300, y in 1..300 return x * y)", "90000" },
        { "sort(for i in 1..10000 return -i)[1]", "-10000" },
        { "sort(for i in 1..10000 return i, function(a, b) a > b)[1]", "10000" },
        { "string length(string join(for i in 1..10000 return \"ab\", \", \"))", "39998" },
        { "count(distinct values(for i in 1..1000 return modulo(i, 7)))", "7" },
        { "count(flatten(for i in 1..100 return for j in 1..100 return j))", "10000" },
        { "some x in 1..1000000000 satisfies x = 5", "true" },
        { "count((for i in 1..50000 return {n: i, ok: modulo(i, 2) = 0})[ok])", "25000" },
        { "string length(replace(string join(for i in 1..1000 return \"a\"), \"a\", \"bb\"))", "2000" },
        { "count(for x in " + Big + ".xs return x)", "100000" },
    };

    [Theory]
    [MemberData(nameof(LegitimateBigExpressions))]
    public void Big_but_legitimate_expressions_stay_within_the_default_budget(string expression, string expected) =>
        Assert.Equal(expected, FeelExpression.Evaluate(expression).ToString());

    [Fact]
    public void A_big_variable_is_read_without_spending_the_budget_on_its_conversion()
    {
        var applicants = new JsonArray();
        for (var i = 0; i < 20_000; i++)
            applicants.Add(new JsonObject { ["nik"] = $"7371{i:D12}", ["score"] = i % 100, ["unit"] = "BKD" });
        var scope = new JsonFeelScope(new JsonObject { ["applicants"] = applicants });
        var result = FeelExpression.Parse("count(applicants[score >= 60])").Evaluate(scope, FeelEnvironment.Default);
        Assert.Equal("8000", result.ToString());
    }

    [Fact]
    public void The_range_built_in_reads_literal_endpoints_only_so_its_text_cannot_run_work()
    {
        // DMN 1.5: range("...") takes a range literal; an endpoint that is an expression gives null, unevaluated.
        Assert.Equal("null", FeelTestHost.Render("range(\"[1..count(for j in 1..20000 return j)]\")"));
        Assert.Equal("[1..5]", FeelTestHost.Render("range(\"[1..5]\")"));
    }

    [Fact]
    public void Constant_folding_at_parse_time_gives_up_on_a_bomb_instead_of_hanging_the_parse()
    {
        var expression = FeelExpression.Parse("count(for x in 1..1000000, y in 1..1000000 return 1)");
        Assert.Equal("feel-limit-list", Assert.Throws<FeelLimitException>(() => expression.Evaluate()).Code);
    }

    [Fact]
    public void In_a_process_an_exceeded_limit_is_an_incident_at_the_element_with_the_reason_in_both_languages()
    {
        var h = Harness.For(Start() + Script("s", "=for x in 1..1000, y in 1..1000 return x", "r") + End(), "start -> s -> end").Start();
        var incident = Assert.Single(h.State.Incidents);
        Assert.Equal("s", incident.ElementId);
        var raised = Assert.Single(h.Of<IncidentRaised>()).Message;
        Assert.Equal("expression-failed", raised.Code);
        Assert.EndsWith("Evaluating 'for x in 1..1000, y in 1..1000 return x' failed: A list or context of more than 100000 items would be built; that is the limit of one evaluation",
            raised.In(Language.English));
        Assert.EndsWith("Evaluasi 'for x in 1..1000, y in 1..1000 return x' gagal: Daftar atau konteks berisi lebih dari 100000 butir akan dibangun; itu batas satu evaluasi",
            raised.In(Language.Indonesian));
        Assert.False(h.State.Variables.ContainsKey("r"));
    }

    [Fact]
    public void In_a_process_a_nesting_bomb_is_a_validation_error_at_deployment()
    {
        var bomb = new string('(', 5000) + "1" + new string(')', 5000);
        var problems = Pppk.Workflow.Engine.Validation.BpmnValidator.Validate(Parse(Start() + Service("t", extra: Io(("input", "=" + bomb, "x"))) + End(), "start -> t -> end"));
        var problem = Assert.Single(problems, p => p.Code == "feel-syntax");
        Assert.Contains("Expression nested too deeply: more than 64 levels", problem.Message);
    }
}

namespace Pppk.Workflow.Engine.Tests.Feel;

public class FeelFunctionAndNameCases
{
    public static TheoryData<string, string> Cases => FeelCaseTable.Parse("""
        (function(a, b) a + b)(1, 2) ==> 3
        {add: function(a, b) a + b, r: add(2, 3)}.r ==> 5
        {add: function(a, b) a + b, r: add(b: 3, a: 10)}.r ==> 13
        {f: function(x) x * 2, r: f(x: 4)}.r ==> 8
        {f: function(x) x * 2, r: f(y: 4)}.r ==> null
        {f: function(x) x * 2, r: f(1, 2)}.r ==> null
        {k: 10, f: function(x) x + k, r: f(1)}.r ==> 11
        {sq: function(n: number) n * n, r: sq(7)}.r ==> 49
        {fact: function(n) if n <= 1 then 1 else n * fact(n - 1), r: fact(5)}.r ==> 120
        (function() 42)() ==> 42
        for f in [function(x) x + 1, function(x) x * 10] return f(5) ==> [6, 50]
        1(2) ==> null
        nothing(1) ==> null
        abs ==> function abs(n)
        {f: abs, r: f(-3)}.r ==> 3
        sort([3, 1, 2], function(x, y) x < y)[1] ==> 1
        is defined(abs) ==> true
        contract end ==> "2026-03-31"
        date(contract end) < date("2027-01-01") ==> true
        `contract end` ==> "2026-03-31"
        {first name: "Ani", last name: "Lestari"}.first name ==> "Ani"
        {first name: "Ani", full: first name + " X"}.full ==> "Ani X"
        1 instance of number ==> true
        "a" instance of string ==> true
        "a" instance of number ==> false
        true instance of boolean ==> true
        null instance of Null ==> true
        null instance of number ==> false
        1 instance of Any ==> true
        date("2025-01-01") instance of date ==> true
        date and time("2025-01-01T00:00:00") instance of date and time ==> true
        date("2025-01-01") instance of date and time ==> false
        time("10:00:00") instance of time ==> true
        duration("P1D") instance of days and time duration ==> true
        duration("P1Y") instance of years and months duration ==> true
        duration("P1Y") instance of days and time duration ==> false
        [1] instance of list ==> true
        [1] instance of list<number> ==> true
        {a: 1} instance of context ==> true
        [1..2] instance of range ==> true
        abs instance of function ==> true
        score instance of number and fiscalOk ==> true
        """);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Functions_names_and_types(string expression, string expected) => Assert.Equal(expected, FeelTestHost.Render(expression));
}

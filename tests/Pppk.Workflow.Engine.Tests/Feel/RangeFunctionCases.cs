namespace Pppk.Workflow.Engine.Tests.Feel;

/// <summary>DMN 1.4 range functions (table 78 examples) and other DMN 1.4/1.5 additions.</summary>
public class FeelRangeFunctionCases
{
    public static TheoryData<string, string> Cases => FeelCaseTable.Parse("""
        before(1, 10) ==> true
        before(10, 1) ==> false
        before(1, [2..5]) ==> true
        before([1..5], 10) ==> true
        before([1..5], [6..10]) ==> true
        before([1..5), [5..10]) ==> true
        before([1..5], [5..10]) ==> false
        before(1, "a") ==> null
        before(null, 1) ==> null
        after(10, 5) ==> true
        after(5, 10) ==> false
        after(12, [2..5]) ==> true
        after([11..20], 10) ==> true
        after([11..20], [1..10]) ==> true
        after((5..10], [1..5]) ==> true
        after([5..10], [1..5]) ==> false
        meets([1..5], [5..10]) ==> true
        meets([1..3], [4..6]) ==> false
        meets([1..5), [5..10]) ==> false
        met by([5..10], [1..5]) ==> true
        met by([5..10], [1..5)) ==> false
        overlaps([1..5], [3..8]) ==> true
        overlaps([3..8], [1..5]) ==> true
        overlaps([1..8], [3..5]) ==> true
        overlaps([1..5], [6..8]) ==> false
        overlaps([1..5], [5..8]) ==> true
        overlaps([1..5), [5..8]) ==> false
        overlaps before([1..5], [3..8]) ==> true
        overlaps before([1..5], [6..8]) ==> false
        overlaps before([1..5], [5..8]) ==> true
        overlaps before([1..5), [5..8]) ==> false
        overlaps after([3..8], [1..5]) ==> true
        overlaps after([6..8], [1..5]) ==> false
        finishes(10, [1..10]) ==> true
        finishes(10, [1..10)) ==> false
        finishes([5..10], [1..10]) ==> true
        finishes([3..7], [1..10]) ==> false
        finished by([1..10], 10) ==> true
        finished by([1..10], [5..10]) ==> true
        includes([1..10], 5) ==> true
        includes([1..10], 12) ==> false
        includes([1..10], [4..6]) ==> true
        includes([1..10], [1..10]) ==> true
        includes((1..10], [1..10]) ==> false
        during(5, [1..10]) ==> true
        during([4..6], [1..10]) ==> true
        during([1..10], (1..10]) ==> false
        starts(1, [1..10]) ==> true
        starts(1, (1..10]) ==> false
        starts([1..5], [1..10]) ==> true
        starts([1..10], [1..5]) ==> false
        started by([1..10], 1) ==> true
        started by([1..10], [1..5]) ==> true
        coincides(5, 5) ==> true
        coincides(3, 4) ==> false
        coincides([1..5], [1..5]) ==> true
        coincides((1..5], [1..5]) ==> false
        during(date("2025-04-02"), [date("2025-03-31")..date("2025-04-07")]) ==> true
        range("[1..10]") ==> [1..10]
        range("(1..5]") ==> (1..5]
        range("x") ==> null
        range("1") ==> null
        is(1, 1) ==> true
        is(1, "1") ==> false
        is(date and time("2025-01-01T10:00:00+08:00"), date and time("2025-01-01T02:00:00Z")) ==> false
        is(time("10:00:00"), time("10:00:00")) ==> true
        list replace([2, 4, 7, 8], 3, 6) ==> [2, 4, 6, 8]
        list replace([2, 4, 7, 8], -1, 0) ==> [2, 4, 7, 0]
        list replace([2, 4, 7, 8], function(item, newItem) item < newItem, 5) ==> [5, 5, 7, 8]
        list replace([1], 2, 0) ==> null
        eligible? and fiscalOk ==> true
        masa kerja >= 5 ==> true
        masa kerja * 12 ==> 72
        """);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Range_and_newer_functions(string expression, string expected) => Assert.Equal(expected, FeelTestHost.Render(expression));
}

namespace Pppk.Workflow.Engine.Tests.Feel;

public class FeelInFilterPathCases
{
    public static TheoryData<string, string> InBetweenRange => FeelCaseTable.Parse("""
        5 in [1..10] ==> true
        10 in [1..10] ==> true
        10 in [1..10) ==> false
        10 in [1..10[ ==> false
        1 in (1..10] ==> false
        1 in ]1..10] ==> false
        0 in [1..10] ==> false
        5 in (1..10) ==> true
        5 in < 10 ==> true
        10 in < 10 ==> false
        10 in <= 10 ==> true
        11 in > 10 ==> true
        10 in > 10 ==> false
        10 in >= 10 ==> true
        3 in (< 5, > 10) ==> true
        7 in (< 5, > 10) ==> false
        12 in (< 5, > 10) ==> true
        5 in (>= 1) ==> true
        5 in (= 5) ==> true
        5 in (!= 5) ==> false
        2 in [1, 2, 3] ==> true
        4 in [1, 2, 3] ==> false
        "Baik" in ["Sangat Baik", "Baik"] ==> true
        predicate in ["Cukup", "Kurang"] ==> false
        2 in (1, 2, 3) ==> true
        5 in (1, 2, 3) ==> false
        5 in 5 ==> true
        5 in 6 ==> false
        null in [1, null] ==> true
        null in [1, 2] ==> false
        null in < 5 ==> null
        "a" in < 5 ==> null
        5 in ([1..3], [4..6]) ==> true
        5 in [[1..3], [4..6]] ==> true
        [1, 2] in [[1, 2], [3]] ==> true
        date("2025-06-15") in [date("2025-01-01")..date("2025-12-31")] ==> true
        date("2026-01-01") in [date("2025-01-01")..date("2025-12-31")] ==> false
        score in [80..100] ==> true
        score in (> 80, < 50) ==> true
        score in xs ==> false
        3 in xs ==> true
        5 in (? > 3) ==> true
        2 in (? > 3) ==> false
        5 in (? > 3, ? < 0) ==> true
        5 in [1..10] = true ==> true
        5 between 1 and 10 ==> true
        1 between 1 and 10 ==> true
        10 between 1 and 10 ==> true
        0 between 1 and 10 ==> false
        11 between 1 and 10 ==> false
        5 between 10 and 1 ==> false
        null between 1 and 10 ==> null
        5 between null and 10 ==> null
        5 between 6 and null ==> false
        "b" between "a" and "c" ==> true
        date("2025-06-01") between date("2025-01-01") and date("2025-12-31") ==> true
        score between 80 and 90 and fiscalOk ==> true
        score between 80 + 1 and 90 - 1 ==> true
        "a" between 1 and 2 ==> null
        [1..10] ==> [1..10]
        (1..10) ==> (1..10)
        ]1..10[ ==> (1..10)
        [1..10) ==> [1..10)
        (1..10] ==> (1..10]
        < 5 ==> < 5
        <= 5 ==> <= 5
        > 5 ==> > 5
        >= 3 ==> >= 3
        [1.."a"] ==> null
        [1..null] ==> null
        [1..10].start ==> 1
        [1..10].end ==> 10
        [1..10].end included ==> true
        (1..10].start included ==> false
        [date("2025-01-01")..date("2025-12-31")] ==> [date("2025-01-01")..date("2025-12-31")]
        [score - 5..score + 5] ==> [80..90]
        includes([1..10], 5) ==> true
        during(11, [1..10]) ==> false
        before(1, 10) ==> true
        before([1..5], [5..10]) ==> false
        before([1..5), [5..10]) ==> true
        after(10, [1..5]) ==> true
        """);

    public static TheoryData<string, string> FiltersAndPaths => FeelCaseTable.Parse("""
        xs[1] ==> 1
        xs[5] ==> 5
        xs[-1] ==> 5
        xs[-5] ==> 1
        xs[0] ==> null
        xs[6] ==> null
        xs[-6] ==> null
        xs[item > 3] ==> [4, 5]
        xs[item > 10] ==> []
        xs[item = 3] ==> [3]
        xs[odd(item)] ==> [1, 3, 5]
        xs[nothing] ==> []
        [1, 2, 3][2] ==> 2
        [1, 2, 3][item != 2] ==> [1, 3]
        employees[1].name ==> "Ani"
        employees[-1].name ==> "Citra"
        employees[score > 80] ==> [{name: "Ani", score: 90, unit: "Dinas Kesehatan"}, {name: "Citra", score: 82, unit: "BKD"}]
        employees[unit = "BKD"].name ==> ["Budi", "Citra"]
        employees[item.score < 80].name ==> ["Budi"]
        employees[name = "Budi"].score[1] ==> 70
        employees.name ==> ["Ani", "Budi", "Citra"]
        employees.score ==> [90, 70, 82]
        count(employees[score >= 80]) ==> 2
        xs[item > 2][1] ==> 3
        5[1] ==> 5
        5[item > 3] ==> [5]
        null[1] ==> null
        {a: 1}[a = 1] ==> [{a: 1}]
        person.name ==> "Dewi"
        person.address.city ==> "Makassar"
        person.missing ==> null
        person.address.missing.deeper ==> null
        nothing.a ==> null
        unknownVariable.a ==> null
        {a: 1}.a ==> 1
        {a: {b: 2}}.a.b ==> 2
        [{a: 1}, {a: 2}].a ==> [1, 2]
        [{a: 1}, {b: 2}].a ==> [1, null]
        {a: 1, b: 2}.b ==> 2
        {"a b": 1}.a b ==> 1
        date("2025-03-15").year ==> 2025
        date("2025-03-15").month ==> 3
        date("2025-03-15").day ==> 15
        date("2025-03-15").weekday ==> 6
        date("2025-03-17").weekday ==> 1
        date and time("2025-03-15T10:20:30+08:00").hour ==> 10
        date and time("2025-03-15T10:20:30+08:00").minute ==> 20
        date and time("2025-03-15T10:20:30+08:00").second ==> 30
        date and time("2025-03-15T10:20:30+08:00").year ==> 2025
        date and time("2025-03-15T10:20:30+08:00").time offset ==> duration("PT8H")
        date and time("2025-03-15T10:20:30@Asia/Makassar").timezone ==> "Asia/Makassar"
        date and time("2025-03-15T10:20:30").time offset ==> null
        time("10:20:30").hour ==> 10
        time("10:20:30-05:00").time offset ==> duration("-PT5H")
        duration("P2DT3H4M5S").days ==> 2
        duration("P2DT3H4M5S").hours ==> 3
        duration("P2DT3H4M5S").minutes ==> 4
        duration("P2DT3H4M5S").seconds ==> 5
        duration("P1Y2M").years ==> 1
        duration("P1Y2M").months ==> 2
        date("2025-03-15").hour ==> null
        """);

    [Theory]
    [MemberData(nameof(InBetweenRange))]
    public void In_between_and_ranges(string expression, string expected) => Assert.Equal(expected, FeelTestHost.Render(expression));

    [Theory]
    [MemberData(nameof(FiltersAndPaths))]
    public void Filters_and_paths(string expression, string expected) => Assert.Equal(expected, FeelTestHost.Render(expression));
}

namespace Pppk.Workflow.Engine.Tests.Feel;

public class FeelLogicAndComparisonCases
{
    public static TheoryData<string, string> Comparisons => FeelCaseTable.Parse("""
        1 < 2 ==> true
        2 < 1 ==> false
        2 <= 2 ==> true
        3 > 2 ==> true
        1 >= 2 ==> false
        1 = 1 ==> true
        1 = 1.0 ==> true
        1 = 2 ==> false
        1 != 2 ==> true
        1 != 1 ==> false
        -1 < 0 ==> true
        "a" < "b" ==> true
        "B" < "a" ==> true
        "abc" = "abc" ==> true
        "abc" = "ABC" ==> false
        "abc" != "abd" ==> true
        true = true ==> true
        true = false ==> false
        false != true ==> true
        true < false ==> null
        null = null ==> true
        null != null ==> false
        1 = null ==> false
        null = 1 ==> false
        1 != null ==> true
        "a" = null ==> false
        1 < null ==> null
        null < null ==> null
        null >= 1 ==> null
        1 = "1" ==> null
        "1" = 1 ==> null
        1 != "1" ==> null
        1 = true ==> null
        true > 1 ==> null
        "a" < 1 ==> null
        [1, 2] = [1, 2] ==> true
        [1, 2] = [2, 1] ==> false
        [1] = [1, 2] ==> false
        [] = [] ==> true
        [1] < [2] ==> null
        {a: 1} = {a: 1} ==> true
        {a: 1} = {a: 2} ==> false
        {a: 1, b: 2} = {b: 2, a: 1} ==> true
        {a: 1} = {b: 1} ==> false
        {a: 1} < {a: 2} ==> null
        date("2025-01-01") < date("2025-01-02") ==> true
        date("2025-01-01") = date("2025-01-01") ==> true
        date("2025-01-01") = "2025-01-01" ==> null
        date("2025-01-01") < date and time("2025-01-01T00:00:00") ==> null
        date and time("2025-01-01T10:00:00+08:00") = date and time("2025-01-01T02:00:00Z") ==> true
        date and time("2025-01-01T10:00:00+08:00") < date and time("2025-01-01T03:00:00Z") ==> true
        date and time("2025-01-01T10:00:00@Asia/Makassar") = date and time("2025-01-01T02:00:00Z") ==> true
        date and time("2025-01-01T10:00:00@Asia/Jakarta") > date and time("2025-01-01T10:00:00@Asia/Makassar") ==> true
        date and time("2025-01-01T10:00:00") < date and time("2025-01-01T11:00:00") ==> true
        date and time("2025-01-01T10:00:00") < date and time("2025-01-01T11:00:00Z") ==> null
        time("10:00:00") < time("11:00:00") ==> true
        time("10:00:00+08:00") = time("02:00:00Z") ==> true
        time("10:30:00") = time("10:30:00.5") ==> true
        time("10:30:00") < time("10:30:00.5") ==> false
        time("10:30:00") < time("10:30:01") ==> true
        date and time("2025-01-01T10:00:00.1") = date and time("2025-01-01T10:00:00") ==> true
        date and time("2025-01-01T10:00:00.1") > date and time("2025-01-01T10:00:00") ==> false
        count(distinct values([time("10:30:00"), time("10:30:00.5"), time("10:30:01")])) ==> 2
        duration("P1D") > duration("PT23H") ==> true
        duration("P1D") = duration("PT24H") ==> true
        duration("P1Y") > duration("P11M") ==> true
        duration("P1Y") = duration("P12M") ==> true
        duration("P1D") < duration("P1M") ==> null
        score >= 85 ==> true
        score > 85 ==> false
        predicate = "Baik" ==> true
        predicate != "Sangat Baik" ==> true
        nothing = null ==> true
        unknownVariable = null ==> true
        nothing < 1 ==> null
        fiscalOk = true ==> true
        """);

    public static TheoryData<string, string> Logic => FeelCaseTable.Parse("""
        true and true ==> true
        true and false ==> false
        true and null ==> null
        false and true ==> false
        false and false ==> false
        false and null ==> false
        null and true ==> null
        null and false ==> false
        null and null ==> null
        true or true ==> true
        true or false ==> true
        true or null ==> true
        false or true ==> true
        false or false ==> false
        false or null ==> null
        null or true ==> true
        null or false ==> null
        null or null ==> null
        not(true) ==> false
        not(false) ==> true
        not(null) ==> null
        not(1) ==> null
        not("true") ==> null
        1 and true ==> null
        "a" or false ==> null
        1 or true ==> true
        false and 1 ==> false
        0 and true ==> null
        true and true and false ==> false
        false or false or true ==> true
        true or null and false ==> true
        false and null or true ==> true
        (false or null) and false ==> false
        fiscalOk and notOk ==> false
        fiscalOk and nothing ==> null
        notOk or nothing ==> null
        fiscalOk or nothing ==> true
        notOk and unknownVariable ==> false
        score > 80 and predicate = "Baik" ==> true
        score > 90 or predicate = "Baik" ==> true
        not(score > 80) ==> false
        not(notOk) ==> true
        not(fiscalOk and notOk) ==> true
        is defined(score) ==> true
        is defined(nothing) ==> true
        is defined(unknownVariable) ==> false
        is defined(person.name) ==> true
        is defined(person.missing) ==> false
        is defined(1) ==> true
        """);

    public static TheoryData<string, string> ControlFlow => FeelCaseTable.Parse("""
        if true then 1 else 2 ==> 1
        if false then 1 else 2 ==> 2
        if null then 1 else 2 ==> 2
        if 1 then 1 else 2 ==> 2
        if "yes" then 1 else 2 ==> 2
        if score > 80 then "tinggi" else "rendah" ==> "tinggi"
        if score > 90 then "A" else if score > 80 then "B" else "C" ==> "B"
        if nothing = null then "kosong" else "ada" ==> "kosong"
        if fiscalOk then null else 1 ==> null
        1 + (if true then 1 else 2) ==> 2
        if true then [1, 2] else [] ==> [1, 2]
        if unknownVariable > 1 then "a" else "b" ==> "b"
        for x in [1, 2, 3] return x * x ==> [1, 4, 9]
        for x in [] return x ==> []
        for i in 1..3 return i ==> [1, 2, 3]
        for i in 3..1 return i ==> [3, 2, 1]
        for i in 1..1 return i ==> [1]
        for i in 0..-2 return i ==> [0, -1, -2]
        for i in [1..3] return i ==> [1, 2, 3]
        for i in (1..4) return i ==> [2, 3]
        for x in [1, 2], y in [10, 20] return x + y ==> [11, 21, 12, 22]
        for e in employees return e.name ==> ["Ani", "Budi", "Citra"]
        for x in xs return if x > 3 then x else null ==> [null, null, null, 4, 5]
        for x in null return x ==> null
        for x in [1, 2] return for y in [3] return x * y ==> [[3], [6]]
        for i in 1..3 return i * score ==> [85, 170, 255]
        for x in xs return x ==> [1, 2, 3, 4, 5]
        for i in 1.5..3 return i ==> null
        sum(for x in xs return x) ==> 15
        some x in [1, 2, 3] satisfies x > 2 ==> true
        some x in [1, 2, 3] satisfies x > 5 ==> false
        some x in [] satisfies x > 0 ==> false
        every x in [] satisfies x > 0 ==> true
        every x in [1, 2, 3] satisfies x > 0 ==> true
        every x in [1, 2, 3] satisfies x > 1 ==> false
        some x in [1, null] satisfies x > 0 ==> true
        some x in [null] satisfies x > 0 ==> null
        every x in [1, null] satisfies x > 0 ==> null
        every x in [0, null] satisfies x > 0 ==> false
        some e in employees satisfies e.score < 75 ==> true
        every e in employees satisfies e.score >= 70 ==> true
        every e in employees satisfies e.unit = "BKD" ==> false
        some x in [1, 2], y in [2, 3] satisfies x = y ==> true
        every x in [1, 2], y in [3, 4] satisfies x < y ==> true
        some x in null satisfies x ==> null
        some i in 1..5 satisfies i * i = 16 ==> true
        """);

    [Theory]
    [MemberData(nameof(Comparisons))]
    public void Comparison(string expression, string expected) => Assert.Equal(expected, FeelTestHost.Render(expression));

    [Theory]
    [MemberData(nameof(Logic))]
    public void Three_valued_logic(string expression, string expected) => Assert.Equal(expected, FeelTestHost.Render(expression));

    [Theory]
    [MemberData(nameof(ControlFlow))]
    public void If_for_some_every(string expression, string expected) => Assert.Equal(expected, FeelTestHost.Render(expression));
}

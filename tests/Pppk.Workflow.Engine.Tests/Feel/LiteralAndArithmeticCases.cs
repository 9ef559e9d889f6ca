namespace Pppk.Workflow.Engine.Tests.Feel;

public class FeelLiteralAndArithmeticCases
{
    public static TheoryData<string, string> Literals => FeelCaseTable.Parse("""
        1 ==> 1
        0 ==> 0
        -1 ==> -1
        1.5 ==> 1.5
        .5 ==> 0.5
        1.50 ==> 1.5
        007 ==> 7
        123456789012345678901234567 ==> 123456789012345678901234567
        "abc" ==> "abc"
        "" ==> ""
        "a\"b" ==> "a\"b"
        "line\nbreak" ==> "line\nbreak"
        "\u0041" ==> "A"
        "tab\there" ==> "tab\there"
        true ==> true
        false ==> false
        null ==> null
        [] ==> []
        [1, 2, 3] ==> [1, 2, 3]
        [1, "a", true, null] ==> [1, "a", true, null]
        [[1, 2], [3]] ==> [[1, 2], [3]]
        {} ==> {}
        {a: 1} ==> {a: 1}
        {a: 1, b: "x"} ==> {a: 1, b: "x"}
        {"first name": "Ani"} ==> {first name: "Ani"}
        {first name: "Ani"} ==> {first name: "Ani"}
        {a: 1, b: a + 1} ==> {a: 1, b: 2}
        {a: {b: {c: 3}}} ==> {a: {b: {c: 3}}}
        {a: [1, 2]}.a ==> [1, 2]
        @"2025-01-01" ==> date("2025-01-01")
        @"2024-02-29" ==> date("2024-02-29")
        @"10:30:00" ==> time("10:30:00")
        @"10:30:00Z" ==> time("10:30:00Z")
        @"10:30:00+08:00" ==> time("10:30:00+08:00")
        @"2025-01-01T10:30:00" ==> date and time("2025-01-01T10:30:00")
        @"2025-01-01T10:30:00+08:00" ==> date and time("2025-01-01T10:30:00+08:00")
        @"2026-01-05T08:00:00@Asia/Makassar" ==> date and time("2026-01-05T08:00:00@Asia/Makassar")
        @"2025-01-01T10:30:00.5Z" ==> date and time("2025-01-01T10:30:00.5Z")
        @"P1D" ==> duration("P1D")
        @"PT36H" ==> duration("P1DT12H")
        @"P1Y2M" ==> duration("P1Y2M")
        @"P14M" ==> duration("P1Y2M")
        @"-P2D" ==> duration("-P2D")
        @"PT0S" ==> duration("PT0S")
        @"PT1.5S" ==> duration("PT1.5S")
        1 /* inline */ + 2 ==> 3
        `contract end` ==> "2026-03-31"
        """);

    public static TheoryData<string, string> Arithmetic => FeelCaseTable.Parse("""
        1 + 2 ==> 3
        1 + 2 * 3 ==> 7
        (1 + 2) * 3 ==> 9
        10 - 4 - 3 ==> 3
        10 / 4 ==> 2.5
        1 / 3 * 3 ==> 0.9999999999999999999999999999
        7 / 0 ==> null
        0 / 0 ==> null
        2 ** 10 ==> 1024
        2 ** -1 ==> 0.5
        4 ** 0.5 ==> 2
        10 ** 0 ==> 1
        -5 ==> -5
        - -5 ==> 5
        -(2 + 3) ==> -5
        0.1 + 0.2 ==> 0.3
        1.1 * 3 ==> 3.3
        1 + null ==> null
        null + 1 ==> null
        null * 2 ==> null
        -null ==> null
        -"a" ==> null
        "a" + "b" ==> "ab"
        "a" + 1 ==> null
        1 + "a" ==> null
        "" + "" ==> ""
        true + 1 ==> null
        [1] + [2] ==> null
        score + 15 ==> 100
        score * half ==> 42.5
        big * 10 ==> 123456789
        score / 0 ==> null
        nothing + 1 ==> null
        unknownVariable + 1 ==> null
        70000000000000000000000000000 * 10 ==> null
        -70000000000000000000000000000 - 70000000000000000000000000000 ==> null
        5 - 7 ==> -2
        3 * -2 ==> -6
        1.000 + 1 ==> 2
        12 / 3 / 2 ==> 2
        2 * 3 ** 2 ==> 18
        duration("P1D") + duration("PT12H") ==> duration("P1DT12H")
        duration("P1D") - duration("PT12H") ==> duration("PT12H")
        duration("P1Y") + duration("P6M") ==> duration("P1Y6M")
        duration("P1Y") - duration("P18M") ==> duration("-P6M")
        duration("P1D") + duration("P1M") ==> null
        duration("PT1H") * 2 ==> duration("PT2H")
        2 * duration("PT1H") ==> duration("PT2H")
        duration("P1Y") * 2 ==> duration("P2Y")
        duration("P1D") / 2 ==> duration("PT12H")
        duration("P1Y") / 12 ==> duration("P1M")
        duration("P1D") / duration("PT1H") ==> 24
        duration("P1Y") / duration("P1M") ==> 12
        duration("P1D") / 0 ==> null
        -duration("P1D") ==> duration("-P1D")
        -duration("P1Y2M") ==> duration("-P1Y2M")
        duration("PT1H") + 1 ==> null
        """);

    [Theory]
    [MemberData(nameof(Literals))]
    public void Literal(string expression, string expected) => Assert.Equal(expected, FeelTestHost.Render(expression));

    [Theory]
    [MemberData(nameof(Arithmetic))]
    public void Arithmetic_(string expression, string expected) => Assert.Equal(expected, FeelTestHost.Render(expression));
}

namespace Pppk.Workflow.Engine.Tests.Feel.Tck;

/// <summary>Semantics the DMN TCK's level-3 FEEL folders expect (each line from a TCK case), in the strict BPMN parse.</summary>
public class TckSemanticsCases
{
    public static TheoryData<string, string> Cases => FeelCaseTable.Parse("""
        # 0075, 0100: unary minus before **, ** left-associative
        -3 ** 2 ==> 9
        3 ** 4 ** 5 ==> 3486784401
        2 * 3 ** 2 ==> 18
        # 0072, 1156: ranges that are no range
        [3..1] ==> null
        5 in [null..10] ==> null
        5 in (null..10] ==> null
        5 in [1..10] ==> true
        true in [false, 2, 3] ==> false
        (=10) = [10..10] ==> false
        (!=10) = (!=10) ==> true
        (=10).end included ==> true
        10 in (=10) ==> true
        range(">= 10") ==> null
        range("[3..1]") ==> null
        range("[date(string(\"1970-01-01\"))..date(\"1970-01-02\")]") ==> null
        range("[date(\"1970-01-01\")..@\"1970-01-02\"]") ==> [date("1970-01-01")..date("1970-01-02")]
        range("(..10]") ==> null
        # 0084: for loops
        for i in 0..4 return if i = 0 then 1 else i * partial[-1] ==> [1, 1, 2, 6, 24]
        for i in @"1980-01-03"..@"1980-01-01" return i ==> [date("1980-01-03"), date("1980-01-02"), date("1980-01-01")]
        for i in ["a".."z"] return i ==> null
        for i in [2..1] return i ==> null
        # 1103, 1155: positions are truncated; singletons are lists
        substring("foobar", 3, 3.8) ==> "oba"
        list replace([1, 2, 3], 2.5, 4) ==> [1, 4, 3]
        list replace([1, 2, 3], -1.5, 4) ==> [1, 2, 4]
        list replace(1, 1, 5) ==> [5]
        list replace(match: function(item, newItem) item = 2, newItem: 4, list: [1, 2, 3]) ==> [1, 4, 3]
        list replace([2, 4], function(item) item = 2, 5) ==> null
        list replace([2, 4], function(item, newItem) item, 5) ==> null
        # 1140: string join takes one, two or four arguments
        string join("a", "X") ==> "a"
        # 1111, 1109, 0067: XPath regular expressions
        matches("Mary\u000DJones", "Mary.Jones") ==> false
        matches("Mary\u000DJones", "Mary.Jones", "s") ==> true
        matches("hello world", "hello\ sworld", "x") ==> true
        matches("hello world", "hello[ ]world", "x") ==> true
        matches("abcd", "(asd)[\1]") ==> null
        split("John Doe", "\s") ==> ["John", "Doe"]
        replace("0123456789", "(\d{3})(\d{3})(\d{4})", "($1) $2-$3") ==> "(012) 345-6789"
        # 1146: a path through an entry that is not a context
        context put({x: 1, y: {a: 0}}, ["y", "a", "b"], 2) ==> null
        context put({x: 1, y: {a: 0}}, ["y", "b"], 2) ==> {x: 1, y: {a: 0, b: 2}}
        # 1144: a scale finer than a decimal holds
        round half down(5.5, 6176) ==> 5.5
        # 0100, 0068, 1116, 0103, 1120: temporal values
        @"2021-01-01T24:00:00" + @"PT1S" ==> date and time("2021-01-02T00:00:01")
        @"2021-01-02T10:10:10+01:00" - @"2021-01-01" ==> duration("P1DT9H10M10S")
        @"2021-01-01T00:00:00" - @"2021-01-02" ==> null
        time("10:30:00.0001") = time("10:30:00.0002") ==> true
        time("10:30:00") < time("10:30:01") ==> true
        string(time(11, 59, 45, duration("PT2H45M55S"))) ==> "11:59:45+02:45:55"
        @"23:00:50@Etc/GMT" instance of time ==> true
        duration("PT0.S") ==> duration("PT0S")
        """);

    [Theory]
    [MemberData(nameof(Cases))]
    public void As_the_TCK_expects(string expression, string expected) => Assert.Equal(expected, FeelTestHost.Render(expression));
}

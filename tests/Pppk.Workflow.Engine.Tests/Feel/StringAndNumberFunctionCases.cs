namespace Pppk.Workflow.Engine.Tests.Feel;

public class FeelStringAndNumberFunctionCases
{
    public static TheoryData<string, string> Strings => FeelCaseTable.Parse("""
        substring("foobar", 3) ==> "obar"
        substring("foobar", 3, 3) ==> "oba"
        substring("foobar", -2, 1) ==> "a"
        substring("foobar", -2) ==> "ar"
        substring("foobar", 1) ==> "foobar"
        substring("foobar", 7) ==> ""
        substring("foobar", 2, 100) ==> "oobar"
        substring("\U01F40Eab", 2) ==> "ab"
        substring(null, 1) ==> null
        substring("abc", "1") ==> null
        substring(string: "foobar", start position: 3) ==> "obar"
        substring(start position: 2, string: "foobar", length: 2) ==> "oo"
        string length("foo") ==> 3
        string length("\U01F40Eab") ==> 3
        string length("") ==> 0
        string length(1) ==> null
        string length(name) ==> 11
        upper case("aBc4") ==> "ABC4"
        lower case("aBc4") ==> "abc4"
        upper case(null) ==> null
        lower case(predicate) ==> "baik"
        substring before("foobar", "bar") ==> "foo"
        substring before("foobar", "xyz") ==> ""
        substring after("foobar", "ob") ==> "ar"
        substring after("", "a") ==> ""
        substring after(name, " ") ==> "Aminah"
        contains("foobar", "of") ==> false
        contains("foobar", "oba") ==> true
        contains(name, "Siti") ==> true
        contains(1, "1") ==> null
        starts with("foobar", "fo") ==> true
        starts with("foobar", "ba") ==> false
        ends with("foobar", "r") ==> true
        ends with("foobar", "R") ==> false
        matches("foobar", "^fo*b") ==> true
        matches("foobar", "^FO", "i") ==> true
        matches("foobar", "^x") ==> false
        matches("abc", "[") ==> null
        matches("NIP 1990", "\\d{4}") ==> true
        replace("abcd", "(ab)|(a)", "[1=$1][2=$2]") ==> "[1=ab][2=]cd"
        replace("a.b.c", ".", "-", "q") ==> "a-b-c"
        replace("Abc", "b", "X", "i") ==> "AXc"
        replace("aaa", "a", "b") ==> "bbb"
        replace("banana", "an", "AN") ==> "bANANa"
        replace("abc", "[", "x") ==> null
        split("John Doe", "\\s") ==> ["John", "Doe"]
        split("a;b;c;;", ";") ==> ["a", "b", "c", "", ""]
        split("a1b22c", "\\d+") ==> ["a", "b", "c"]
        split(1, ",") ==> null
        string join(["a", "b", "c"], "_and_") ==> "a_and_b_and_c"
        string join(["a", "b", "c"], "") ==> "abc"
        string join(["a", "b", "c"]) ==> "abc"
        string join(["a"], "X") ==> "a"
        string join(["a", null, "c"], ",") ==> "a,c"
        string join([], "x") ==> ""
        string join(["a", "b"], ", ", "[", "]") ==> "[a, b]"
        string join([1, 2], ",") ==> null
        string join(employees.name, ", ") ==> "Ani, Budi, Citra"
        string(1.1) ==> "1.1"
        string(123) ==> "123"
        string(-0.5) ==> "-0.5"
        string(1.50) ==> "1.5"
        string(true) ==> "true"
        string(null) ==> null
        string("x") ==> "x"
        string(date("2025-01-01")) ==> "2025-01-01"
        string(time("08:00:00+08:00")) ==> "08:00:00+08:00"
        string(date and time("2025-01-01T08:00:00@Asia/Makassar")) ==> "2025-01-01T08:00:00@Asia/Makassar"
        string(duration("P1D")) ==> "P1D"
        string(duration("P1Y2M")) ==> "P1Y2M"
        string([1, 2]) ==> "[1, 2]"
        string({a: "x"}) ==> "{a: \"x\"}"
        "Nama: " + name ==> "Nama: Siti Aminah"
        "Skor " + string(score) ==> "Skor 85"
        """);

    public static TheoryData<string, string> Numbers => FeelCaseTable.Parse("""
        decimal(1/3, 2) ==> 0.33
        decimal(1.5, 0) ==> 2
        decimal(2.5, 0) ==> 2
        decimal(1.035, 2) ==> 1.04
        decimal(1.045, 2) ==> 1.04
        decimal(123, -1) ==> 120
        decimal("1", 0) ==> null
        floor(1.5) ==> 1
        floor(-1.5) ==> -2
        floor(-1.56, 1) ==> -1.6
        floor(1234, -2) ==> 1200
        floor(5) ==> 5
        ceiling(1.5) ==> 2
        ceiling(-1.5) ==> -1
        ceiling(-1.56, 1) ==> -1.5
        ceiling(1.01) ==> 2
        round up(5.5, 0) ==> 6
        round up(-5.5, 0) ==> -6
        round up(1.121, 2) ==> 1.13
        round up(-1.126, 2) ==> -1.13
        round down(5.5, 0) ==> 5
        round down(-5.5, 0) ==> -5
        round down(1.121, 2) ==> 1.12
        round down(-1.126, 2) ==> -1.12
        round half up(5.5, 0) ==> 6
        round half up(-5.5, 0) ==> -6
        round half up(1.121, 2) ==> 1.12
        round half up(-1.126, 2) ==> -1.13
        round half down(5.5, 0) ==> 5
        round half down(-5.5, 0) ==> -5
        round half down(1.121, 2) ==> 1.12
        round half down(-1.126, 2) ==> -1.13
        round half down(5.51, 0) ==> 6
        abs(10) ==> 10
        abs(-10) ==> 10
        abs(-0.5) ==> 0.5
        abs(duration("-P1D")) ==> duration("P1D")
        abs(duration("-P1Y")) ==> duration("P1Y")
        abs("x") ==> null
        modulo(12, 5) ==> 2
        modulo(-12, 5) ==> 3
        modulo(12, -5) ==> -3
        modulo(-12, -5) ==> -2
        modulo(10.1, 4.5) ==> 1.1
        modulo(-10.1, 4.5) ==> 3.4
        modulo(10.1, -4.5) ==> -3.4
        modulo(-10.1, -4.5) ==> -1.1
        modulo(5, 0) ==> null
        sqrt(16) ==> 4
        sqrt(0) ==> 0
        sqrt(-3) ==> null
        decimal(sqrt(2), 10) ==> 1.4142135624
        decimal(log(10), 5) ==> 2.30259
        log(0) ==> null
        log(-1) ==> null
        decimal(exp(5), 3) ==> 148.413
        exp(0) ==> 1
        odd(5) ==> true
        odd(2) ==> false
        odd(-3) ==> true
        odd(1.5) ==> null
        even(2) ==> true
        even(5) ==> false
        even(-4) ==> true
        even(0) ==> true
        even("2") ==> null
        number("1 000,0", " ", ",") ==> 1000
        number("1,000.00", ",", ".") ==> 1000
        number("1.000,5", ".", ",") ==> 1000.5
        number("1 500 000", " ", null) ==> 1500000
        number("12") ==> 12
        number("-1.5") ==> -1.5
        number("abc") ==> null
        number("1,5", ",", ",") ==> null
        number("1,5", ";", ",") ==> null
        number(12) ==> null
        number(from: "7") ==> 7
        """);

    [Theory]
    [MemberData(nameof(Strings))]
    public void String_functions(string expression, string expected) => Assert.Equal(expected, FeelTestHost.Render(expression));

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Number_functions(string expression, string expected) => Assert.Equal(expected, FeelTestHost.Render(expression));
}

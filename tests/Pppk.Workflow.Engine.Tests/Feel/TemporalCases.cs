namespace Pppk.Workflow.Engine.Tests.Feel;

/// <summary>Temporal conversion, arithmetic and functions. The fixed clock is Monday 2026-01-05 10:00 WITA.</summary>
public class FeelTemporalCases
{
    public static TheoryData<string, string> Conversion => FeelCaseTable.Parse("""
        date("2025-01-01") ==> date("2025-01-01")
        date("2025-13-01") ==> null
        date("2025-02-29") ==> null
        date("2024-02-29") ==> date("2024-02-29")
        date("2025-1-1") ==> null
        date(2025, 1, 31) ==> date("2025-01-31")
        date(2025, 2, 30) ==> null
        date(2024, 2, 29) ==> date("2024-02-29")
        date(date and time("2025-03-04T10:00:00+08:00")) ==> date("2025-03-04")
        date("x") ==> null
        date(null) ==> null
        date(20250101) ==> null
        date(contractEnd) ==> date("2026-03-31")
        date(contract end) ==> date("2026-03-31")
        time("10:30:00") ==> time("10:30:00")
        time("25:00:00") ==> null
        time("10:60:00") ==> null
        time("10:30") ==> time("10:30:00")
        time(10, 30, 0) ==> time("10:30:00")
        time(10, 30, 0, duration("PT8H")) ==> time("10:30:00+08:00")
        time(10, 30, 15.5) ==> time("10:30:15.5")
        time(date and time("2025-01-01T10:30:00+08:00")) ==> time("10:30:00+08:00")
        time("10:30:00@Asia/Makassar") ==> time("10:30:00@Asia/Makassar")
        time("10:30:00-03:30") ==> time("10:30:00-03:30")
        date and time("2025-01-01T10:30:00") ==> date and time("2025-01-01T10:30:00")
        date and time("2025-01-01T10:30:00+08:00") ==> date and time("2025-01-01T10:30:00+08:00")
        date and time("2025-01-01T10:30:00Z") ==> date and time("2025-01-01T10:30:00Z")
        date and time("2025-01-01T10:30:00.123Z") ==> date and time("2025-01-01T10:30:00.123Z")
        date and time(date("2025-01-01"), time("10:30:00+08:00")) ==> date and time("2025-01-01T10:30:00+08:00")
        date and time(date("2025-01-01"), time("10:30:00@Asia/Jayapura")) ==> date and time("2025-01-01T10:30:00@Asia/Jayapura")
        date and time("2025-01-01") ==> date and time("2025-01-01T00:00:00")
        date and time("2025-01-01T24:00:00") ==> date and time("2025-01-02T00:00:00")
        date and time("2025-01-01T10:00:00@Mars/Base") ==> null
        date and time("2025-02-30T10:00:00") ==> null
        date and time(date: date("2025-01-01"), time: time("08:00:00")) ==> date and time("2025-01-01T08:00:00")
        duration("P1D") ==> duration("P1D")
        duration("PT90M") ==> duration("PT1H30M")
        duration("P2DT3H") ==> duration("P2DT3H")
        duration("-PT5M") ==> duration("-PT5M")
        duration("P1Y1D") ==> null
        duration("x") ==> null
        duration("P") ==> null
        duration("PT") ==> null
        duration(1) ==> null
        duration("P18M") ==> duration("P1Y6M")
        duration("P0D") ==> duration("PT0S")
        years and months duration(date("2011-12-22"), date("2013-08-24")) ==> duration("P1Y8M")
        years and months duration(date("2025-01-31"), date("2025-02-28")) ==> duration("P0M")
        years and months duration(date("2025-01-31"), date("2025-03-31")) ==> duration("P2M")
        years and months duration(date("2026-03-31"), date("2025-01-01")) ==> duration("-P1Y2M")
        years and months duration(date("2025-01-01"), date("2025-01-01")) ==> duration("P0M")
        years and months duration(date("2020-05-10"), date and time("2025-05-10T00:00:00")) ==> duration("P5Y")
        years and months duration("2020-01-01", date("2025-01-01")) ==> null
        """);

    public static TheoryData<string, string> Arithmetic => FeelCaseTable.Parse("""
        date("2025-01-31") + duration("P1M") ==> date("2025-02-28")
        date("2024-01-31") + duration("P1M") ==> date("2024-02-29")
        date("2024-02-29") + duration("P1Y") ==> date("2025-02-28")
        date("2025-03-31") - duration("P1M") ==> date("2025-02-28")
        date("2025-05-31") + duration("P1M") ==> date("2025-06-30")
        date("2025-08-31") - duration("P6M") ==> date("2025-02-28")
        date("2025-01-01") - duration("P1Y") ==> date("2024-01-01")
        date("2025-11-15") + duration("P3M") ==> date("2026-02-15")
        date("2025-01-01") + duration("P1D") ==> date("2025-01-02")
        date("2025-12-31") + duration("P1D") ==> date("2026-01-01")
        date("2024-02-28") + duration("P1D") ==> date("2024-02-29")
        date("2025-02-28") + duration("P1D") ==> date("2025-03-01")
        date("2025-01-01") + duration("PT36H") ==> date("2025-01-02")
        date("2025-01-01") - duration("P1D") ==> date("2024-12-31")
        date("2025-01-01") + duration("P365D") ==> date("2026-01-01")
        date("2024-01-01") + duration("P365D") ==> date("2024-12-31")
        duration("P1D") + date("2025-01-01") ==> date("2025-01-02")
        date("2025-03-01") - date("2025-02-01") ==> duration("P28D")
        date("2024-03-01") - date("2024-02-01") ==> duration("P29D")
        date("2025-01-01") - date("2025-01-02") ==> duration("-P1D")
        date("2026-01-01") - date("2025-01-01") ==> duration("P365D")
        date("2025-01-01") + 1 ==> null
        date("2025-01-01") + date("2025-01-01") ==> null
        date("2025-01-01") * 2 ==> null
        date and time("2025-01-01T10:00:00+08:00") - date and time("2025-01-01T08:00:00+08:00") ==> duration("PT2H")
        date and time("2025-01-01T10:00:00+08:00") - date and time("2025-01-01T01:00:00Z") ==> duration("PT1H")
        date and time("2025-01-01T10:00:00") - date and time("2025-01-01T10:00:00Z") ==> null
        date and time("2025-01-02T00:00:00") - date and time("2025-01-01T12:00:00") ==> duration("PT12H")
        date and time("2025-01-31T10:00:00+08:00") + duration("P1M") ==> date and time("2025-02-28T10:00:00+08:00")
        date and time("2025-01-01T23:00:00@Asia/Makassar") + duration("PT2H") ==> date and time("2025-01-02T01:00:00@Asia/Makassar")
        date and time("2025-12-31T23:59:59Z") + duration("PT1S") ==> date and time("2026-01-01T00:00:00Z")
        date and time("2025-03-08T12:00:00@America/New_York") + duration("P1D") ==> date and time("2025-03-09T13:00:00@America/New_York")
        date and time("2025-02-09T12:00:00@America/New_York") + duration("P1M") ==> date and time("2025-03-09T12:00:00@America/New_York")
        date and time("2025-07-01T10:00:00@Asia/Makassar").time offset ==> duration("PT8H")
        date and time("2025-01-01T10:00:00@Asia/Jakarta").time offset ==> duration("PT7H")
        date and time("2025-01-01T10:00:00@Asia/Jayapura").time offset ==> duration("PT9H")
        date and time("2025-01-01T10:00:00+08:00") - duration("P1D") ==> date and time("2024-12-31T10:00:00+08:00")
        time("23:00:00") + duration("PT2H") ==> time("01:00:00")
        time("10:00:00") - time("08:30:00") ==> duration("PT1H30M")
        time("10:00:00") - duration("PT30M") ==> time("09:30:00")
        time("10:00:00+08:00") - time("01:00:00Z") ==> duration("PT1H")
        now() ==> date and time("2026-01-05T10:00:00@Asia/Makassar")
        today() ==> date("2026-01-05")
        today() + duration("P30D") ==> date("2026-02-04")
        now() < date and time("2026-01-05T10:00:01+08:00") ==> true
        now() - date and time("2026-01-05T00:00:00+08:00") ==> duration("PT10H")
        today() < date(contractEnd) - duration("P30D") ==> true
        date(contractEnd) - today() ==> duration("P85D")
        (date(contractEnd) - today()).days ==> 85
        """);

    public static TheoryData<string, string> Functions => FeelCaseTable.Parse("""
        day of week(date("2025-01-01")) ==> "Wednesday"
        day of week(date("2026-01-05")) ==> "Monday"
        day of week(date and time("2025-08-17T10:00:00")) ==> "Sunday"
        day of week(today()) ==> "Monday"
        day of week("2025-01-01") ==> null
        day of year(date("2025-12-31")) ==> 365
        day of year(date("2024-12-31")) ==> 366
        day of year(date("2025-02-01")) ==> 32
        day of year(date("2025-01-01")) ==> 1
        week of year(date("2019-09-17")) ==> 38
        week of year(date("2003-12-29")) ==> 1
        week of year(date("2004-01-04")) ==> 1
        week of year(date("2005-01-01")) ==> 53
        week of year(date("2005-01-03")) ==> 1
        week of year(date("2026-01-05")) ==> 2
        month of year(date("2025-08-17")) ==> "August"
        month of year(date("2025-01-01")) ==> "January"
        month of year(date and time("2025-12-01T00:00:00Z")) ==> "December"
        last day of month(date("2024-02-10")) ==> date("2024-02-29")
        last day of month(date("2025-02-10")) ==> date("2025-02-28")
        last day of month(date("2025-12-01")) ==> date("2025-12-31")
        last day of month(date("2025-04-30")) ==> date("2025-04-30")
        """);

    [Theory]
    [MemberData(nameof(Conversion))]
    public void Temporal_conversion(string expression, string expected) => Assert.Equal(expected, FeelTestHost.Render(expression));

    [Theory]
    [MemberData(nameof(Arithmetic))]
    public void Temporal_arithmetic(string expression, string expected) => Assert.Equal(expected, FeelTestHost.Render(expression));

    [Theory]
    [MemberData(nameof(Functions))]
    public void Temporal_functions(string expression, string expected) => Assert.Equal(expected, FeelTestHost.Render(expression));
}

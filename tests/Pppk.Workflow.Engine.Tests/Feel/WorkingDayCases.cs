namespace Pppk.Workflow.Engine.Tests.Feel;

/// <summary>Working days over workflows/calendars/id-national.json (libur nasional and cuti bersama 2025-2026, 2027 provisional).</summary>
public class FeelWorkingDayCases
{
    public static TheoryData<string, string> Cases => FeelCaseTable.Parse("""
        # Thu 27 Mar 2025: Fri 28 cuti Nyepi, weekend, 31 Mar-1 Apr Idul Fitri, 2-4 and 7 Apr cuti bersama.
        add working days(date("2025-03-27"), 3) ==> date("2025-04-10")
        add working days(date("2025-03-27"), 1) ==> date("2025-04-08")
        add working days(date("2025-04-10"), -3) ==> date("2025-03-27")
        add working days(date("2025-04-08"), -1) ==> date("2025-03-27")
        add working days(date("2026-01-05"), 0) ==> date("2026-01-05")
        add working days(date("2026-01-03"), 0) ==> date("2026-01-03")
        add working days(date("2026-01-02"), 1) ==> date("2026-01-05")
        add working days(date("2026-01-03"), 1) ==> date("2026-01-05")
        add working days(date("2025-12-24"), 1) ==> date("2025-12-29")
        add working days(date("2025-12-31"), 1) ==> date("2026-01-02")
        add working days(date("2026-03-17"), 1) ==> date("2026-03-25")
        add working days(date("2026-03-17"), 5) ==> date("2026-03-31")
        add working days(date("2025-08-15"), 1) ==> date("2025-08-19")
        add working days(date("2026-01-05"), 10) ==> date("2026-01-20")
        add working days(date("2026-01-05"), -1) ==> date("2026-01-02")
        add working days(date("2026-01-05"), -2) ==> date("2025-12-31")
        add working days(date("2025-01-24"), 1) ==> date("2025-01-30")
        add working days(date("2025-05-28"), 1) ==> date("2025-06-02")
        add working days(date("2025-06-05"), 1) ==> date("2025-06-10")
        add working days(date("2026-05-13"), 1) ==> date("2026-05-18")
        add working days(date("2026-05-26"), 1) ==> date("2026-05-29")
        add working days(date("2026-12-23"), 1) ==> date("2026-12-28")
        add working days(date and time("2025-03-27T09:00:00@Asia/Makassar"), 3) ==> date and time("2025-04-10T09:00:00@Asia/Makassar")
        add working days(date and time("2026-01-02T16:30:00+08:00"), 1) ==> date and time("2026-01-05T16:30:00+08:00")
        add working days(today(), 5) ==> date("2026-01-12")
        add working days(from: date("2025-03-27"), n: 3) ==> date("2025-04-10")
        add working days("2025-01-01", 1) ==> null
        add working days(date("2025-01-01"), 1.5) ==> null
        add working days(null, 1) ==> null
        add working days(date("2025-01-01"), null) ==> null
        working days between(date("2025-03-27"), date("2025-04-10")) ==> 3
        working days between(date("2025-04-10"), date("2025-03-27")) ==> -3
        working days between(date("2026-01-05"), date("2026-01-05")) ==> 0
        working days between(date("2026-01-02"), date("2026-01-05")) ==> 1
        working days between(date("2026-01-03"), date("2026-01-04")) ==> 0
        working days between(date("2026-01-05"), date("2026-01-20")) ==> 10
        working days between(date("2025-12-31"), date("2026-01-31")) ==> 20
        working days between(date("2025-01-01"), date("2025-12-31")) ==> 237
        working days between(date("2026-03-17"), date("2026-03-31")) ==> 5
        working days between(date and time("2025-03-27T23:00:00+08:00"), date("2025-04-10")) ==> 3
        working days between(today(), date(contractEnd)) ==> 53
        working days between(1, 2) ==> null
        is working day(date("2025-03-28")) ==> false
        is working day(date("2025-03-27")) ==> true
        is working day(date("2026-01-03")) ==> false
        is working day(date("2025-08-18")) ==> false
        is working day(date("2026-12-24")) ==> false
        is working day(date("2027-01-04")) ==> true
        # 24 Dec 2026 cuti bersama, 25 Christmas, weekend, 28-31 Dec count, 1 Jan 2027 New Year, weekend: the 5th is Mon 4 Jan.
        add working days(date("2026-12-24"), 5) ==> date("2027-01-04")
        add working days(date("2026-12-31"), 1) ==> date("2027-01-04")
        # Mon 8 Mar 2027: 9 Nyepi, 10-11 Idulfitri 1448 (provisional).
        add working days(date("2027-03-08"), 1) ==> date("2027-03-12")
        working days between(date("2026-12-23"), date("2027-01-04")) ==> 5
        is working day(date("2027-01-01")) ==> false
        is working day(date("2027-05-06")) ==> false
        is working day(date("2027-12-31")) ==> true
        add working days(date("2025-03-27"), 3) - date("2025-03-27") ==> duration("P14D")
        add working days(date("2025-03-27"), 3) > date("2025-04-01") ==> true
        """);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Working_days(string expression, string expected) => Assert.Equal(expected, FeelTestHost.Render(expression));
}

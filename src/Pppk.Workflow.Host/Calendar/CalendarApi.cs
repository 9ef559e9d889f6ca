using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Engine.Feel;
using Pppk.Workflow.Runtime.Calendar;

namespace Pppk.Workflow.Host.Calendar;

/// <summary>
/// <c>/api/calendar</c>: the holiday calendar the working-day functions use (hr-admin only). National holidays and cuti
/// bersama per year, regional ones per region, each with its legal source; a year is confirmed (its SKB) or provisional.
/// Every change is audited (the holiday tables, owned by the runtime) and takes effect for the running engine at once (other nodes within
/// Runtime:CalendarRefresh).
/// </summary>
public static class CalendarApi
{
    /// <summary>The dashboard warns this many days before the data ends.</summary>
    public const int WarnDays = 90;

    /// <summary>The audit list shows the newest this many changes.</summary>
    public const int ChangesShown = 200;

    public sealed record HolidayBody(string? Date, string? Name, string? Kind, string? Region, string? RegionName, string? Source);

    public sealed record YearBody(bool? Provisional, string? Source);

    public sealed record ImportBody(string? Csv, bool? Provisional, string? Source, bool? DryRun);

    public sealed record HolidayView(long Id, string Date, string Name, string Kind, string? Region, string? RegionName, string? Source);

    public sealed record YearView(int Year, bool Provisional, string? Source, int Holidays, DateTimeOffset UpdatedAt, string? UpdatedBy);

    public sealed record Coverage(string? LastDay, int? LastYear, bool LastYearProvisional, int? DaysLeft, bool Warn, IReadOnlyList<int> ProvisionalYears);

    public sealed record ChangeView(long Id, DateTimeOffset At, string? User, string Action, int Year, JsonNode? Details);

    /// <summary>One year's holidays, and whether the year is in the calendar (covered) and confirmed.</summary>
    public sealed record YearHolidays(int Year, bool Covered, bool Provisional, string? Source, DateTimeOffset? UpdatedAt, string? UpdatedBy,
        IReadOnlyList<HolidayView> Holidays);

    public static void MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calendar").RequireAuthorization(Roles.HrAdmin);

        group.MapGet("/years", async (HolidayEditor editor, CancellationToken ct) =>
            Results.Ok((await editor.YearsAsync(ct)).Select(y => new YearView(y.Year.Year, y.Year.Provisional, y.Year.Source, y.Holidays, y.Year.UpdatedAt, y.Year.UpdatedBy)).ToList()))
            .Produces<List<YearView>>();

        // What the dashboard's warning reads: the last day with data and how far away it is (WITA).
        group.MapGet("/coverage", (FeelEnvironment feel) =>
        {
            var calendar = feel.Calendar;
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(feel.Clock.GetUtcNow(), feel.TimeZone).DateTime);
            var last = calendar.Years.Count == 0 ? null : calendar.Years[^1];
            int? daysLeft = calendar.LastDay is { } end ? end.DayNumber - today.DayNumber : null;
            return Results.Ok(new Coverage(calendar.LastDay?.ToString("yyyy-MM-dd"), last?.Year, last?.Provisional ?? false, daysLeft,
                daysLeft is null or <= WarnDays, calendar.Years.Where(y => y.Provisional).Select(y => y.Year).ToList()));
        }).Produces<Coverage>();

        group.MapGet("/holidays", async (int? year, string? region, HolidayEditor editor, CancellationToken ct) =>
        {
            if (year is not { } y || y is < HolidayLimits.FirstYear or > HolidayLimits.LastYear)
                return Refused(new HolidayEditor.Refusal("year", CalendarTexts.YearOutOfRange.Format(year?.ToString() ?? "-", HolidayLimits.FirstYear, HolidayLimits.LastYear)));
            var query = editor.OfYear(y).AsNoTracking();
            if (!string.IsNullOrEmpty(region)) query = query.Where(h => h.Region == region || h.Region == "");
            var holidays = await query.OrderBy(h => h.Date).ThenBy(h => h.Region).Take(HolidayLimits.ImportMaxRows * 2).ToListAsync(ct);
            var record = await editor.YearAsync(y, ct);
            return Results.Ok(new YearHolidays(y, record is not null, record?.Provisional ?? false, record?.Source, record?.UpdatedAt, record?.UpdatedBy,
                holidays.Select(View).ToList()));
        }).Produces<YearHolidays>();

        group.MapPost("/holidays", async (HolidayBody? body, HolidayEditor editor, HttpContext http, CancellationToken ct) =>
        {
            var (holiday, refusal) = await editor.AddAsync(Input(body), http.User.Identity?.Name, ct);
            return holiday is null ? Refused(refusal!) : Results.Created($"/api/calendar/holidays/{holiday.Id}", View(holiday));
        }).Produces<HolidayView>(StatusCodes.Status201Created);

        group.MapPut("/holidays/{id:long}", async (long id, HolidayBody? body, HolidayEditor editor, HttpContext http, CancellationToken ct) =>
        {
            var (holiday, refusal) = await editor.UpdateAsync(id, Input(body), http.User.Identity?.Name, ct);
            return holiday is null ? Refused(refusal!) : Results.Ok(View(holiday));
        }).Produces<HolidayView>();

        group.MapDelete("/holidays/{id:long}", async (long id, HolidayEditor editor, HttpContext http, CancellationToken ct) =>
            await editor.DeleteAsync(id, http.User.Identity?.Name, ct) is { } refusal ? Refused(refusal) : Results.NoContent())
            .Produces(StatusCodes.Status204NoContent);

        group.MapPut("/years/{year:int}", async (int year, YearBody? body, HolidayEditor editor, HttpContext http, CancellationToken ct) =>
        {
            var (record, refusal) = await editor.SetYearAsync(year, body?.Provisional ?? true, body?.Source, http.User.Identity?.Name, ct);
            return record is null ? Refused(refusal!) : Results.Ok(new YearView(record.Year, record.Provisional, record.Source, 0, record.UpdatedAt, record.UpdatedBy));
        }).Produces<YearView>();

        // The whole year from a CSV; with dryRun only what would change. Bad rows refuse the file, each with its line.
        group.MapPost("/years/{year:int}/import", async (int year, ImportBody? body, HolidayEditor editor, HttpContext http, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(body?.Csv)) return Refused(new HolidayEditor.Refusal("csv", CalendarTexts.Empty.Format()));
            var (plan, refusal) = await editor.ImportAsync(year, body.Csv, body.Provisional ?? true, body.Source, body.DryRun ?? false, http.User.Identity?.Name, ct);
            if (plan is null) return Refused(refusal!);
            if (plan.Errors.Count == 0) return Results.Ok(plan);
            var language = http.Request.Language();
            var first = plan.Errors[0];
            return Results.Problem(
                title: CalendarTexts.AtLine.Format(first.Line, first.Problem).In(language),
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?>
                {
                    ["code"] = "holiday-import-rows",
                    ["errors"] = plan.Errors.Select(e => new { line = e.Line, field = e.Field, code = e.Problem.Code, message = e.Problem.In(language) }).ToList(),
                });
        }).Produces<HolidayEditor.ImportPlan>();

        group.MapGet("/years/{year:int}/export", async (int year, HolidayEditor editor, CancellationToken ct) =>
        {
            if (year is < HolidayLimits.FirstYear or > HolidayLimits.LastYear)
                return Refused(new HolidayEditor.Refusal("year", CalendarTexts.YearOutOfRange.Format(year, HolidayLimits.FirstYear, HolidayLimits.LastYear)));
            var holidays = await editor.OfYear(year).AsNoTracking().ToListAsync(ct);
            return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(HolidayCsv.Write(holidays))).ToArray(),
                "text/csv; charset=utf-8", $"kalender-libur-{year}.csv");
        }).Produces(StatusCodes.Status200OK, typeof(Stream), "text/csv");

        // The audit: who changed what, newest first.
        group.MapGet("/changes", async (int? year, HolidayEditor editor, CancellationToken ct) =>
            Results.Ok((await editor.ChangesAsync(year, ChangesShown, ct))
                .Select(c => new ChangeView(c.Id, c.At, c.User, c.Action, c.Year, c.Details is null ? null : JsonNode.Parse(c.Details))).ToList()))
            .Produces<List<ChangeView>>();
    }

    private static HolidayInput Input(HolidayBody? b) => new(b?.Date, b?.Name, b?.Kind, b?.Region, b?.RegionName, b?.Source);

    private static HolidayView View(HolidayRecord h) =>
        new(h.Id, h.Date.ToString("yyyy-MM-dd"), h.Name, h.Kind, h.Region.Length == 0 ? null : h.Region, h.RegionName, h.Source);

    private static IResult Refused(HolidayEditor.Refusal refusal) =>
        new LocalizedProblem(refusal.Problem, refusal.Status, LocalizedProblem.Extras(refusal.Field, null));
}

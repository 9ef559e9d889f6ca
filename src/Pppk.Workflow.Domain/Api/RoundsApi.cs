using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Domain.Imports;
using Pppk.Workflow.Domain.Selection;
using Pppk.Workflow.Runtime.Api;

namespace Pppk.Workflow.Domain.Api;

/// <summary>
/// Selection rounds with their national timeline: staff read
/// (<c>GET /api/rounds</c>, <c>GET /api/rounds/{year}/{wave}</c>); hr-admin writes (<c>PUT</c> creates or replaces,
/// <c>DELETE</c> removes a round no formation refers to). The same rows as the <c>rounds</c> import.
/// Passing thresholds are the <c>ambang-batas-seleksi</c> decision table's; a body with <c>thresholds</c> is a 400 saying so.
/// </summary>
public static class RoundsApi
{
    public sealed record RoundDto(int Year, int Wave, string Name, DateOnly? RegistrationStart, DateOnly? RegistrationEnd, DateOnly? AdminResultDate,
        DateOnly? AppealStart, DateOnly? AppealEnd, DateOnly? AppealAnswerBy, DateOnly? CatStart, DateOnly? CatEnd, DateOnly? AnnouncementStart,
        DateOnly? AnnouncementEnd,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Thresholds = null);

    public static void MapRoundsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/rounds");
        group.MapGet("/", async (PppkDbContext db, CancellationToken ct) =>
            Results.Ok((await db.Rounds.AsNoTracking().OrderBy(r => r.Year).ThenBy(r => r.Wave).ToListAsync(ct)).Select(Dto))).RequireStaff()
            .Produces<IEnumerable<RoundDto>>();
        group.MapGet("/{year:int}/{wave:int}", async (int year, int wave, PppkDbContext db, CancellationToken ct) =>
            await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Year == year && r.Wave == wave, ct) is { } round
                ? Results.Ok(Dto(round)) : DomainAccess.NotFound($"No round {year} wave {wave}.")).RequireStaff()
            .Produces<RoundDto>();

        group.MapPut("/{year:int}/{wave:int}", async (int year, int wave, RoundDto body, HttpRequest request, PppkDbContext db, CancellationToken ct) =>
        {
            var check = new FieldProblems(request);
            check.Int("year", year, 2000, 2100);
            check.Int("wave", wave, 1, 9);
            CheckOrder(check, ("registrationStart", body.RegistrationStart), ("registrationEnd", body.RegistrationEnd), ("adminResultDate", body.AdminResultDate),
                ("appealStart", body.AppealStart), ("appealEnd", body.AppealEnd), ("appealAnswerBy", body.AppealAnswerBy));
            CheckOrder(check, ("catStart", body.CatStart), ("catEnd", body.CatEnd));
            CheckOrder(check, ("announcementStart", body.AnnouncementStart), ("announcementEnd", body.AnnouncementEnd));
            // Thresholds moved to the ambang-batas-seleksi decision table: a body still sending them is told where, not silently ignored.
            if (body.Thresholds is not null) check.Add("thresholds", ImportTexts.ThresholdsMoved.Format());
            if (check.Result is { } problem) return problem;

            var round = await db.Rounds.SingleOrDefaultAsync(r => r.Year == year && r.Wave == wave, ct);
            var created = round is null;
            round ??= db.Rounds.Add(new SelectionRound { Year = year, Wave = wave, Name = "" }).Entity;
            round.Name = string.IsNullOrWhiteSpace(body.Name) ? $"Seleksi PPPK {year} tahap {wave}" : body.Name.Trim();
            (round.RegistrationStart, round.RegistrationEnd, round.AdminResultDate) = (body.RegistrationStart, body.RegistrationEnd, body.AdminResultDate);
            (round.AppealStart, round.AppealEnd, round.AppealAnswerBy) = (body.AppealStart, body.AppealEnd, body.AppealAnswerBy);
            (round.CatStart, round.CatEnd, round.AnnouncementStart, round.AnnouncementEnd) = (body.CatStart, body.CatEnd, body.AnnouncementStart, body.AnnouncementEnd);
            await db.SaveChangesAsync(ct);
            return created ? Results.Created($"/api/rounds/{year}/{wave}", Dto(round)) : Results.Ok(Dto(round));
        }).RequireAuthorization(Roles.HrAdmin).Produces<RoundDto>().Produces<RoundDto>(StatusCodes.Status201Created);

        group.MapDelete("/{year:int}/{wave:int}", async (int year, int wave, PppkDbContext db, CancellationToken ct) =>
        {
            var round = await db.Rounds.SingleOrDefaultAsync(r => r.Year == year && r.Wave == wave, ct);
            if (round is null) return DomainAccess.NotFound($"No round {year} wave {wave}.");
            var formations = await db.Formations.CountAsync(f => f.RoundId == round.Id, ct);
            if (formations > 0)
                return Results.Problem(title: $"Round {year} wave {wave} has {formations} formation(s); it can't be deleted.", statusCode: StatusCodes.Status409Conflict,
                    extensions: new Dictionary<string, object?> { ["code"] = "round-in-use" });
            db.Rounds.Remove(round);
            await db.SaveChangesAsync(ct);
            return Results.NoContent();
        }).RequireAuthorization(Roles.HrAdmin).Produces(StatusCodes.Status204NoContent);
    }

    private static void CheckOrder(FieldProblems check, params (string Field, DateOnly? Date)[] dates)
    {
        for (var i = 1; i < dates.Length; i++)
        {
            if (dates[i].Date is not { } later) continue;
            var earlier = dates[..i].LastOrDefault(d => d.Date is not null);
            if (earlier.Date is { } e && later < e)
                check.Add(dates[i].Field, ImportTexts.DateOrder.Format(dates[i].Field, later.ToString("yyyy-MM-dd"), earlier.Field, e.ToString("yyyy-MM-dd")));
        }
    }

    private static RoundDto Dto(SelectionRound r) => new(r.Year, r.Wave, r.Name, r.RegistrationStart, r.RegistrationEnd, r.AdminResultDate, r.AppealStart, r.AppealEnd,
        r.AppealAnswerBy, r.CatStart, r.CatEnd, r.AnnouncementStart, r.AnnouncementEnd);
}

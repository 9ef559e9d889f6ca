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
/// Selection rounds with their national timeline and passing thresholds per position type: staff read
/// (<c>GET /api/rounds</c>, <c>GET /api/rounds/{year}/{wave}</c>); hr-admin writes (<c>PUT</c> creates or replaces,
/// <c>DELETE</c> removes a round no formation refers to). The same rows as the <c>rounds</c> and <c>thresholds</c> imports.
/// </summary>
public static class RoundsApi
{
    /// <summary>A position type's thresholds; <c>enabled: false</c> (or the type left out) means rank only.</summary>
    public sealed record ThresholdDto(string PositionType, bool Enabled, int? MinTechnical, int? MinManagerialSocioCultural, int? MinInterview);

    public sealed record RoundDto(int Year, int Wave, string Name, DateOnly? RegistrationStart, DateOnly? RegistrationEnd, DateOnly? AdminResultDate,
        DateOnly? AppealStart, DateOnly? AppealEnd, DateOnly? AppealAnswerBy, DateOnly? CatStart, DateOnly? CatEnd, DateOnly? AnnouncementStart,
        DateOnly? AnnouncementEnd, IReadOnlyList<ThresholdDto>? Thresholds);

    public static void MapRoundsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/rounds");
        group.MapGet("/", async (PppkDbContext db, CancellationToken ct) =>
            Results.Ok((await db.Rounds.AsNoTracking().Include(r => r.Thresholds).OrderBy(r => r.Year).ThenBy(r => r.Wave).ToListAsync(ct)).Select(Dto))).RequireStaff();
        group.MapGet("/{year:int}/{wave:int}", async (int year, int wave, PppkDbContext db, CancellationToken ct) =>
            await db.Rounds.AsNoTracking().Include(r => r.Thresholds).SingleOrDefaultAsync(r => r.Year == year && r.Wave == wave, ct) is { } round
                ? Results.Ok(Dto(round)) : DomainAccess.NotFound($"No round {year} wave {wave}.")).RequireStaff();

        group.MapPut("/{year:int}/{wave:int}", async (int year, int wave, RoundDto body, HttpRequest request, PppkDbContext db, CancellationToken ct) =>
        {
            var check = new FieldProblems(request);
            check.Int("year", year, 2000, 2100);
            check.Int("wave", wave, 1, 9);
            CheckOrder(check, ("registrationStart", body.RegistrationStart), ("registrationEnd", body.RegistrationEnd), ("adminResultDate", body.AdminResultDate),
                ("appealStart", body.AppealStart), ("appealEnd", body.AppealEnd), ("appealAnswerBy", body.AppealAnswerBy));
            CheckOrder(check, ("catStart", body.CatStart), ("catEnd", body.CatEnd));
            CheckOrder(check, ("announcementStart", body.AnnouncementStart), ("announcementEnd", body.AnnouncementEnd));
            var thresholds = new List<RoundThreshold>();
            foreach (var (t, i) in (body.Thresholds ?? []).Select((t, i) => (t, i)))
            {
                var field = $"thresholds[{i}]";
                if (!Enum.TryParse<PositionType>(t.PositionType, ignoreCase: true, out var type) || !Enum.IsDefined(type))
                {
                    check.Add($"{field}.positionType", ImportTexts.NotAllowed.Format(t.PositionType ?? "", "guru, nakes, teknis"));
                    continue;
                }
                if (thresholds.Any(x => x.PositionType == type)) check.Add($"{field}.positionType", ImportTexts.Duplicate.Format("positionType", t.PositionType, i));
                check.Int($"{field}.minTechnical", t.MinTechnical, 0, 450, required: false);
                check.Int($"{field}.minManagerialSocioCultural", t.MinManagerialSocioCultural, 0, 180, required: false);
                check.Int($"{field}.minInterview", t.MinInterview, 0, 40, required: false);
                if (t.Enabled && t.MinTechnical is null && t.MinManagerialSocioCultural is null && t.MinInterview is null)
                    check.Add($"{field}.enabled", ImportTexts.ThresholdMissing.Format());
                thresholds.Add(new RoundThreshold { PositionType = type, Enabled = t.Enabled, MinTechnical = t.MinTechnical, MinManagerialSocioCultural = t.MinManagerialSocioCultural, MinInterview = t.MinInterview });
            }
            if (check.Result is { } problem) return problem;

            var round = await db.Rounds.Include(r => r.Thresholds).SingleOrDefaultAsync(r => r.Year == year && r.Wave == wave, ct);
            var created = round is null;
            round ??= db.Rounds.Add(new SelectionRound { Year = year, Wave = wave, Name = "" }).Entity;
            round.Name = string.IsNullOrWhiteSpace(body.Name) ? $"Seleksi PPPK {year} tahap {wave}" : body.Name.Trim();
            (round.RegistrationStart, round.RegistrationEnd, round.AdminResultDate) = (body.RegistrationStart, body.RegistrationEnd, body.AdminResultDate);
            (round.AppealStart, round.AppealEnd, round.AppealAnswerBy) = (body.AppealStart, body.AppealEnd, body.AppealAnswerBy);
            (round.CatStart, round.CatEnd, round.AnnouncementStart, round.AnnouncementEnd) = (body.CatStart, body.CatEnd, body.AnnouncementStart, body.AnnouncementEnd);
            // Thresholds left out of the body are kept (null) or replaced by what it lists.
            if (body.Thresholds is not null)
            {
                foreach (var t in thresholds)
                {
                    var existing = round.Thresholds.FirstOrDefault(x => x.PositionType == t.PositionType);
                    if (existing is null) round.Thresholds.Add(t);
                    else (existing.Enabled, existing.MinTechnical, existing.MinManagerialSocioCultural, existing.MinInterview) = (t.Enabled, t.MinTechnical, t.MinManagerialSocioCultural, t.MinInterview);
                }
                round.Thresholds.RemoveAll(x => thresholds.All(t => t.PositionType != x.PositionType) && db.Remove(x) is not null);
            }
            await db.SaveChangesAsync(ct);
            return created ? Results.Created($"/api/rounds/{year}/{wave}", Dto(round)) : Results.Ok(Dto(round));
        }).RequireAuthorization(Roles.HrAdmin);

        group.MapDelete("/{year:int}/{wave:int}", async (int year, int wave, PppkDbContext db, CancellationToken ct) =>
        {
            var round = await db.Rounds.SingleOrDefaultAsync(r => r.Year == year && r.Wave == wave, ct);
            if (round is null) return DomainAccess.NotFound($"No round {year} wave {wave}.");
            var formations = await db.Formations.CountAsync(f => f.RoundId == round.Id, ct);
            if (formations > 0)
                return Results.Problem(title: $"Round {year} wave {wave} has {formations} formation(s); it can't be deleted.", statusCode: StatusCodes.Status409Conflict,
                    extensions: new Dictionary<string, object?> { ["code"] = "round-in-use" });
            await db.Thresholds.Where(t => t.RoundId == round.Id).ExecuteDeleteAsync(ct);
            db.Rounds.Remove(round);
            await db.SaveChangesAsync(ct);
            return Results.NoContent();
        }).RequireAuthorization(Roles.HrAdmin);
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
        r.AppealAnswerBy, r.CatStart, r.CatEnd, r.AnnouncementStart, r.AnnouncementEnd,
        [.. r.Thresholds.OrderBy(t => t.PositionType).Select(t => new ThresholdDto(t.PositionType.ToString().ToLowerInvariant(), t.Enabled, t.MinTechnical, t.MinManagerialSocioCultural, t.MinInterview))]);
}

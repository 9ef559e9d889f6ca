using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Domain.Selection;
using Pppk.Workflow.Runtime.Api;
using Pppk.Workflow.Runtime.Database;

namespace Pppk.Workflow.Domain.Api;

/// <summary>Formations with their quota and applicants, and the ranking per formation (staff read).</summary>
public static class FormationsApi
{
    public sealed record FormationDto(string Code, string Position, string UnitCode, string UnitName, string Type, int Quota, int Year, int Wave,
        int ApplicantCount, IReadOnlyDictionary<string, int> StatusCounts, RankingStatusDto? Ranking = null);

    /// <summary>
    /// Whether the formation's ranking can be final (<see cref="RankingReadiness"/>): <see cref="WaitingFor"/> counts the
    /// applicants it waits for by reason (verification, appeal-window, appeal-pending, scores); <see cref="Waiting"/> lists
    /// them (one formation only). <see cref="Stale"/>: ranked, but the eligible set or a score changed since (a re-ranking is due).
    /// </summary>
    public sealed record RankingStatusDto(bool Ranked, bool Complete, bool Stale, IReadOnlyDictionary<string, int> WaitingFor, IReadOnlyList<WaitingApplicantDto>? Waiting);

    public sealed record WaitingApplicantDto(string RegistrationNumber, string Name, string WaitingFor, DateTimeOffset? AppealWindowEndsAt);

    public sealed record ScoresDto(int Technical, int ManagerialSocioCultural, int Interview, int Total);

    public sealed record FormationApplicantDto(string RegistrationNumber, string Name, int PriorityCategory, string Status, string? AdminVerdict,
        ScoresDto? Scores, int? Rank, bool? Passed);

    public sealed record RankingEntryDto(int Rank, string RegistrationNumber, string Name, int PriorityCategory, ScoresDto Scores, DateOnly BirthDate,
        bool Passed, string? Reason);

    /// <summary><see cref="Final"/>: from the ranking step; otherwise provisional (the rule applied to the scores so far).</summary>
    public sealed record RankingDto(string FormationCode, int Quota, bool Final, int Scored, int Unscored, IReadOnlyList<RankingEntryDto> Items);

    public static void MapFormationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/formations").RequireStaff();

        group.MapGet("/", async (int? page, int? pageSize, string? unitCode, string? type, string? search, DomainScope scope, PppkDbContext db, CancellationToken ct) =>
        {
            if (!Paging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
            if (!TryType(type, out var positionType)) return TypeUnknown(type!);
            var (items, total) = await ListAsync(scope, db, unitCode, positionType, search, paging.Skip, paging.PageSize, ct);
            return Results.Ok(new PagedList<FormationDto>(items, total, paging.Page, paging.PageSize));
        }).Produces<PagedList<FormationDto>>();

        group.MapGet("/{code}", async (string code, DomainScope scope, PppkDbContext db, CancellationToken ct) =>
        {
            var formation = await scope.Formations(db.Formations.AsNoTracking()).FirstOrDefaultAsync(f => f.Code == code, ct);
            return formation is null ? NoFormation(code) : Results.Ok((await ToDtosAsync(db, [formation], listWaiting: true, ct))[0]);
        }).Produces<FormationDto>();

        group.MapGet("/{code}/applicants", async (string code, int? page, int? pageSize, string? status, DomainScope scope, PppkDbContext db, CancellationToken ct) =>
        {
            if (!Paging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
            if (!await scope.Formations(db.Formations).AnyAsync(f => f.Code == code, ct)) return NoFormation(code);
            var query = db.Applicants.AsNoTracking().Where(a => a.FormationCode == code);
            if (!string.IsNullOrWhiteSpace(status)) query = query.Where(a => a.Status == status);
            var rows = from a in query
                       join s in db.Scores on a.Id equals s.ApplicantId into sj
                       from s in sj.DefaultIfEmpty()
                       join r in db.Rankings on a.Id equals r.ApplicantId into rj
                       from r in rj.DefaultIfEmpty()
                       orderby r == null ? int.MaxValue : r.Rank, a.RegistrationNumber
                       select new FormationApplicantDto(a.RegistrationNumber, a.Name, a.PriorityCategory, a.Status, a.AdminVerdict,
                           s == null ? null : new ScoresDto(s.Technical, s.ManagerialSocioCultural, s.Interview, s.Technical + s.ManagerialSocioCultural + s.Interview),
                           r == null ? null : r.Rank, r == null ? null : r.Passed);
            var total = await query.CountAsync(ct);
            var items = await rows.Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
            return Results.Ok(new PagedList<FormationApplicantDto>(items, total, paging.Page, paging.PageSize));
        }).Produces<PagedList<FormationApplicantDto>>();

        group.MapGet("/{code}/ranking", async (string code, DomainScope scope, PppkDbContext db, CancellationToken ct) =>
            await RankingAsync(scope, db, code, ct) is { } ranking ? Results.Ok(ranking) : NoFormation(code))
            .Produces<RankingDto>();
    }

    /// <summary>A position type from the query (null when none is given); false when it names none.</summary>
    internal static bool TryType(string? type, out PositionType? positionType)
    {
        positionType = null;
        if (string.IsNullOrWhiteSpace(type)) return true;
        if (!Enum.TryParse<PositionType>(type, ignoreCase: true, out var parsed)) return false;
        positionType = parsed;
        return true;
    }

    internal static IResult TypeUnknown(string type) => DomainAccess.BadRequest($"Unknown type '{type}'; use guru, nakes or teknis.");

    /// <summary>A page of the formations in <paramref name="scope"/>, by code, and how many there are (the list and its export).</summary>
    internal static async Task<(List<FormationDto> Items, int Total)> ListAsync(DomainScope scope, PppkDbContext db, string? unitCode, PositionType? type,
        string? search, int skip, int take, CancellationToken ct)
    {
        var query = scope.Formations(db.Formations.AsNoTracking());
        if (!string.IsNullOrWhiteSpace(unitCode)) query = query.Where(f => f.UnitCode == unitCode);
        if (type is { } positionType) query = query.Where(f => f.Type == positionType);
        if (!string.IsNullOrWhiteSpace(search))
            {
            var containing = LikePattern.Containing(search.Trim());
            query = query.Where(f => EF.Functions.ILike(f.Position, containing) || EF.Functions.ILike(f.Code, containing));
        }
        var total = await query.CountAsync(ct);
        var formations = await query.OrderBy(f => f.Code).Skip(skip).Take(take).ToListAsync(ct);
        return (await ToDtosAsync(db, formations, listWaiting: false, ct), total);
    }

    /// <summary>The formation's ranking, final or provisional (the screen and its export); null when the formation is not in <paramref name="scope"/>.</summary>
    internal static async Task<RankingDto?> RankingAsync(DomainScope scope, PppkDbContext db, string code, CancellationToken ct)
    {
        var formation = await scope.Formations(db.Formations.AsNoTracking()).FirstOrDefaultAsync(f => f.Code == code, ct);
        if (formation is null) return null;
        var rows = await (from a in db.Applicants.AsNoTracking().Where(a => a.FormationCode == code)
                          join s in db.Scores on a.Id equals s.ApplicantId into sj
                          from s in sj.DefaultIfEmpty()
                          join r in db.Rankings on a.Id equals r.ApplicantId into rj
                          from r in rj.DefaultIfEmpty()
                          select new { a, s, r }).ToListAsync(ct);
        var scored = rows.Where(x => x.s is not null).ToList();
        var unscored = rows.Count - scored.Count;
        static ScoresDto Scores(CatScore s) => new(s.Technical, s.ManagerialSocioCultural, s.Interview, s.Technical + s.ManagerialSocioCultural + s.Interview);

        if (rows.Any(x => x.r is not null))
        {
            var final = rows.Where(x => x.r is not null && x.s is not null).OrderBy(x => x.r!.Rank)
                .Select(x => new RankingEntryDto(x.r!.Rank, x.a.RegistrationNumber, x.a.Name, x.a.PriorityCategory, Scores(x.s!), x.a.BirthDate, x.r.Passed, x.r.Reason))
                .ToList();
            return new RankingDto(code, formation.Quota, true, scored.Count, unscored, final);
        }

        // Provisional: the ranking handler's order (FormationRanking) on the scores so far; the thresholds table is applied when the formation is ranked.
        var candidates = scored.Where(x => x.a.Status != "tms").ToDictionary(x => x.a.Id);
        var items = FormationRanking.Rank(candidates.Values.Select(x => new RankingCandidate(x.a.Id, x.a.RegistrationNumber, x.a.PriorityCategory, x.a.BirthDate,
                x.s!.Technical, x.s.ManagerialSocioCultural, x.s.Interview)), formation.Quota, belowThreshold: null)
            .Select(r => candidates[r.Candidate.ApplicantId] is var x
                ? new RankingEntryDto(r.Rank, x.a.RegistrationNumber, x.a.Name, x.a.PriorityCategory, Scores(x.s!), x.a.BirthDate, r.Passed, r.Passed ? null : r.Reason)
                : null!)
            .ToList();
        return new RankingDto(code, formation.Quota, false, scored.Count, unscored, items);
    }

    private static async Task<List<FormationDto>> ToDtosAsync(PppkDbContext db, List<Formation> formations, bool listWaiting, CancellationToken ct)
    {
        var facts = await RankingFacts.LoadAsync(db, formations.Select(f => f.Code).ToList(), ct);
        var codes = formations.Select(f => f.Code).ToList();
        var roundIds = formations.Select(f => f.RoundId).Distinct().ToList();
        var rounds = await db.Rounds.AsNoTracking().Where(r => roundIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var counts = await db.Applicants.AsNoTracking().Where(a => codes.Contains(a.FormationCode))
            .GroupBy(a => new { a.FormationCode, a.Status }).Select(g => new { g.Key.FormationCode, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        return formations.Select(f =>
        {
            var statuses = counts.Where(c => c.FormationCode == f.Code).ToDictionary(c => c.Status, c => c.Count);
            var round = rounds.GetValueOrDefault(f.RoundId);
            return new FormationDto(f.Code, f.Position, f.UnitCode, f.UnitName, f.Type.ToString().ToLowerInvariant(), f.Quota, round?.Year ?? 0, round?.Wave ?? 0,
                statuses.Values.Sum(), statuses, RankingStatus(facts.GetValueOrDefault(f.Code) ?? [], listWaiting));
        }).ToList();
    }

    private static RankingStatusDto RankingStatus(IReadOnlyCollection<ApplicantRankingFacts> facts, bool listWaiting)
    {
        var waiting = facts.Select(a => (Facts: a, Wait: RankingReadiness.WaitingFor(a))).Where(x => x.Wait != RankingWait.None).ToList();
        var ranked = facts.Any(a => a.Ranked is not null);
        return new RankingStatusDto(ranked, RankingReadiness.Complete(facts), ranked && RankingReadiness.Stale(facts),
            waiting.GroupBy(x => RankingReadiness.Code(x.Wait)).ToDictionary(g => g.Key, g => g.Count()),
            listWaiting ? waiting.Select(x => new WaitingApplicantDto(x.Facts.RegistrationNumber, x.Facts.Name, RankingReadiness.Code(x.Wait), x.Facts.AppealWindowEndsAt)).ToList() : null);
    }

    private static IResult NoFormation(string code) => DomainAccess.NotFound($"No formation with code '{code}'.");
}

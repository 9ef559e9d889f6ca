using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Domain.Privacy;
using Pppk.Workflow.Domain.Selection;
using Pppk.Workflow.Runtime.Api;
using Pppk.Workflow.Runtime.Database;

namespace Pppk.Workflow.Domain.Api;

/// <summary>Applicants: search, and one applicant with formation, scores, ranking and appeals (staff read).</summary>
public static class ApplicantsApi
{
    public sealed record ApplicantListDto(string RegistrationNumber, string Name, string FormationCode, int PriorityCategory, string Status);

    public sealed record AppealDto(int Id, string Reason, DateTimeOffset SubmittedAt, bool? Accepted, string? Answer, string? AnsweredBy, DateTimeOffset? AnsweredAt);

    public sealed record ApplicantDto(string RegistrationNumber, string Nik, string Name, string? Email, DateOnly BirthDate, int PriorityCategory, string Status,
        string? AdminVerdict, string? AdminReason, string? VerifiedBy, DateTimeOffset? VerifiedAt,
        FormationsApi.FormationDto? Formation, FormationsApi.ScoresDto? Scores, int? Rank, bool? Passed, string? RankingReason, IReadOnlyList<AppealDto> Appeals,
        string? RankingWaitsFor = null, DateTimeOffset? AppealWindowEndsAt = null, DateTimeOffset? FinalIneligibleAt = null);

    /// <summary>
    /// What this applicant's ranking result waits for: their own verification, appeal window, pending appeal or scores,
    /// or <c>formation</c> (theirs is complete, the formation's ranking waits for others or is due again); null when it has a result or is finally TMS.
    /// </summary>
    private static async Task<string?> RankingWaitsForAsync(PppkDbContext db, string formationCode, int applicantId, CancellationToken ct)
    {
        var formation = (await RankingFacts.LoadAsync(db, [formationCode], ct)).GetValueOrDefault(formationCode) ?? [];
        if (formation.FirstOrDefault(x => x.ApplicantId == applicantId) is not { } self) return null;
        var own = RankingReadiness.WaitingFor(self);
        if (own != RankingWait.None) return RankingReadiness.Code(own);
        var eligible = self.AdminVerdict == "MS";
        return eligible && (self.Ranked is null || RankingReadiness.Stale(formation)) ? "formation" : null;
    }

    public static void MapApplicantsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/applicants").RequireStaff();

        group.MapGet("/", async (int? page, int? pageSize, string? cursor, string? formationCode, string? status, string? search, DomainScope scope, PppkDbContext db,
            ListCursor cursors, CancellationToken ct) =>
        {
            if (!Paging.TryCreate(page, pageSize, cursor, cursors, "applicants", out var paging, out var after, out var problem)) return problem!;
            var query = Filtered(scope, db, formationCode, status, search);
            var rows = await RowsAsync(query, after, paging.Offset, paging.PageSize + 1, ct);
            return Results.Ok(paging.Answer(rows, await ListTotal.CountAsync(query, ct), cursors, "applicants", a => [a.RegistrationNumber]));
        }).Produces<PagedList<ApplicantListDto>>();

        group.MapGet("/{registrationNumber}", async (string registrationNumber, DomainScope scope, PppkDbContext db, CancellationToken ct) =>
        {
            var a = await scope.Applicants(db.Applicants.AsNoTracking(), db.Formations).FirstOrDefaultAsync(x => x.RegistrationNumber == registrationNumber, ct);
            if (a is null) return DomainAccess.NotFound($"No applicant with registration number '{registrationNumber}'.");
            var formation = await db.Formations.AsNoTracking().FirstOrDefaultAsync(f => f.Code == a.FormationCode, ct);
            FormationsApi.FormationDto? formationDto = null;
            if (formation is not null)
            {
                var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == formation.RoundId, ct);
                formationDto = new FormationsApi.FormationDto(formation.Code, formation.Position, formation.UnitCode, formation.UnitName,
                    formation.Type.ToString().ToLowerInvariant(), formation.Quota, round?.Year ?? 0, round?.Wave ?? 0,
                    await db.Applicants.CountAsync(x => x.FormationCode == formation.Code, ct), new Dictionary<string, int>());
            }
            var s = await db.Scores.AsNoTracking().FirstOrDefaultAsync(x => x.ApplicantId == a.Id, ct);
            var r = await db.Rankings.AsNoTracking().FirstOrDefaultAsync(x => x.ApplicantId == a.Id, ct);
            var appeals = await db.Appeals.AsNoTracking().Where(x => x.ApplicantId == a.Id).OrderBy(x => x.SubmittedAt)
                .Select(x => new AppealDto(x.Id, x.Reason, x.SubmittedAt, x.Accepted, x.Answer, x.AnsweredBy, x.AnsweredAt)).ToListAsync(ct);
            return Results.Ok(new ApplicantDto(a.RegistrationNumber, a.Nik, a.Name, a.Email, a.BirthDate, a.PriorityCategory, a.Status,
                a.AdminVerdict, a.AdminReason, a.VerifiedBy, a.VerifiedAt, formationDto,
                s is null ? null : new FormationsApi.ScoresDto(s.Technical, s.ManagerialSocioCultural, s.Interview, s.Total),
                r?.Rank, r?.Passed, r?.Reason, appeals, await RankingWaitsForAsync(db, a.FormationCode, a.Id, ct), a.AppealWindowEndsAt, a.FinalIneligibleAt));
        }).RecordsAccess<ApplicantDto>(AccessKinds.Applicant, a => a.Nik, "registrationNumber").Produces<ApplicantDto>();
    }

    /// <summary>The export's chunk: the applicants after <paramref name="after"/> (the last row's registration number; null: from the first).</summary>
    internal static Task<List<ApplicantListDto>> ChunkAsync(DomainScope scope, PppkDbContext db, string? formationCode, string? status, string? search,
        object?[]? after, int take, CancellationToken ct) => RowsAsync(Filtered(scope, db, formationCode, status, search), after, 0, take, ct);

    /// <summary>The export's count: how many applicants the list has, up to <paramref name="cap"/>.</summary>
    internal static Task<(int Total, bool Capped)> CountAsync(DomainScope scope, PppkDbContext db, string? formationCode, string? status, string? search, int cap,
        CancellationToken ct) => ListTotal.CountAsync(Filtered(scope, db, formationCode, status, search), ct, cap);

    private static IQueryable<Applicant> Filtered(DomainScope scope, PppkDbContext db, string? formationCode, string? status, string? search)
    {
        var query = scope.Applicants(db.Applicants.AsNoTracking(), db.Formations);
        if (!string.IsNullOrWhiteSpace(formationCode)) query = query.Where(a => a.FormationCode == formationCode);
        if (!string.IsNullOrWhiteSpace(status)) query = query.Where(a => a.Status == status);
        if (!string.IsNullOrWhiteSpace(search))
            {
            // Each branch on its index (the name's trigrams; the numbers' prefixes, migration Issue21NumberPrefixes), combined by a BitmapOr.
            var (containing, prefix) = (LikePattern.Containing(search.Trim()), LikePattern.StartingWith(search.Trim()));
            query = query.Where(a => EF.Functions.ILike(a.Name, containing) || EF.Functions.Like(a.RegistrationNumber, prefix) || EF.Functions.Like(a.Nik, prefix));
        }
        return query;
    }

    /// <summary>The rows by registration number (unique): after <paramref name="after"/> (the last row's, a keyset page), else from <paramref name="skip"/>.</summary>
    private static async Task<List<ApplicantListDto>> RowsAsync(IQueryable<Applicant> query, object?[]? after, int skip, int take, CancellationToken ct)
    {
        if (after is [string last]) query = query.Where(a => a.RegistrationNumber.CompareTo(last) > 0);
        return await query.OrderBy(a => a.RegistrationNumber).Skip(skip).Take(take)
            .Select(a => new ApplicantListDto(a.RegistrationNumber, a.Name, a.FormationCode, a.PriorityCategory, a.Status)).ToListAsync(ct);
    }
}

using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Domain.PartTime;
using Pppk.Workflow.Runtime.Api;
using Pppk.Workflow.Runtime.Instances;

namespace Pppk.Workflow.Domain.Api;

/// <summary>
/// Part-time PPPK (paruh waktu), hr-admin: the candidates of ranked formations (<see cref="PartTimeCandidates"/>) and the
/// start of <c>usulan-paruh-waktu</c> for them, one instance per applicant (business key: the registration number).
/// </summary>
public static class PartTimeApi
{
    public const string Process = "usulan-paruh-waktu";

    public sealed record CandidateDto(string RegistrationNumber, string Nik, string Name, string? Email, string FormationCode, string Position, string UnitCode,
        int PriorityCategory, string CategoryName, int Rank, int RankedCount, int Quota, string Reason, int? EmployeeId, string? Proposal);

    public sealed record ProposalBody(string? FormationCode, IReadOnlyList<string>? RegistrationNumbers);

    public sealed record ProposalResult(string FormationCode, int Candidates, int Started, IReadOnlyList<Guid> StartedInstanceIds, IReadOnlyList<string> AlreadyProposed);

    public static void MapPartTimeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/part-time").RequireAuthorization(Roles.HrAdmin);

        group.MapGet("/candidates", async (string? formationCode, string? unitCode, int? page, int? pageSize, PppkDbContext db, NpgsqlDataSource data, CancellationToken ct) =>
        {
            if (!Paging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
            var query = PartTimeCandidateQuery.Candidates(db);
            if (!string.IsNullOrWhiteSpace(formationCode)) query = query.Where(c => c.FormationCode == formationCode);
            if (!string.IsNullOrWhiteSpace(unitCode)) query = query.Where(c => c.UnitCode == unitCode);
            var total = await query.CountAsync(ct);
            var rows = await query.Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
            var proposals = await ProposalsAsync(data, rows.Select(r => r.RegistrationNumber).ToArray(), ct);
            return Results.Ok(new PagedList<CandidateDto>(rows.Select(r => Dto(r, proposals.GetValueOrDefault(r.RegistrationNumber))).ToList(), total, paging.Page, paging.PageSize));
        }).Produces<PagedList<CandidateDto>>();

        group.MapPost("/proposals", async (ProposalBody body, PppkDbContext db, NpgsqlDataSource data, InstanceService instances, HttpContext http, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(body.FormationCode)) return LocalizedProblem.BadRequest(PartTimeTexts.FormationRequired.Format(), "formationCode");
            var code = body.FormationCode;
            var formation = await db.Formations.AsNoTracking().SingleOrDefaultAsync(f => f.Code == code, ct);
            if (formation is null) return new LocalizedProblem(PartTimeTexts.FormationUnknown.Format(code), StatusCodes.Status404NotFound);
            if (!await db.Rankings.AnyAsync(r => r.FormationId == formation.Id, ct))
                return new LocalizedProblem(PartTimeTexts.FormationNotRanked.Format(code), StatusCodes.Status409Conflict);

            // Those already employees (appointed, or proposed before and approved) are not proposed again.
            var candidates = await PartTimeCandidateQuery.Candidates(db).Where(c => c.FormationCode == code && c.EmployeeId == null).ToListAsync(ct);
            if (body.RegistrationNumbers is { Count: > 0 } wanted)
            {
                var unknown = wanted.Except(candidates.Select(c => c.RegistrationNumber)).ToList();
                if (unknown.Count > 0)
                    return LocalizedProblem.BadRequest(PartTimeTexts.NotCandidates.Format(code, string.Join(", ", unknown.Take(20))), "registrationNumbers");
                candidates = [.. candidates.Where(c => wanted.Contains(c.RegistrationNumber))];
            }
            // A proposal running or decided (completed) is not started again; one cancelled or terminated may be.
            var proposals = await ProposalsAsync(data, candidates.Select(c => c.RegistrationNumber).ToArray(), ct);
            var decided = candidates.Where(c => proposals.GetValueOrDefault(c.RegistrationNumber) is "active" or "completed").Select(c => c.RegistrationNumber).ToList();
            var items = candidates.Where(c => !decided.Contains(c.RegistrationNumber))
                .Select(c => new InstanceService.BatchItem(c.RegistrationNumber, StartVariables(c))).ToList();
            var result = items.Count == 0
                ? new InstanceService.BatchResult([], [])
                : await instances.StartBatchAsync(Process, items, uniqueBusinessKey: true, http.User.Identity?.Name, ct);
            return Results.Ok(new ProposalResult(code, candidates.Count, result.Started.Count, result.Started, [.. decided, .. result.Skipped]));
        }).Produces<ProposalResult>();
    }

    /// <summary>The start variables of <c>usulan-paruh-waktu</c> (docs/workflows.md lists them).</summary>
    public static JsonObject StartVariables(PartTimeCandidateRow c) => new()
    {
        ["registrationNumber"] = c.RegistrationNumber, ["nik"] = c.Nik, ["name"] = c.Name, ["email"] = c.Email, ["formationCode"] = c.FormationCode,
        ["unitCode"] = c.UnitCode, ["position"] = c.Position, ["priorityCategory"] = c.PriorityCategory, ["rank"] = c.Rank,
        ["candidateReason"] = PartTimeCandidates.Reason(c.Ranked),
    };

    private static CandidateDto Dto(PartTimeCandidateRow c, string? proposal) => new(c.RegistrationNumber, c.Nik, c.Name, c.Email, c.FormationCode, c.Position,
        c.UnitCode, c.PriorityCategory, PartTimeCandidates.CategoryName(c.PriorityCategory), c.Rank, c.RankedCount, c.Quota, PartTimeCandidates.Reason(c.Ranked)!,
        c.EmployeeId, proposal);

    /// <summary>The status of each applicant's latest <c>usulan-paruh-waktu</c> instance (its business key is the registration number).</summary>
    private static Task<Dictionary<string, string>> ProposalsAsync(NpgsqlDataSource data, string[] registrationNumbers, CancellationToken ct) =>
        InstanceTable.LatestStatusesAsync(data, Process, registrationNumbers, ct);
}

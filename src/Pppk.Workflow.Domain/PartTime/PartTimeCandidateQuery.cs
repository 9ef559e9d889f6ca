using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Data;

namespace Pppk.Workflow.Domain.PartTime;

/// <summary>A ranked applicant with what the part-time rule and a proposal need; <see cref="EmployeeId"/> is set once they are an employee.</summary>
/// <remarks>Init properties, not a positional record: EF translates filters on a member-init projection, not on a constructor's.</remarks>
public sealed record PartTimeCandidateRow
{
    public required string RegistrationNumber { get; init; }
    public required string Nik { get; init; }
    public required string Name { get; init; }
    public string? Email { get; init; }
    public int PriorityCategory { get; init; }
    public required string FormationCode { get; init; }
    public required string Position { get; init; }
    public required string UnitCode { get; init; }
    public int Quota { get; init; }
    public int Rank { get; init; }
    public bool Passed { get; init; }
    public int RankedCount { get; init; }
    public int? EmployeeId { get; init; }

    public RankedApplicant Ranked => new(RegistrationNumber, PriorityCategory, Rank, Passed, RankedCount, Quota);
}

/// <summary>The candidates of <see cref="PartTimeCandidates"/> read from the recorded rankings (<c>ranking_results</c>).</summary>
public static class PartTimeCandidateQuery
{
    /// <summary>Every ranked applicant of categories 1-2 who did not pass, in formation and rank order.</summary>
    public static IQueryable<PartTimeCandidateRow> Candidates(PppkDbContext db)
    {
        var categories = PartTimeCandidates.Categories.ToArray();
        return RankedApplicants(db).Where(r => !r.Passed && categories.Contains(r.PriorityCategory)).OrderBy(r => r.FormationCode).ThenBy(r => r.Rank);
    }

    public static IQueryable<PartTimeCandidateRow> RankedApplicants(PppkDbContext db) =>
        from r in db.Rankings.AsNoTracking()
        join a in db.Applicants.AsNoTracking() on r.ApplicantId equals a.Id
        join f in db.Formations.AsNoTracking() on r.FormationId equals f.Id
        select new PartTimeCandidateRow
        {
            RegistrationNumber = a.RegistrationNumber, Nik = a.Nik, Name = a.Name, Email = a.Email, PriorityCategory = a.PriorityCategory, FormationCode = f.Code,
            Position = f.Position, UnitCode = f.UnitCode, Quota = f.Quota, Rank = r.Rank, Passed = r.Passed, RankedCount = db.Rankings.Count(x => x.FormationId == f.Id),
            EmployeeId = db.Employees.Where(e => e.Nik == a.Nik).Select(e => (int?)e.Id).FirstOrDefault(),
        };
}

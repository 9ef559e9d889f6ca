using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Data;

namespace Pppk.Workflow.Domain.PartTime;

/// <summary>A ranked applicant with what the part-time rule and a proposal need; <see cref="EmployeeId"/> is set once they are an employee.</summary>
public sealed record PartTimeCandidateRow(string RegistrationNumber, string Nik, string Name, string? Email, int PriorityCategory, string FormationCode,
    string Position, string UnitCode, int Quota, int Rank, bool Passed, int RankedCount, int? EmployeeId)
{
    public RankedApplicant Ranked => new(RegistrationNumber, PriorityCategory, Rank, Passed, RankedCount, Quota);
}

/// <summary>The candidates of <see cref="PartTimeCandidates"/> read from the recorded rankings (<c>ranking_results</c>).</summary>
public static class PartTimeCandidateQuery
{
    /// <summary>Every ranked applicant of categories 1-2 who did not pass, in formation and rank order.</summary>
    public static IQueryable<PartTimeCandidateRow> Candidates(PppkDbContext db) => RankedApplicants(db)
        .Where(r => !r.Passed && PartTimeCandidates.Categories.Contains(r.PriorityCategory))
        .OrderBy(r => r.FormationCode).ThenBy(r => r.Rank);

    public static IQueryable<PartTimeCandidateRow> RankedApplicants(PppkDbContext db) =>
        from r in db.Rankings.AsNoTracking()
        join a in db.Applicants.AsNoTracking() on r.ApplicantId equals a.Id
        join f in db.Formations.AsNoTracking() on r.FormationId equals f.Id
        select new PartTimeCandidateRow(a.RegistrationNumber, a.Nik, a.Name, a.Email, a.PriorityCategory, f.Code, f.Position, f.UnitCode, f.Quota, r.Rank, r.Passed,
            db.Rankings.Count(x => x.FormationId == f.Id), db.Employees.Where(e => e.Nik == a.Nik).Select(e => (int?)e.Id).FirstOrDefault());
}

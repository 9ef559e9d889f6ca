using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Domain.Employees;
using Pppk.Workflow.Domain.Imports;
using Pppk.Workflow.Domain.Privacy;
using Pppk.Workflow.Notifications.Delivery;
using Pppk.Workflow.Runtime.Api;
using Pppk.Workflow.Runtime.Database;

namespace Pppk.Workflow.Domain.Api;

/// <summary>PPPK employees: list by unit and search, and the profile with contracts, SKs and evaluations (staff read).</summary>
public static class EmployeesApi
{
    public sealed record EmployeeListDto(int Id, string? NiPppk, string Nik, string Name, string UnitCode, string? UnitName, string? Position,
        string Grade, int ServiceYears, DateOnly? ContractEnd);

    /// <summary>A contract; <c>PartTime</c> marks PPPK paruh waktu, with its weekly hours and pay basis.</summary>
    public sealed record ContractDto(int Id, DateOnly Tmt, DateOnly End, int Years, DateOnly? SpmtDate, string Status, string? SkNumber, DateTimeOffset? NoticeSentAt,
        bool PartTime, int? WeeklyHours, string? PayBasis);

    public sealed record SkDto(int Id, string Number, DateOnly Date, string Signer, string Kind, DateTimeOffset? BknCopyNotedAt);

    public sealed record EvaluationDto(int Year, string Period, string Predicate, string? EvaluatorUserName, string? Notes, DateTimeOffset RecordedAt);

    public sealed record FiscalCheckDto(int Id, int ContractId, DateTimeOffset CheckedAt, decimal RenewalCost, decimal UnitRemaining, decimal RegionalRatioPercent,
        bool Passed, string Reason, bool? OverriddenByFinance, string? OverrideReason);

    public sealed record EmployeeDto(int Id, string? NiPppk, string Nik, string Name, string? Email, DateOnly? BirthDate, string UnitCode, string? UnitName,
        string? UnitHeadUserName, string? Position, string Grade, int ServiceYears, string? EvaluatorUserName, string? ApplicantRegistrationNumber,
        IReadOnlyList<ContractDto> Contracts, IReadOnlyList<SkDto> Sks, IReadOnlyList<EvaluationDto> Evaluations, IReadOnlyList<FiscalCheckDto> FiscalChecks,
        IReadOnlyList<EmailTable.SentTo> Emails);

    public static void MapEmployeesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/employees").RequireStaffOrEmployee();

        group.MapGet("/", async (int? page, int? pageSize, string? cursor, string? unitCode, string? search, DomainScope scope, PppkDbContext db, ListCursor cursors,
            CancellationToken ct) =>
        {
            if (!Paging.TryCreate(page, pageSize, cursor, cursors, "employees", out var paging, out var after, out var problem)) return problem!;
            var query = Filtered(scope, db, unitCode, search);
            var rows = await RowsAsync(query, db, after, paging.Offset, paging.PageSize + 1, ct);
            return Results.Ok(paging.Answer(rows, await ListTotal.CountAsync(query, ct), cursors, "employees", e => [e.Name, e.Id]));
        }).Produces<PagedList<EmployeeListDto>>();

        group.MapGet("/{id:int}", async (int id, DomainScope scope, PppkDbContext db, Npgsql.NpgsqlDataSource data, CancellationToken ct) =>
        {
            var e = await scope.Employees(db.Employees.AsNoTracking()).FirstOrDefaultAsync(x => x.Id == id, ct);
            if (e is null) return DomainAccess.NotFound($"No employee with id {id}.");
            var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == e.UnitCode, ct);
            var sks = await db.Sks.AsNoTracking().Where(s => s.EmployeeId == id).OrderByDescending(s => s.Date).ToListAsync(ct);
            var contracts = await db.Contracts.AsNoTracking().Where(c => c.EmployeeId == id).OrderByDescending(c => c.Tmt).ToListAsync(ct);
            var contractIds = contracts.Select(c => c.Id).ToList();
            var evaluations = await db.Evaluations.AsNoTracking().Where(v => v.EmployeeId == id)
                .OrderByDescending(v => v.Year).ThenByDescending(v => v.Period)
                .Select(v => new EvaluationDto(v.Year, v.Period, v.Predicate, v.EvaluatorUserName, v.Notes, v.RecordedAt)).ToListAsync(ct);
            var checks = await db.FiscalChecks.AsNoTracking().Where(f => contractIds.Contains(f.ContractId)).OrderByDescending(f => f.CheckedAt)
                .Select(f => new FiscalCheckDto(f.Id, f.ContractId, f.CheckedAt, f.RenewalCost, f.UnitRemaining, f.RegionalRatioPercent, f.Passed, f.Reason,
                    f.OverriddenByFinance, f.OverrideReason)).ToListAsync(ct);
            var applicant = e.ApplicantId is { } applicantId
                ? await db.Applicants.AsNoTracking().Where(a => a.Id == applicantId).Select(a => a.RegistrationNumber).FirstOrDefaultAsync(ct)
                : null;
            var skNumbers = sks.ToDictionary(s => s.Id, s => s.Number);
            var emails = string.IsNullOrWhiteSpace(e.Email) ? [] : await EmailTable.SentToAsync(data, e.Email, take: 100, ct);
            return Results.Ok(new EmployeeDto(e.Id, e.NiPppk, e.Nik, e.Name, e.Email, e.BirthDate, e.UnitCode, unit?.Name, unit?.HeadUserName, e.Position,
                Grades.Roman(e.Grade), e.ServiceYears, e.EvaluatorUserName, applicant,
                contracts.Select(c => new ContractDto(c.Id, c.Tmt, c.End, c.Years, c.SpmtDate, c.Status, c.SkId is { } sk ? skNumbers.GetValueOrDefault(sk) : null, c.NoticeSentAt,
                    c.PartTime, c.WeeklyHours, c.PayBasis)).ToList(),
                sks.Select(s => new SkDto(s.Id, s.Number, s.Date, s.Signer, s.Kind, s.BknCopyNotedAt)).ToList(),
                evaluations, checks, emails));
        }).RecordsAccess<EmployeeDto>(AccessKinds.Employee, e => e.Nik).Produces<EmployeeDto>();
    }

    /// <summary>The export's chunk: the employees after <paramref name="after"/> (the last row's name and id; null: from the first), by name.</summary>
    internal static Task<List<EmployeeListDto>> ChunkAsync(DomainScope scope, PppkDbContext db, string? unitCode, string? search, object?[]? after, int take,
        CancellationToken ct) => RowsAsync(Filtered(scope, db, unitCode, search), db, after, 0, take, ct);

    /// <summary>The export's count: how many employees the list has, up to <paramref name="cap"/>.</summary>
    internal static Task<(int Total, bool Capped)> CountAsync(DomainScope scope, PppkDbContext db, string? unitCode, string? search, int cap, CancellationToken ct) =>
        ListTotal.CountAsync(Filtered(scope, db, unitCode, search), ct, cap);

    /// <summary>The key of the list's order (name, then id): a chunk starts after it.</summary>
    internal static object?[] KeyOf(EmployeeListDto e) => [e.Name, e.Id];

    private static IQueryable<Employee> Filtered(DomainScope scope, PppkDbContext db, string? unitCode, string? search)
    {
        var query = scope.Employees(db.Employees.AsNoTracking());
        if (!string.IsNullOrWhiteSpace(unitCode)) query = query.Where(e => e.UnitCode == unitCode);
        if (!string.IsNullOrWhiteSpace(search))
            {
            // Each branch on its index (the name's trigrams; the numbers' prefixes, migration Issue21NumberPrefixes), combined by a BitmapOr: no scan at 1,000,000 employees.
            var (containing, prefix) = (LikePattern.Containing(search.Trim()), LikePattern.StartingWith(search.Trim()));
            query = query.Where(e => EF.Functions.ILike(e.Name, containing) || EF.Functions.Like(e.Nik, prefix) || (e.NiPppk != null && EF.Functions.Like(e.NiPppk, prefix)));
        }
        return query;
    }

    /// <summary>The rows by name: after <paramref name="after"/> (the last row's name and id, a keyset page), else from <paramref name="skip"/>.</summary>
    private static async Task<List<EmployeeListDto>> RowsAsync(IQueryable<Employee> query, PppkDbContext db, object?[]? after, int skip, int take, CancellationToken ct)
    {
        if (after is [string lastName, int lastId]) query = query.Where(e => EF.Functions.GreaterThan(ValueTuple.Create(e.Name, e.Id), ValueTuple.Create(lastName, lastId)));
        var rows = await (from e in query
                          join u in db.Units on e.UnitCode equals u.Code into uj
                          from u in uj.DefaultIfEmpty()
                          orderby e.Name, e.Id
                          select new
                          {
                              e, UnitName = u == null ? null : u.Name,
                              End = db.Contracts.Where(c => c.EmployeeId == e.Id && c.Status == "active").Max(c => (DateOnly?)c.End),
                          }).Skip(skip).Take(take).ToListAsync(ct);
        return rows.Select(x => new EmployeeListDto(x.e.Id, x.e.NiPppk, x.e.Nik, x.e.Name, x.e.UnitCode, x.UnitName, x.e.Position,
            Grades.Roman(x.e.Grade), x.e.ServiceYears, x.End)).ToList();
    }
}

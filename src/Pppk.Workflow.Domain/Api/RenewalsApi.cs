using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Domain.Employees;
using Pppk.Workflow.Domain.Fiscal;
using Pppk.Workflow.Domain.Imports;
using Pppk.Workflow.Runtime.Api;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Domain.Api;

/// <summary>
/// Contracts coming up for renewal: active contracts ending within N months (default the renewal lead time), each with
/// the employee's latest evaluations and the inputs of the fiscal check (salary by the scale, cost of the default term,
/// the unit's budget left in the fiscal year the new term starts, the region's spending ratio).
/// </summary>
public static class RenewalsApi
{
    public sealed record RenewalEmployeeDto(int Id, string? NiPppk, string Name, string UnitCode, string? UnitName, string? Position, string Grade,
        int ServiceYears, string? EvaluatorUserName);

    public sealed record PredicateDto(int Year, string Period, string Predicate);

    public sealed record FiscalInputsDto(int FiscalYear, int Grade, int ServiceYearsAtRenewal, decimal? MonthlySalary, int TermYears, int SalaryMonthsPerYear,
        decimal AllowancePercent, decimal? RenewalCost, decimal? UnitCeiling, decimal? UnitCommitted, decimal? UnitRemaining,
        BudgetsApi.RegionalDto? Regional);

    /// <summary>The case, its recommendation (<c>rekomendasi</c>), the quoted rule and its annotation; all but the case null before the table ran.</summary>
    public sealed record RecommendationDto(Guid InstanceId, string? Value, string? Rule, string? Annotation, int? Version);

    public sealed record RenewalDto(int ContractId, DateOnly Tmt, DateOnly End, int Years, int DaysLeft, RenewalEmployeeDto Employee,
        PredicateDto? LatestAnnual, IReadOnlyList<PredicateDto> RecentQuarters, bool PoorPerformance, FiscalInputsDto Fiscal)
    {
        /// <summary>The list's only (the export leaves it out): the contract's renewal case and its recommendation; null without a case the caller sees.</summary>
        public RecommendationDto? Recommendation { get; init; }
    }

    public static void MapRenewalsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/renewals").RequireStaffOrEmployee();

        group.MapGet("/", async (int? months, int? page, int? pageSize, string? cursor, string? unitCode, DomainScope scope, PppkDbContext db,
            IOptions<PppkOptions> options, TimeProvider clock, IOptions<RuntimeOptions> runtime, NpgsqlDataSource data, GroupScopes scopes, ListCursor cursors,
            HttpContext http, CancellationToken ct) =>
        {
            if (!Paging.TryCreate(page, pageSize, cursor, cursors, List, out var paging, out var after, out var problem)) return problem!;
            if (!TryLead(months, options.Value, out var lead)) return LeadInvalid();
            var today = DomainAccess.Today(clock, runtime);
            var due = Due(scope, db, today, lead, unitCode);
            var rows = await RowsAsync(WithEmployees(due, db), scope, db, options.Value, today, after, paging.Offset, paging.PageSize + 1, ct);
            var answer = paging.Answer(rows, await ListTotal.CountAsync(due, ct), cursors, List, r => [r.End.DayNumber, r.ContractId]);
            var items = await RenewalRecommendations.AddAsync([.. answer.Items], data, http.User.Actor(), scopes, clock.GetUtcNow(), ct);
            return Results.Ok(answer.With(items));
        }).Produces<PagedList<RenewalDto>>();
    }

    /// <summary>The cursor's list name: a cursor carries the last row's contract end (its day number) and contract id.</summary>
    private const string List = "renewals";

    /// <summary>The horizon in months: the query's, else the renewal lead time; false outside 0 to 60.</summary>
    internal static bool TryLead(int? months, PppkOptions options, out int lead)
    {
        lead = months ?? options.RenewalLeadMonths;
        return lead is >= 0 and <= 60;
    }

    internal static IResult LeadInvalid() => DomainAccess.BadRequest("months must be between 0 and 60.");

    /// <summary>A page of the contracts in <paramref name="scope"/> ending within <paramref name="lead"/> months, soonest first, and how many there are (the export).</summary>
    internal static async Task<(List<RenewalDto> Items, int Total)> ListAsync(DomainScope scope, PppkDbContext db, PppkOptions o, DateOnly today, int lead,
        string? unitCode, int skip, int take, CancellationToken ct)
    {
        var due = Due(scope, db, today, lead, unitCode);
        return (await RowsAsync(WithEmployees(due, db), scope, db, o, today, null, skip, take, ct), await due.CountAsync(ct));
    }

    private sealed class Row
    {
        public required Contract C { get; init; }
        public required Employee E { get; init; }
    }

    /// <summary>
    /// The active contracts in <paramref name="scope"/> ending within <paramref name="lead"/> months (of the unit when
    /// given), on the contracts alone: the count reads the index contracts (status, end, id), or (unit_code, status, end,
    /// id) for a unit, and never joins the employees (every contract has its employee).
    /// </summary>
    private static IQueryable<Contract> Due(DomainScope scope, PppkDbContext db, DateOnly today, int lead, string? unitCode)
    {
        var horizon = today.AddMonths(lead);
        var query = scope.Contracts(db.Contracts.AsNoTracking(), db.Employees).Where(c => c.Status == "active" && c.End <= horizon);
        return string.IsNullOrWhiteSpace(unitCode) ? query : query.Where(c => c.UnitCode == unitCode);
    }

    private static IQueryable<Row> WithEmployees(IQueryable<Contract> contracts, PppkDbContext db) =>
        from c in contracts
        join e in db.Employees.AsNoTracking() on c.EmployeeId equals e.Id
        select new Row { C = c, E = e };

    /// <summary>
    /// The rows by contract end, then id (the index contracts (status, end, id)): after <paramref name="after"/> (the last
    /// row's end as a day number and its id, a keyset page), else from <paramref name="skip"/>; the per-contract figures
    /// (predicates, fiscal check inputs) are read for these rows only.
    /// </summary>
    private static async Task<List<RenewalDto>> RowsAsync(IQueryable<Row> query, DomainScope scope, PppkDbContext db, PppkOptions o, DateOnly today,
        object?[]? after, int skip, int take, CancellationToken ct)
    {
        if (after is [int lastEndDay, int lastId])
        {
            var lastEnd = DateOnly.FromDayNumber(lastEndDay);
            query = query.Where(x => EF.Functions.GreaterThan(ValueTuple.Create(x.C.End, x.C.Id), ValueTuple.Create(lastEnd, lastId)));
        }
        var rows = await query.OrderBy(x => x.C.End).ThenBy(x => x.C.Id).Skip(skip).Take(take).ToListAsync(ct);

        var employeeIds = rows.Select(x => x.E.Id).ToList();
        var since = today.Year - 3;
        var evaluations = (await db.Evaluations.AsNoTracking().Where(v => employeeIds.Contains(v.EmployeeId) && v.Year >= since).ToListAsync(ct))
            .GroupBy(v => v.EmployeeId).ToDictionary(g => g.Key, g => g.ToList());
        var unitCodes = rows.Select(x => x.E.UnitCode).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitCodes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name, ct);
        // An employee reading their own renewal sees its cost, not their unit's budget or the region's (403 on /api/budgets).
        var budgets = await scope.Budgets(db.UnitBudgets.AsNoTracking()).Where(b => unitCodes.Contains(b.UnitCode)).ToListAsync(ct);
        var fiscal = scope.SeesBudgets ? await db.FiscalSettings.AsNoTracking().ToDictionaryAsync(f => f.FiscalYear, ct) : [];
        var grades = rows.Select(x => x.E.Grade).Distinct().ToList();
        var scale = await db.SalaryScale.AsNoTracking().Where(s => grades.Contains(s.Grade)).ToListAsync(ct);

        return rows.Select(x =>
        {
            var (c, e) = (x.C, x.E);
            var evals = evaluations.GetValueOrDefault(e.Id) ?? [];
            var annual = evals.Where(v => v.Period == "annual").OrderByDescending(v => v.Year).FirstOrDefault();
            var quarters = evals.Where(v => v.Period != "annual").OrderByDescending(v => v.Year).ThenByDescending(v => v.Period).Take(4)
                .Select(v => new PredicateDto(v.Year, v.Period, v.Predicate)).ToList();
            var fiscalYear = c.End.AddDays(1).Year;
            // The fiscal check's own rule (RenewalCost), so the screen shows what the check will compute.
            var years = RenewalCost.ServiceYearsAtRenewal(e.ServiceYears, c.Years);
            var salary = scale.AsQueryable().MonthlySalary(e.Grade, years).FirstOrDefault();
            var cost = salary is { } monthly ? RenewalCost.ForTerm(monthly, o.SalaryMonthsPerYear, o.AllowancePercent, o.DefaultTermYears) : (decimal?)null;
            var budget = budgets.FirstOrDefault(b => b.UnitCode == e.UnitCode && b.FiscalYear == fiscalYear);
            var regional = fiscal.GetValueOrDefault(fiscalYear);
            return new RenewalDto(c.Id, c.Tmt, c.End, c.Years, c.End.DayNumber - today.DayNumber,
                new RenewalEmployeeDto(e.Id, e.NiPppk, e.Name, e.UnitCode, units.GetValueOrDefault(e.UnitCode), e.Position, Grades.Roman(e.Grade), e.ServiceYears, e.EvaluatorUserName),
                annual is null ? null : new PredicateDto(annual.Year, annual.Period, annual.Predicate), quarters,
                annual is not null && Predicates.IsPoor(annual.Predicate),
                new FiscalInputsDto(fiscalYear, e.Grade, years, salary, o.DefaultTermYears, o.SalaryMonthsPerYear, o.AllowancePercent,
                    cost, budget?.PersonnelCeiling, budget?.Committed, budget is null ? null : budget.PersonnelCeiling - budget.Committed,
                    regional is null ? null : BudgetsApi.Regional(regional)));
        }).ToList();
    }
}

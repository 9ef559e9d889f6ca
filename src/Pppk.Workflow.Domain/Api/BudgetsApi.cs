using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Domain.Fiscal;
using Pppk.Workflow.Runtime.Api;
using Pppk.Workflow.Runtime.Instances;

namespace Pppk.Workflow.Domain.Api;

/// <summary>Unit personnel budgets of a fiscal year with what is left, and the region's position against the spending cap (staff read).</summary>
public static class BudgetsApi
{
    public sealed record UnitBudgetDto(string UnitCode, string? UnitName, int FiscalYear, decimal PersonnelCeiling, decimal Committed, decimal Remaining, int ActiveContracts);

    public sealed record RegionalDto(int FiscalYear, decimal BudgetTotal, decimal PersonnelSpending, decimal CapPercent, decimal RatioPercent, bool OverCap);

    /// <summary>The paged unit budgets (as every list) plus the regional setting of the year, when there is one.</summary>
    public sealed record BudgetsPage(IReadOnlyList<UnitBudgetDto> Items, int Total, int Page, int PageSize, int FiscalYear, RegionalDto? Regional);

    public static void MapBudgetsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/budgets").RequireStaff();

        group.MapGet("/", async (int? fiscalYear, int? page, int? pageSize, string? unitCode, DomainScope scope, PppkDbContext db,
            TimeProvider clock, IOptions<RuntimeOptions> runtime, CancellationToken ct) =>
        {
            if (!Paging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
            var year = fiscalYear ?? DomainAccess.Today(clock, runtime).Year;
            var query = scope.Budgets(db.UnitBudgets.AsNoTracking()).Where(b => b.FiscalYear == year);
            if (!string.IsNullOrWhiteSpace(unitCode)) query = query.Where(b => b.UnitCode == unitCode);
            var total = await query.CountAsync(ct);
            var rows = await (from b in query
                              join u in db.Units on b.UnitCode equals u.Code into uj
                              from u in uj.DefaultIfEmpty()
                              orderby b.UnitCode
                              select new { b, UnitName = u == null ? null : u.Name }).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
            var codes = rows.Select(x => x.b.UnitCode).ToList();
            // On the contracts' own copy of the unit (index contracts (unit_code, status, end, id)), not a join of every contract to its employee.
            var active = await (from c in db.Contracts
                                where c.Status == "active" && codes.Contains(c.UnitCode)
                                group c by c.UnitCode into g
                                select new { UnitCode = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.UnitCode, x => x.Count, ct);
            var items = rows.Select(x => new UnitBudgetDto(x.b.UnitCode, x.UnitName, x.b.FiscalYear, x.b.PersonnelCeiling, x.b.Committed,
                x.b.PersonnelCeiling - x.b.Committed, active.GetValueOrDefault(x.b.UnitCode))).ToList();
            var setting = scope.SeesBudgets ? await db.FiscalSettings.AsNoTracking().FirstOrDefaultAsync(f => f.FiscalYear == year, ct) : null;
            return Results.Ok(new BudgetsPage(items, total, paging.Page, paging.PageSize, year, setting is null ? null : Regional(setting)));
        });
    }

    public static RegionalDto Regional(RegionalFiscalSetting s)
    {
        var ratio = s.BudgetTotal == 0 ? 0 : Math.Round(s.PersonnelSpending / s.BudgetTotal * 100, 2);
        return new RegionalDto(s.FiscalYear, s.BudgetTotal, s.PersonnelSpending, s.CapPercent, ratio, ratio > s.CapPercent);
    }
}

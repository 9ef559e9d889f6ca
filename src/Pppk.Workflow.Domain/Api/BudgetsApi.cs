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
                              // The unit's active contracts as the database keeps them with every write (exact, one row a unit).
                              join n in db.UnitContractCounts on b.UnitCode equals n.UnitCode into nj
                              from n in nj.DefaultIfEmpty()
                              orderby b.UnitCode
                              select new { b, UnitName = u == null ? null : u.Name, Active = n == null ? 0 : n.Active }).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
            var items = rows.Select(x => new UnitBudgetDto(x.b.UnitCode, x.UnitName, x.b.FiscalYear, x.b.PersonnelCeiling, x.b.Committed,
                x.b.PersonnelCeiling - x.b.Committed, x.Active)).ToList();
            var setting = scope.SeesBudgets ? await db.FiscalSettings.AsNoTracking().FirstOrDefaultAsync(f => f.FiscalYear == year, ct) : null;
            return Results.Ok(new BudgetsPage(items, total, paging.Page, paging.PageSize, year, setting is null ? null : Regional(setting)));
        }).Produces<BudgetsPage>();
    }

    public static RegionalDto Regional(RegionalFiscalSetting s)
    {
        var ratio = s.BudgetTotal == 0 ? 0 : Math.Round(s.PersonnelSpending / s.BudgetTotal * 100, 2);
        return new RegionalDto(s.FiscalYear, s.BudgetTotal, s.PersonnelSpending, s.CapPercent, ratio, ratio > s.CapPercent);
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Domain.Fiscal;
using Pppk.Workflow.Domain.Imports;
using Pppk.Workflow.Runtime.Api;

namespace Pppk.Workflow.Domain.Api;

/// <summary>
/// The figures an agency types rather than uploads (hr-admin or finance): a unit's budget of a fiscal year
/// (<c>PUT /api/budgets/{unitCode}/{fiscalYear}</c>) and the region's fiscal setting (<c>PUT /api/fiscal-settings/{fiscalYear}</c>,
/// read by staff who see budgets). Each upserts the same rows as the <c>budgets</c> and <c>fiscal-settings</c> imports.
/// </summary>
public static class FiscalDataApi
{
    public sealed record BudgetBody(decimal? PersonnelCeiling, decimal? Committed);

    public sealed record FiscalSettingBody(decimal? BudgetTotal, decimal? PersonnelSpending, decimal? CapPercent);

    public static void MapFiscalDataApi(this IEndpointRouteBuilder app)
    {
        string[] writers = [Roles.HrAdmin, Roles.Finance];

        app.MapPut("/api/budgets/{unitCode}/{fiscalYear:int}", async (string unitCode, int fiscalYear, BudgetBody body, HttpRequest request, PppkDbContext db, CancellationToken ct) =>
        {
            var check = new FieldProblems(request);
            if (!await db.Units.AnyAsync(u => u.Code == unitCode, ct)) check.Add("unitCode", ImportTexts.UnknownUnit.Format(unitCode));
            check.Int("fiscalYear", fiscalYear, 2000, 2100);
            var ceiling = check.Rupiah("personnelCeiling", body.PersonnelCeiling);
            var committed = check.Rupiah("committed", body.Committed, required: false);
            if (check.Result is { } problem) return problem;
            var budget = await db.UnitBudgets.SingleOrDefaultAsync(b => b.UnitCode == unitCode && b.FiscalYear == fiscalYear, ct);
            var created = budget is null;
            budget ??= db.UnitBudgets.Add(new UnitBudget { UnitCode = unitCode, FiscalYear = fiscalYear }).Entity;
            budget.PersonnelCeiling = ceiling!.Value;
            // Left out, what is already committed stays as recorded.
            if (committed is not null) budget.Committed = committed.Value;
            await db.SaveChangesAsync(ct);
            var active = await db.UnitContractCounts.Where(n => n.UnitCode == unitCode).Select(n => n.Active).SingleOrDefaultAsync(ct);
            var dto = new BudgetsApi.UnitBudgetDto(unitCode, await db.Units.Where(u => u.Code == unitCode).Select(u => u.Name).SingleAsync(ct), fiscalYear,
                budget.PersonnelCeiling, budget.Committed, budget.PersonnelCeiling - budget.Committed, active);
            return created ? Results.Created($"/api/budgets?fiscalYear={fiscalYear}&unitCode={Uri.EscapeDataString(unitCode)}", dto) : Results.Ok(dto);
        }).RequireAuthorization(p => p.RequireAuthenticatedUser().RequireRole(writers)).Produces<BudgetsApi.UnitBudgetDto>().Produces<BudgetsApi.UnitBudgetDto>(StatusCodes.Status201Created);

        var settings = app.MapGroup("/api/fiscal-settings");
        settings.MapGet("/", async (DomainScope scope, PppkDbContext db, CancellationToken ct) => scope.SeesBudgets
            ? Results.Ok((await db.FiscalSettings.AsNoTracking().OrderBy(s => s.FiscalYear).ToListAsync(ct)).Select(BudgetsApi.Regional))
            : Results.Forbid()).RequireStaff().Produces<IEnumerable<BudgetsApi.RegionalDto>>();
        settings.MapGet("/{fiscalYear:int}", async (int fiscalYear, DomainScope scope, PppkDbContext db, CancellationToken ct) =>
            !scope.SeesBudgets ? Results.Forbid()
            : await db.FiscalSettings.AsNoTracking().SingleOrDefaultAsync(s => s.FiscalYear == fiscalYear, ct) is { } s ? Results.Ok(BudgetsApi.Regional(s))
            : DomainAccess.NotFound($"No fiscal setting for {fiscalYear}.")).RequireStaff().Produces<BudgetsApi.RegionalDto>();
        settings.MapPut("/{fiscalYear:int}", async (int fiscalYear, FiscalSettingBody body, HttpRequest request, PppkDbContext db, CancellationToken ct) =>
        {
            var check = new FieldProblems(request);
            check.Int("fiscalYear", fiscalYear, 2000, 2100);
            var total = check.Rupiah("budgetTotal", body.BudgetTotal);
            var spending = check.Rupiah("personnelSpending", body.PersonnelSpending);
            if (body.CapPercent is < 0 or > 100) check.Add("capPercent", ImportTexts.NotPercent.Format(body.CapPercent.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (total is not null && spending is not null && spending > total)
                check.Add("personnelSpending", ImportTexts.SpendingOverBudget.Format(spending.Value.ToString("N0"), total.Value.ToString("N0")));
            if (check.Result is { } problem) return problem;
            var setting = await db.FiscalSettings.SingleOrDefaultAsync(s => s.FiscalYear == fiscalYear, ct);
            var created = setting is null;
            setting ??= db.FiscalSettings.Add(new RegionalFiscalSetting { FiscalYear = fiscalYear }).Entity;
            setting.BudgetTotal = total!.Value;
            setting.PersonnelSpending = spending!.Value;
            setting.CapPercent = body.CapPercent ?? setting.CapPercent;
            await db.SaveChangesAsync(ct);
            var dto = BudgetsApi.Regional(setting);
            return created ? Results.Created($"/api/fiscal-settings/{fiscalYear}", dto) : Results.Ok(dto);
        }).RequireAuthorization(p => p.RequireAuthenticatedUser().RequireRole(writers)).Produces<BudgetsApi.RegionalDto>().Produces<BudgetsApi.RegionalDto>(StatusCodes.Status201Created);
    }
}

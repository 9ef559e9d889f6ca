using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Domain.Employees;
using Pppk.Workflow.Domain.Fiscal;
using Pppk.Workflow.Domain.Selection;
using Pppk.Workflow.Runtime.Api;

namespace Pppk.Workflow.Domain.Api;

/// <summary>
/// The domain records a caller may read: organisation-wide roles (<see cref="DomainAccess.OrganisationRoles"/>) every one;
/// unit-head and evaluator those of their <see cref="Unit"/> (none without a unit); the employee role their own employee
/// record by <see cref="Nik"/>. Several roles: the union. A record outside the scope does not exist for the caller, so each
/// filter is a condition of the query (SQL), never a pass over loaded rows. A handler takes it as a parameter.
/// </summary>
internal sealed record DomainScope(bool All, string? Unit, string? Nik)
{
    public static DomainScope Of(ClaimsPrincipal user)
    {
        var actor = user.Actor();
        if (actor.Roles.Any(DomainAccess.OrganisationRoles.Contains)) return new(true, null, null);
        return new(false,
            actor.Roles.Any(Roles.IsUnitScoped) ? actor.UnitCode : null,
            actor.Roles.Contains(Roles.Employee) ? actor.EmployeeNik : null);
    }

    public static ValueTask<DomainScope?> BindAsync(HttpContext http) => ValueTask.FromResult<DomainScope?>(Of(http.User));

    /// <summary>
    /// The contracts of the employees in scope, a unit's by the contract's own copy of the unit (<see cref="Contract.UnitCode"/>),
    /// so a unit's contracts are read and counted on an index of the contracts without visiting the employees; an
    /// employee's own by <c>employee_id IN (their id)</c>. One condition per case: PostgreSQL cannot turn a sub-select
    /// inside an OR into a join, and scanned every contract for an employee's own (444 ms at 1,000,000).
    /// </summary>
    public IQueryable<Contract> Contracts(IQueryable<Contract> query, IQueryable<Employee> employees)
    {
        if (All) return query;
        var (unit, nik) = (Unit, Nik);
        var own = employees.Where(e => e.Nik == nik).Select(e => e.Id);
        return (unit, nik) switch
        {
            (null, null) => query.Where(c => false),
            (_, null) => query.Where(c => c.UnitCode == unit),
            (null, _) => query.Where(c => own.Contains(c.EmployeeId)),
            _ => query.Where(c => c.UnitCode == unit || own.Contains(c.EmployeeId)),
        };
    }

    /// <summary>Unit budgets and the region's fiscal position: organisation-wide roles, and unit roles for their unit.</summary>
    public bool SeesBudgets => All || Unit is not null;

    public IQueryable<Employee> Employees(IQueryable<Employee> query)
    {
        if (All) return query;
        var (unit, nik) = (Unit, Nik);
        return query.Where(e => (unit != null && e.UnitCode == unit) || (nik != null && e.Nik == nik));
    }

    public IQueryable<Formation> Formations(IQueryable<Formation> query)
    {
        if (All) return query;
        var unit = Unit;
        return query.Where(f => unit != null && f.UnitCode == unit);
    }

    /// <summary>Applicants of the formations in scope (<paramref name="formations"/>: the formations table).</summary>
    public IQueryable<Applicant> Applicants(IQueryable<Applicant> query, IQueryable<Formation> formations)
    {
        if (All) return query;
        var visible = Formations(formations);
        return query.Where(a => visible.Any(f => f.Code == a.FormationCode));
    }

    public IQueryable<UnitBudget> Budgets(IQueryable<UnitBudget> query)
    {
        if (All) return query;
        var unit = Unit;
        return query.Where(b => unit != null && b.UnitCode == unit);
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Runtime.Api;
using Pppk.Workflow.Runtime.Instances;

namespace Pppk.Workflow.Domain.Api;

/// <summary>
/// Who may use the domain endpoints: staff roles read (each within its <see cref="DomainScope"/>), an employee reads their
/// own employee record and renewals, hr-admin changes (imports).
/// </summary>
public static class DomainAccess
{
    public static readonly string[] StaffRoles = [Roles.HrAdmin, Roles.Verifier, Roles.Ppk, Roles.Evaluator, Roles.UnitHead, Roles.Finance];

    /// <summary>Staff roles that read every unit's records (the others read their own unit's).</summary>
    public static readonly string[] OrganisationRoles = [.. StaffRoles.Where(r => !Roles.IsUnitScoped(r))];

    public static TBuilder RequireStaff<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(p => p.RequireAuthenticatedUser().RequireRole(StaffRoles));

    /// <summary>Staff, or an employee for their own record (the endpoint filters by <see cref="DomainScope"/>).</summary>
    public static TBuilder RequireStaffOrEmployee<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(p => p.RequireAuthenticatedUser().RequireRole([.. StaffRoles, Roles.Employee]));

    public static IResult NotFound(string what) => Results.Problem(title: what, statusCode: StatusCodes.Status404NotFound);

    public static IResult BadRequest(string what) => Results.Problem(title: what, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>Today in the region's time zone (<c>Runtime:TimeZone</c>; Kukar: WITA).</summary>
    public static DateOnly Today(TimeProvider clock, IOptions<RuntimeOptions> runtime) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(runtime.Value.TimeZone)).DateTime);
}

using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Data;

namespace Pppk.Workflow.Domain.Api;

/// <summary>
/// The domain's lists as the host's exports read them: the same queries, filters and <see cref="DomainScope"/> as the list
/// endpoints, page by page, so an export never holds more than its caller sees on the screen.
/// </summary>
public static class DomainLists
{
    public static Task<(List<EmployeesApi.EmployeeListDto> Items, int Total)> EmployeesAsync(ClaimsPrincipal user, PppkDbContext db, string? unitCode,
        string? search, int skip, int take, CancellationToken ct) =>
        EmployeesApi.ListAsync(DomainScope.Of(user), db, unitCode, search, skip, take, ct);

    public static Task<(List<ApplicantsApi.ApplicantListDto> Items, int Total)> ApplicantsAsync(ClaimsPrincipal user, PppkDbContext db, string? formationCode,
        string? status, string? search, int skip, int take, CancellationToken ct) =>
        ApplicantsApi.ListAsync(DomainScope.Of(user), db, formationCode, status, search, skip, take, ct);

    /// <summary>False (and nothing read) when <paramref name="type"/> names no position type.</summary>
    public static bool IsFormationType(string? type) => FormationsApi.TryType(type, out _);

    public static Task<(List<FormationsApi.FormationDto> Items, int Total)> FormationsAsync(ClaimsPrincipal user, PppkDbContext db, string? unitCode,
        string? type, string? search, int skip, int take, CancellationToken ct)
    {
        FormationsApi.TryType(type, out var positionType);
        return FormationsApi.ListAsync(DomainScope.Of(user), db, unitCode, positionType, search, skip, take, ct);
    }

    /// <summary>The formation's ranking; null when the caller does not see the formation (or there is none).</summary>
    public static Task<FormationsApi.RankingDto?> RankingAsync(ClaimsPrincipal user, PppkDbContext db, string code, CancellationToken ct) =>
        FormationsApi.RankingAsync(DomainScope.Of(user), db, code, ct);

    /// <summary>The renewal horizon in months (the query's, else the lead time); null outside 0 to 60.</summary>
    public static int? RenewalLead(int? months, PppkOptions options) => RenewalsApi.TryLead(months, options, out var lead) ? lead : null;

    public static Task<(List<RenewalsApi.RenewalDto> Items, int Total)> RenewalsAsync(ClaimsPrincipal user, PppkDbContext db, PppkOptions options,
        DateOnly today, int lead, string? unitCode, int skip, int take, CancellationToken ct) =>
        RenewalsApi.ListAsync(DomainScope.Of(user), db, options, today, lead, unitCode, skip, take, ct);
}

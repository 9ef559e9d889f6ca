using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Data;

namespace Pppk.Workflow.Domain.Api;

/// <summary>
/// The domain's lists as the host's exports read them: the same queries, filters and <see cref="DomainScope"/> as the list
/// endpoints, chunk by chunk (the big lists by keyset, the small ones by offset), so an export never holds more than its caller sees on the screen.
/// </summary>
public static class DomainLists
{
    /// <summary>The employees after <paramref name="after"/> (<see cref="EmployeeKey"/> of the last row read; null: from the first), by name.</summary>
    public static Task<List<EmployeesApi.EmployeeListDto>> EmployeesAsync(ClaimsPrincipal user, PppkDbContext db, string? unitCode, string? search,
        object?[]? after, int take, CancellationToken ct) => EmployeesApi.ChunkAsync(DomainScope.Of(user), db, unitCode, search, after, take, ct);

    public static Task<(int Total, bool Capped)> CountEmployeesAsync(ClaimsPrincipal user, PppkDbContext db, string? unitCode, string? search, int cap,
        CancellationToken ct) => EmployeesApi.CountAsync(DomainScope.Of(user), db, unitCode, search, cap, ct);

    /// <summary>The employees' order: name, then id.</summary>
    public static object?[] EmployeeKey(EmployeesApi.EmployeeListDto e) => EmployeesApi.KeyOf(e);

    /// <summary>The applicants after <paramref name="after"/> (<see cref="ApplicantKey"/> of the last row read; null: from the first), by registration number.</summary>
    public static Task<List<ApplicantsApi.ApplicantListDto>> ApplicantsAsync(ClaimsPrincipal user, PppkDbContext db, string? formationCode, string? status,
        string? search, object?[]? after, int take, CancellationToken ct) =>
        ApplicantsApi.ChunkAsync(DomainScope.Of(user), db, formationCode, status, search, after, take, ct);

    public static Task<(int Total, bool Capped)> CountApplicantsAsync(ClaimsPrincipal user, PppkDbContext db, string? formationCode, string? status, string? search,
        int cap, CancellationToken ct) => ApplicantsApi.CountAsync(DomainScope.Of(user), db, formationCode, status, search, cap, ct);

    /// <summary>The applicants' order: the registration number (unique).</summary>
    public static object?[] ApplicantKey(ApplicantsApi.ApplicantListDto a) => [a.RegistrationNumber];

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

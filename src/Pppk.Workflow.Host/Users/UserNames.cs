using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Runtime.Database;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Host.Users;

/// <summary>
/// The people behind accounts, for the users screen: a unit's name instead of its code, the linked person's name instead of a
/// NIK, and the NIKs of the people a search text names.
/// </summary>
internal sealed class UserNames(PppkDbContext domain, IUnitNames units)
{
    /// <summary>At most this many people count for a name search: a search that matches more should be narrower.</summary>
    private const int SearchLimit = 200;

    public async Task<List<UsersApi.UserDto>> DtosAsync(IReadOnlyList<AppUser> list, UserManager<AppUser> users, CancellationToken ct)
    {
        var unitNames = await units.AllAsync(ct);
        var niks = list.Where(u => u.EmployeeNik is not null).Select(u => u.EmployeeNik!).Distinct().ToList();
        var people = niks.Count == 0 ? new Dictionary<string, string>() : await PeopleAsync(niks, ct);
        var items = new List<UsersApi.UserDto>(list.Count);
        foreach (var u in list)
            items.Add(await UsersApi.ToDto(u, users) with
            {
                UnitName = u.UnitCode is { } code ? unitNames.GetValueOrDefault(code, code) : null,
                EmployeeName = u.EmployeeNik is { } nik ? people.GetValueOrDefault(nik) : null,
            });
        return items;
    }

    /// <summary>NIKs of employees and applicants whose name, NIK or NI PPPK contains the text (any case).</summary>
    public async Task<List<string>> NiksMatchingAsync(string text, CancellationToken ct)
    {
        var pattern = LikePattern.Containing(text);
        var employees = await domain.Employees.AsNoTracking()
            .Where(e => EF.Functions.ILike(e.Name, pattern) || EF.Functions.Like(e.Nik, pattern) || (e.NiPppk != null && EF.Functions.Like(e.NiPppk, pattern)))
            .Select(e => e.Nik).Take(SearchLimit).ToListAsync(ct);
        var applicants = await domain.Applicants.AsNoTracking()
            .Where(a => EF.Functions.ILike(a.Name, pattern) || EF.Functions.Like(a.Nik, pattern))
            .Select(a => a.Nik).Take(SearchLimit).ToListAsync(ct);
        return [.. employees.Concat(applicants).Distinct()];
    }

    private async Task<Dictionary<string, string>> PeopleAsync(List<string> niks, CancellationToken ct)
    {
        var names = await domain.Employees.AsNoTracking().Where(e => niks.Contains(e.Nik)).Select(e => new { e.Nik, e.Name }).ToListAsync(ct);
        var missing = niks.Except(names.Select(n => n.Nik)).ToList();
        if (missing.Count > 0)
            names.AddRange(await domain.Applicants.AsNoTracking().Where(a => missing.Contains(a.Nik)).Select(a => new { a.Nik, a.Name }).ToListAsync(ct));
        return names.GroupBy(n => n.Nik).ToDictionary(g => g.Key, g => g.First().Name);
    }
}

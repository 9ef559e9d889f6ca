using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Host.Api;
using Pppk.Workflow.Runtime.Database;

namespace Pppk.Workflow.Host.Users;

/// <summary>
/// Staff and employee accounts with their roles, unit and linked NIK (hr-admin only). Changes go through the
/// <see cref="UserManager{TUser}"/>, which renews the user's version, so they apply to the user's open sessions at their next
/// request (<see cref="Auth.SessionValidator"/>).
/// </summary>
public static class UsersApi
{
    /// <param name="UnitName">The unit's name (the domain's list), null when the user has no unit.</param>
    /// <param name="EmployeeName">The name of the linked employee or applicant, null when there is no link.</param>
    /// <param name="Active">False once deactivated: the account cannot sign in.</param>
    /// <param name="MustChangePassword">The user holds a temporary password and must choose their own at the next sign-in.</param>
    /// <param name="TemporaryPassword">Only in the answer that made it (create without a password, reset): shown once, never stored in clear.</param>
    public sealed record UserDto(string Id, string UserName, string? Email, string? FullName, string? UnitCode, string? EmployeeNik,
        IReadOnlyList<string> Roles, bool LockedOut, string? UnitName = null, string? EmployeeName = null, bool Active = true,
        bool MustChangePassword = false, string? TemporaryPassword = null);

    public sealed record CreateUser(string? UserName, string? Email, string? FullName, string? UnitCode, string? EmployeeNik, string? Password, List<string>? Roles);

    public sealed record SetRoles(List<string>? Roles);

    /// <summary>Every field is set as sent: null (or absent) clears it.</summary>
    public sealed record SetProfile(string? FullName, string? Email, string? UnitCode, string? EmployeeNik);

    public static void MapUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").RequireAuthorization(Roles.HrAdmin);

        group.MapGet("/", async (int? page, int? pageSize, string? q, string? unitCode, string? role, bool? active, UserManager<AppUser> users, UsersDbContext db,
            UserNames names, HttpRequest request, CancellationToken ct) =>
        {
            if (!Paging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
            if (!string.IsNullOrEmpty(role) && !Roles.IsKnown(role))
                return FieldsProblem.Invalid([("role", UserTexts.RoleUnknown.Format(role, string.Join(", ", Roles.All)))], request.Language());
            var query = db.Users.AsNoTracking();
            if (UserPlace.Blank(q) is { } text)
            {
                var lower = text.ToLowerInvariant();
                // The NIK a person types, or the NIK of the employee whose name or NIP/NI PPPK they type.
                var niks = await names.NiksMatchingAsync(text, ct);
                query = query.Where(u => u.UserName!.ToLower().Contains(lower) || (u.FullName != null && u.FullName.ToLower().Contains(lower))
                                         || (u.Email != null && u.Email.ToLower().Contains(lower)) || (u.EmployeeNik != null && niks.Contains(u.EmployeeNik)));
            }
            if (active is { } isActive) query = query.Where(u => u.Active == isActive);
            if (UserPlace.Blank(unitCode) is { } unit) query = query.Where(u => u.UnitCode == unit);
            if (!string.IsNullOrEmpty(role))
                query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
            var total = await query.CountAsync(ct);
            var list = await query.OrderBy(u => u.UserName).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
            var items = await names.DtosAsync(list, users, ct);
            return Results.Ok(new PagedList<UserDto>(items, total, paging.Page, paging.PageSize));
        }).Produces<PagedList<UserDto>>();

        group.MapPost("/", async (CreateUser body, UserManager<AppUser> users, PppkDbContext domain, UsersDbContext db, UserNames names, HttpContext http,
            CancellationToken ct) =>
        {
            var language = http.Request.Language();
            var unknown = (body.Roles ?? []).Where(r => !Roles.IsKnown(r)).ToList();
            if (unknown.Count > 0)
                return FieldsProblem.Invalid([("roles", UserTexts.RoleUnknown.Format(string.Join(", ", unknown), string.Join(", ", Roles.All)))], language);
            if (await UserAccountRules.ProblemAsync(body.UserName, body.Email, null, users, language) is { } badAccount) return badAccount;
            if (body.Password is { Length: > 0 } password && await UserAccountRules.PasswordProblemAsync(password, users, language) is { } weak) return weak;
            var place = UserPlace.Of(body.UnitCode, body.EmployeeNik, body.Roles ?? []);
            if (await UserProfileRules.ProblemAsync(place, null, "unitCode", domain, users, language, ct) is { } invalid) return invalid;
            var user = new AppUser
            {
                UserName = body.UserName!.Trim(), Email = UserPlace.Blank(body.Email), FullName = UserPlace.Blank(body.FullName), UnitCode = place.UnitCode,
                EmployeeNik = place.EmployeeNik,
            };
            // Without a password hr-admin hands over a temporary one, which the user must change at the first sign-in.
            var temporary = string.IsNullOrEmpty(body.Password) ? TemporaryPassword.New() : null;
            user.MustChangePassword = temporary is not null;
            if (await UserProfileRules.LinkRaceAsync(() => users.CreateAsync(user, body.Password is { Length: > 0 } chosen ? chosen : temporary!), place, users, language)
                is { } failed) return failed;
            if (place.Roles.Count > 0)
            {
                var added = await users.AddToRolesAsync(user, place.Roles);
                if (!added.Succeeded) return IdentityProblem(added);
            }
            await UserAudit.RecordAsync(db, http.User.Actor().Name, user.UserName, "create",
                new { user.FullName, user.Email, user.UnitCode, user.EmployeeNik, roles = place.Roles, temporaryPassword = temporary is not null }, ct);
            var dto = (await names.DtosAsync([user], users, ct))[0] with { TemporaryPassword = temporary };
            return Results.Created($"/api/users/{user.Id}", dto);
        }).Produces<UserDto>(StatusCodes.Status201Created);

        group.MapPut("/{id}/roles", async (string id, SetRoles body, UserManager<AppUser> users, UsersDbContext db, UserNames names, HttpContext http, CancellationToken ct) =>
        {
            var user = await users.FindByIdAsync(id);
            if (user is null) return NoUser(id);
            var wanted = (body.Roles ?? []).Distinct().ToList();
            var unknown = wanted.Where(r => !Roles.IsKnown(r)).ToList();
            var request = http.Request;
            if (unknown.Count > 0)
                return FieldsProblem.Invalid([("roles", UserTexts.RoleUnknown.Format(string.Join(", ", unknown), string.Join(", ", Roles.All)))], request.Language());
            // Only the roles change here: the unit and NIK the user has were checked when they were set.
            if (wanted.Where(Roles.IsUnitScoped).ToList() is { Count: > 0 } scoped && user.UnitCode is null)
                return FieldsProblem.Invalid([("roles", UserTexts.UnitRequired.Format(string.Join(", ", scoped)))], request.Language());
            var current = await users.GetRolesAsync(user);
            var removed = await users.RemoveFromRolesAsync(user, current.Except(wanted));
            if (!removed.Succeeded) return IdentityProblem(removed);
            var added = await users.AddToRolesAsync(user, wanted.Except(current));
            if (!added.Succeeded) return IdentityProblem(added);
            await UserAudit.RecordAsync(db, http.User.Actor().Name, user.UserName!, "roles", new { previous = current.Order(), roles = wanted.Order() }, ct);
            return Results.Ok((await names.DtosAsync([user], users, ct))[0]);
        }).Produces<UserDto>();

        group.MapPut("/{id}/profile", async (string id, SetProfile body, UserManager<AppUser> users, PppkDbContext domain, UsersDbContext db, UserNames names,
            HttpContext http, CancellationToken ct) =>
        {
            if (await users.FindByIdAsync(id) is not { } user) return NoUser(id);
            var language = http.Request.Language();
            if (await UserAccountRules.ProblemAsync(user.UserName, body.Email, user.Id, users, language) is { } badAccount) return badAccount;
            var before = new { user.FullName, user.Email, user.UnitCode, user.EmployeeNik };
            var place = UserPlace.Of(body.UnitCode, body.EmployeeNik, await users.GetRolesAsync(user));
            if (await UserProfileRules.ProblemAsync(place, user.Id, "unitCode", domain, users, language, ct) is { } invalid) return invalid;
            (user.FullName, user.Email, user.UnitCode, user.EmployeeNik) = (UserPlace.Blank(body.FullName), UserPlace.Blank(body.Email), place.UnitCode, place.EmployeeNik);
            if (await UserProfileRules.LinkRaceAsync(() => users.UpdateAsync(user), place, users, language) is { } failed) return failed;
            await UserAudit.RecordAsync(db, http.User.Actor().Name, user.UserName!, "profile",
                new { previous = before, current = new { user.FullName, user.Email, user.UnitCode, user.EmployeeNik } }, ct);
            return Results.Ok((await names.DtosAsync([user], users, ct))[0]);
        }).Produces<UserDto>();
    }

    internal static async Task<UserDto> ToDto(AppUser u, UserManager<AppUser> users) =>
        new(u.Id, u.UserName!, u.Email, u.FullName, u.UnitCode, u.EmployeeNik, [.. await users.GetRolesAsync(u)], await users.IsLockedOutAsync(u),
            Active: u.Active, MustChangePassword: u.MustChangePassword);

    internal static IResult IdentityProblem(IdentityResult result) =>
        Results.ValidationProblem(result.Errors.GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));

    internal static IResult NoUser(string id) => new LocalizedProblem(UserTexts.NotFound.Format(id), StatusCodes.Status404NotFound);
}

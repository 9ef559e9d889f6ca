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
    public sealed record UserDto(string Id, string UserName, string? Email, string? FullName, string? UnitCode, string? EmployeeNik,
        IReadOnlyList<string> Roles, bool LockedOut);

    public sealed record CreateUser(string? UserName, string? Email, string? FullName, string? UnitCode, string? EmployeeNik, string? Password, List<string>? Roles);

    public sealed record SetRoles(List<string>? Roles);

    /// <summary>Every field is set as sent: null (or absent) clears it.</summary>
    public sealed record SetProfile(string? FullName, string? Email, string? UnitCode, string? EmployeeNik);

    public static void MapUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").RequireAuthorization(Roles.HrAdmin);

        group.MapGet("/", async (int? page, int? pageSize, string? q, string? unitCode, string? role, UserManager<AppUser> users, UsersDbContext db,
            HttpRequest request, CancellationToken ct) =>
        {
            if (!Paging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
            if (!string.IsNullOrEmpty(role) && !Roles.IsKnown(role))
                return FieldsProblem.Invalid([("role", UserTexts.RoleUnknown.Format(role, string.Join(", ", Roles.All)))], request.Language());
            var query = db.Users.AsNoTracking();
            if (UserPlace.Blank(q) is { } text)
            {
                var lower = text.ToLowerInvariant();
                query = query.Where(u => u.UserName!.ToLower().Contains(lower) || (u.FullName != null && u.FullName.ToLower().Contains(lower)));
            }
            if (UserPlace.Blank(unitCode) is { } unit) query = query.Where(u => u.UnitCode == unit);
            if (!string.IsNullOrEmpty(role))
                query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
            var total = await query.CountAsync(ct);
            var list = await query.OrderBy(u => u.UserName).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
            var items = new List<UserDto>();
            foreach (var u in list) items.Add(await ToDto(u, users));
            return Results.Ok(new PagedList<UserDto>(items, total, paging.Page, paging.PageSize));
        });

        group.MapPost("/", async (CreateUser body, UserManager<AppUser> users, PppkDbContext domain, HttpRequest request, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(body.UserName)) errors["userName"] = ["userName is required."];
            if (string.IsNullOrEmpty(body.Password)) errors["password"] = ["password is required."];
            var unknown = (body.Roles ?? []).Where(r => !Roles.IsKnown(r)).ToList();
            if (unknown.Count > 0) errors["roles"] = [$"Unknown role(s) {string.Join(", ", unknown)}; known roles: {string.Join(", ", Roles.All)}."];
            if (errors.Count > 0) return Results.ValidationProblem(errors);

            var language = request.Language();
            var place = UserPlace.Of(body.UnitCode, body.EmployeeNik, body.Roles ?? []);
            if (await UserProfileRules.ProblemAsync(place, null, "unitCode", domain, users, language, ct) is { } invalid) return invalid;
            var user = new AppUser
            {
                UserName = body.UserName, Email = body.Email, FullName = body.FullName, UnitCode = place.UnitCode, EmployeeNik = place.EmployeeNik,
            };
            if (await UserProfileRules.LinkRaceAsync(() => users.CreateAsync(user, body.Password!), place, users, language) is { } failed) return failed;
            if (place.Roles.Count > 0)
            {
                var added = await users.AddToRolesAsync(user, place.Roles);
                if (!added.Succeeded) return IdentityProblem(added);
            }
            return Results.Created($"/api/users/{user.Id}", await ToDto(user, users));
        });

        group.MapPut("/{id}/roles", async (string id, SetRoles body, UserManager<AppUser> users, PppkDbContext domain, HttpRequest request, CancellationToken ct) =>
        {
            var user = await users.FindByIdAsync(id);
            if (user is null) return NoUser(id);
            var wanted = (body.Roles ?? []).Distinct().ToList();
            var unknown = wanted.Where(r => !Roles.IsKnown(r)).ToList();
            if (unknown.Count > 0)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["roles"] = [$"Unknown role(s) {string.Join(", ", unknown)}."] });
            // Only the roles change here: the unit and NIK the user has were checked when they were set.
            if (wanted.Where(Roles.IsUnitScoped).ToList() is { Count: > 0 } scoped && user.UnitCode is null)
                return FieldsProblem.Invalid([("roles", UserTexts.UnitRequired.Format(string.Join(", ", scoped)))], request.Language());
            var current = await users.GetRolesAsync(user);
            var removed = await users.RemoveFromRolesAsync(user, current.Except(wanted));
            if (!removed.Succeeded) return IdentityProblem(removed);
            var added = await users.AddToRolesAsync(user, wanted.Except(current));
            if (!added.Succeeded) return IdentityProblem(added);
            return Results.Ok(await ToDto(user, users));
        });

        group.MapPut("/{id}/profile", async (string id, SetProfile body, UserManager<AppUser> users, PppkDbContext domain, HttpRequest request, CancellationToken ct) =>
        {
            if (await users.FindByIdAsync(id) is not { } user) return NoUser(id);
            var language = request.Language();
            var place = UserPlace.Of(body.UnitCode, body.EmployeeNik, await users.GetRolesAsync(user));
            if (await UserProfileRules.ProblemAsync(place, user.Id, "unitCode", domain, users, language, ct) is { } invalid) return invalid;
            (user.FullName, user.Email, user.UnitCode, user.EmployeeNik) = (UserPlace.Blank(body.FullName), UserPlace.Blank(body.Email), place.UnitCode, place.EmployeeNik);
            if (await UserProfileRules.LinkRaceAsync(() => users.UpdateAsync(user), place, users, language) is { } failed) return failed;
            return Results.Ok(await ToDto(user, users));
        });
    }

    internal static async Task<UserDto> ToDto(AppUser u, UserManager<AppUser> users) =>
        new(u.Id, u.UserName!, u.Email, u.FullName, u.UnitCode, u.EmployeeNik, [.. await users.GetRolesAsync(u)], await users.IsLockedOutAsync(u));

    internal static IResult IdentityProblem(IdentityResult result) =>
        Results.ValidationProblem(result.Errors.GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));

    internal static IResult NoUser(string id) => Results.Problem(title: $"No user with id {id}.", statusCode: StatusCodes.Status404NotFound);
}

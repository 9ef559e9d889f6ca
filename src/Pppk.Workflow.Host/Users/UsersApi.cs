using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Host.Api;
using Pppk.Workflow.Runtime.Users;

namespace Pppk.Workflow.Host.Users;

/// <summary>Staff and employee accounts with their roles (hr-admin only).</summary>
public static class UsersApi
{
    public sealed record UserDto(string Id, string UserName, string? Email, string? FullName, string? UnitCode, IReadOnlyList<string> Roles, bool LockedOut);

    public sealed record CreateUser(string? UserName, string? Email, string? FullName, string? UnitCode, string? Password, List<string>? Roles);

    public sealed record SetRoles(List<string>? Roles);

    public static void MapUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").RequireAuthorization(Roles.HrAdmin);

        group.MapGet("/", async (int? page, int? pageSize, UserManager<AppUser> users) =>
        {
            if (!Paging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
            var total = await users.Users.CountAsync();
            var list = await users.Users.OrderBy(u => u.UserName).Skip(paging.Skip).Take(paging.PageSize).ToListAsync();
            var items = new List<UserDto>();
            foreach (var u in list) items.Add(await ToDto(u, users));
            return Results.Ok(new PagedList<UserDto>(items, total, paging.Page, paging.PageSize));
        });

        group.MapPost("/", async (CreateUser body, UserManager<AppUser> users) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(body.UserName)) errors["userName"] = ["userName is required."];
            if (string.IsNullOrEmpty(body.Password)) errors["password"] = ["password is required."];
            var unknown = (body.Roles ?? []).Where(r => !Roles.IsKnown(r)).ToList();
            if (unknown.Count > 0) errors["roles"] = [$"Unknown role(s) {string.Join(", ", unknown)}; known roles: {string.Join(", ", Roles.All)}."];
            if (errors.Count > 0) return Results.ValidationProblem(errors);

            var user = new AppUser { UserName = body.UserName, Email = body.Email, FullName = body.FullName, UnitCode = body.UnitCode };
            var created = await users.CreateAsync(user, body.Password!);
            if (!created.Succeeded) return IdentityProblem(created);
            if (body.Roles is { Count: > 0 })
            {
                var added = await users.AddToRolesAsync(user, body.Roles.Distinct());
                if (!added.Succeeded) return IdentityProblem(added);
            }
            return Results.Created($"/api/users/{user.Id}", await ToDto(user, users));
        });

        group.MapPut("/{id}/roles", async (string id, SetRoles body, UserManager<AppUser> users) =>
        {
            var user = await users.FindByIdAsync(id);
            if (user is null) return Results.Problem(title: $"No user with id {id}.", statusCode: 404);
            var wanted = (body.Roles ?? []).Distinct().ToList();
            var unknown = wanted.Where(r => !Roles.IsKnown(r)).ToList();
            if (unknown.Count > 0)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["roles"] = [$"Unknown role(s) {string.Join(", ", unknown)}."] });
            var current = await users.GetRolesAsync(user);
            var removed = await users.RemoveFromRolesAsync(user, current.Except(wanted));
            if (!removed.Succeeded) return IdentityProblem(removed);
            var added = await users.AddToRolesAsync(user, wanted.Except(current));
            if (!added.Succeeded) return IdentityProblem(added);
            return Results.Ok(await ToDto(user, users));
        });
    }

    internal static async Task<UserDto> ToDto(AppUser u, UserManager<AppUser> users) =>
        new(u.Id, u.UserName!, u.Email, u.FullName, u.UnitCode, [.. await users.GetRolesAsync(u)], await users.IsLockedOutAsync(u));

    internal static IResult IdentityProblem(IdentityResult result) =>
        Results.ValidationProblem(result.Errors.GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
}

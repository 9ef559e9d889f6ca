using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Host.Users;

namespace Pppk.Workflow.Host.Auth;

/// <summary>Creates the roles and, when nobody holds hr-admin yet, the configured administrator. Never a built-in password.</summary>
public sealed class AdminSeeder(UserManager<AppUser> users, RoleManager<IdentityRole> roles, ILogger<AdminSeeder> logger)
{
    public async Task SeedAsync(AdminOptions admin, string home, CancellationToken ct)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), $"creating role {role}");
        }
        if ((await users.GetUsersInRoleAsync(Roles.HrAdmin)).Count > 0) return;

        var password = admin.Password;
        string? writtenTo = null;
        if (string.IsNullOrEmpty(password))
        {
            // A generated password shown once in a file only the host's user can read.
            password = $"Pppk-{Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('/', 'x').Replace('+', 'y')}-{RandomNumberGenerator.GetInt32(10, 100)}";
            writtenTo = HostPaths.Resolve(home, admin.PasswordFile);
            Directory.CreateDirectory(Path.GetDirectoryName(writtenTo)!);
            await File.WriteAllTextAsync(writtenTo, $"{admin.UserName}\n{password}\n", ct);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(writtenTo, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var user = await users.FindByNameAsync(admin.UserName);
        if (user is null)
        {
            user = new AppUser { UserName = admin.UserName, Email = admin.Email, FullName = "Administrator BKPSDM", EmailConfirmed = true };
            Check(await users.CreateAsync(user, password), $"creating the administrator '{admin.UserName}' (Auth:Admin)");
        }
        Check(await users.AddToRoleAsync(user, Roles.HrAdmin), "granting hr-admin to the administrator");
        if (writtenTo is null)
            logger.LogInformation("Seeded administrator {UserName} with the password from Auth:Admin:Password", admin.UserName);
        else
            logger.LogWarning("Seeded administrator {UserName}; its generated password is in {PasswordFile}. Change it after the first sign-in.", admin.UserName, writtenTo);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Failed {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}

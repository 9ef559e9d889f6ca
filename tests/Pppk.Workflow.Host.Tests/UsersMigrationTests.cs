using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pppk.Workflow.Host.Users;
using Pppk.Workflow.Runtime;
using Pppk.Workflow.Runtime.Database;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Host.Tests;

/// <summary>
/// Users and roles moved from the runtime's DbContext to the host's <see cref="UsersDbContext"/> without a schema change:
/// a database the runtime alone migrated (as every database made before the move) and a fresh one end the same, with
/// the users that were there still signing in through the new context.
/// </summary>
public sealed class UsersMigrationTests
{
    private static ServiceProvider Services(string connectionString, bool users)
    {
        var services = new ServiceCollection().AddLogging().AddPppkRuntime(connectionString);
        if (users) services.AddUsersStore();
        return services.BuildServiceProvider();
    }

    private static async Task MigrateAsync(string connectionString, bool users)
    {
        await using var services = Services(connectionString, users);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_database_made_before_the_move_keeps_its_users_and_takes_the_users_history()
    {
        var connectionString = await TestCluster.CreateDatabaseAsync("users_old");
        try
        {
            // Before the move: the runtime's migrations made the Identity tables, and someone was created in them.
            await MigrateAsync(connectionString, users: false);
            await using (var conn = new NpgsqlConnection(connectionString))
            {
                await conn.OpenAsync();
                await using var insert = new NpgsqlCommand("""
                    INSERT INTO pppk.users (id, user_name, normalized_user_name, unit_code, employee_nik, created_at, email_confirmed, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
                    VALUES ('old-1', 'kepala.lama', 'KEPALA.LAMA', 'DINKES', '6402010101010001', now(), false, false, false, false, 0)
                    """, conn);
                await insert.ExecuteNonQueryAsync();
            }

            await MigrateAsync(connectionString, users: true);
            await MigrateAsync(connectionString, users: true);
            await AssertMigratedAsync(connectionString);
            await using var services = Services(connectionString, users: true);
            await using var scope = services.CreateAsyncScope();
            var old = await scope.ServiceProvider.GetRequiredService<UsersDbContext>().Users.SingleAsync(u => u.NormalizedUserName == "KEPALA.LAMA");
            Assert.Equal(("DINKES", "6402010101010001"), (old.UnitCode, old.EmployeeNik));
        }
        finally
        {
            await TestCluster.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task A_fresh_database_gets_the_same_tables_and_histories()
    {
        var connectionString = await TestCluster.CreateDatabaseAsync("users_new");
        try
        {
            await Task.WhenAll(MigrateAsync(connectionString, users: true), MigrateAsync(connectionString, users: true));
            await AssertMigratedAsync(connectionString);
        }
        finally
        {
            await TestCluster.DropDatabaseAsync(connectionString);
        }
    }

    private static async Task AssertMigratedAsync(string connectionString)
    {
        await using var services = Services(connectionString, users: true);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UsersDbContext>();
        var runtime = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        // Each context's model matches its migrations, and every migration of each is applied once.
        Assert.False(users.Database.HasPendingModelChanges());
        Assert.False(runtime.Database.HasPendingModelChanges());
        Assert.Equal(users.Database.GetMigrations(), await users.Database.GetAppliedMigrationsAsync());
        Assert.Equal(runtime.Database.GetMigrations(), await runtime.Database.GetAppliedMigrationsAsync());

        // The tables are what the model expects: a user with a role, a claim and a cookie key can be written and read back.
        var role = new Microsoft.AspNetCore.Identity.IdentityRole("verifier") { NormalizedName = "VERIFIER" };
        var user = new AppUser { UserName = "baru", NormalizedUserName = "BARU", UnitCode = "DISDIK", EmployeeNik = "6402010101010002" };
        users.Roles.Add(role);
        users.Users.Add(user);
        users.UserRoles.Add(new() { UserId = user.Id, RoleId = role.Id });
        users.UserClaims.Add(new() { UserId = user.Id, ClaimType = "t", ClaimValue = "v" });
        users.DataProtectionKeys.Add(new() { FriendlyName = "key", Xml = "<key/>" });
        await users.SaveChangesAsync();
        users.ChangeTracker.Clear();
        Assert.True(await users.UserRoles.AnyAsync(ur => ur.UserId == user.Id && ur.RoleId == role.Id));
        Assert.Equal("DISDIK", (await users.Users.SingleAsync(u => u.NormalizedUserName == "BARU")).UnitCode);
    }
}

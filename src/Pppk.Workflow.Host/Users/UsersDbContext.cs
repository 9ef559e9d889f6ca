using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Runtime.Database;

namespace Pppk.Workflow.Host.Users;

/// <summary>
/// Users, roles and the cookie-signing keys (ASP.NET Core Identity, Data Protection) in schema <c>pppk</c>. The runtime's
/// first migration (InitialSchema) created these tables; this context's history starts from them with an empty
/// migration, so a database made before the move and a fresh one end the same (<see cref="UsersMigration"/>).
/// </summary>
public sealed class UsersDbContext(DbContextOptions<UsersDbContext> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public const string MigrationsHistoryTable = "__ef_users_migrations_history";

    /// <summary>Cookie-signing keys, shared by every web host on this database so a sign-in holds across them.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>hr-admin's changes to accounts and substitutes (<see cref="UserAudit"/>).</summary>
    public DbSet<UserAuditRecord> UserAudit => Set<UserAuditRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(WorkflowDbContext.Schema);

        // Plain table names instead of Identity's AspNet* prefixes; columns are snake_case by convention.
        builder.Entity<AppUser>(e =>
        {
            e.ToTable("users");
            e.Property(u => u.UnitCode).HasMaxLength(64);
            // One account per person: the NIK links to exactly one user.
            e.Property(u => u.EmployeeNik).HasMaxLength(16);
            e.HasIndex(u => u.EmployeeNik).IsUnique().HasFilter("employee_nik IS NOT NULL");
            e.Property(u => u.Active).HasDefaultValue(true);
        });
        builder.Entity<UserAuditRecord>(e =>
        {
            e.ToTable("user_audit");
            e.Property(a => a.Details).HasColumnType("jsonb");
            e.HasIndex(a => new { a.UserName, a.At });
            e.HasIndex(a => a.At);
        });
        builder.Entity<IdentityRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
    }
}

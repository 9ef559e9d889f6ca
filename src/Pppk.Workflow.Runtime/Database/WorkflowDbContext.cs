using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Runtime.Users;

namespace Pppk.Workflow.Runtime.Database;

/// <summary>The runtime's tables in schema <c>pppk</c>: users and roles now, definitions, instances and work items as they come.</summary>
public sealed class WorkflowDbContext(DbContextOptions<WorkflowDbContext> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public const string Schema = "pppk";
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    /// <summary>Cookie-signing keys, shared by every web host on this database so a sign-in holds across them.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(Schema);

        // Plain table names instead of Identity's AspNet* prefixes; columns are snake_case by convention.
        builder.Entity<AppUser>(e =>
        {
            e.ToTable("users");
            e.Property(u => u.UnitCode).HasMaxLength(64);
            // One account per person: the NIK links to exactly one user.
            e.Property(u => u.EmployeeNik).HasMaxLength(16);
            e.HasIndex(u => u.EmployeeNik).IsUnique().HasFilter("employee_nik IS NOT NULL");
        });
        builder.Entity<IdentityRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        WorkflowModel.Configure(builder);
    }
}

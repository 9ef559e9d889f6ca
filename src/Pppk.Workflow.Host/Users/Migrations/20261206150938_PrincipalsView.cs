using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Host.Users.Migrations
{
    /// <summary>
    /// <c>pppk.principals</c>: the people as the runtime and the notifications read them (user name, groups, unit, name,
    /// address, whether they may sign in), over this context's tables, so that nothing outside the users context names
    /// them (Runtime/People/Principals.cs describes the view's columns).
    /// </summary>
    public partial class PrincipalsView : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIEW pppk.principals AS
                SELECT u.user_name, u.normalized_user_name AS normalized_name,
                       array(SELECT r.name::text FROM pppk.user_roles ur JOIN pppk.roles r ON r.id = ur.role_id
                             WHERE ur.user_id = u.id AND r.name IS NOT NULL ORDER BY r.name) AS groups,
                       u.unit_code, u.full_name, u.email,
                       (u.lockout_end IS NULL OR u.lockout_end < now()) AS active
                FROM pppk.users u
                WHERE u.user_name IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP VIEW pppk.principals;");
        }
    }
}

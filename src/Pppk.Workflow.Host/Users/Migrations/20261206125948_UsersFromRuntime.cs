using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Host.Users.Migrations
{
    /// <summary>
    /// The start of the users context's history: its tables (users, roles, user_roles, user_claims, user_logins,
    /// user_tokens, role_claims, data_protection_keys) exist already, made by the runtime's migrations (InitialSchema and
    /// CaseUnitAndSubject), which run first on every database, old or new. So this changes nothing; later changes to
    /// these tables are migrations of this context.
    /// </summary>
    public partial class UsersFromRuntime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
